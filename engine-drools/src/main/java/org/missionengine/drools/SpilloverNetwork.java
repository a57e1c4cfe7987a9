package org.missionengine.drools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;

/**
 * The sector-to-sector spillover matrix S of a portfolio (S[a][b] = intensity of the spillover from a to b) and
 * x = d (I − S)^-1, the total value that direct value d becomes once it has propagated. Built once per
 * evaluation and shared by all missions (serializable: the Spark evaluator computes it once and broadcasts it). A
 * network whose spectral radius is 1 or more amplifies without bound and is
 * refused, naming its strongest loop.
 */
final class SpilloverNetwork implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> index;
    /** The network's sectors by index. */
    private final String[] names;
    /**
     * (I − S)^-1 by rows, null without a network: x = d (I − S)^-1 is the sum of d_i times row i, so a project's
     * direct value (in one to three sectors) propagates in a few passes over a row instead of a full solve.
     */
    private final double[][] rows;

    private SpilloverNetwork(Map<String, Integer> index, double[][] rows) {
        this.index = index;
        this.rows = rows;
        this.names = index.keySet().toArray(String[]::new);
    }

    /** Sectors and their values, in the order {@link #propagate} lists them. */
    record Propagation(String[] sectors, double[] values, int size) {
    }

    /**
     * What {@link #propagate} computes (the same sectors, order and values) from and into arrays instead of maps: it
     * runs once per project, so on large portfolios a map entry and a boxed value per sector add up.
     *
     * @param direct      the sectors of the direct value, distinct
     * @param directValue their direct values
     * @param count       how many of the two arrays' entries are used
     */
    Propagation propagateToArrays(String[] direct, double[] directValue, int count) {
        int capacity = count + names.length;
        String[] sectors = new String[capacity];
        double[] values = new double[capacity];
        int n = 0;
        if (rows == null) {
            System.arraycopy(direct, 0, sectors, 0, count);
            System.arraycopy(directValue, 0, values, 0, count);
            return new Propagation(sectors, values, count);
        }
        double[] x = new double[names.length];
        for (int k = 0; k < count; k++) {
            Integer i = index.get(direct[k]);
            if (i == null) {
                sectors[n] = direct[k]; // outside the network: keeps its direct value
                values[n++] = directValue[k];
            } else {
                add(x, directValue[k], rows[i]);
            }
        }
        for (int j = 0; j < names.length; j++) {
            if (x[j] != 0) {
                sectors[n] = names[j];
                values[n++] = x[j];
            }
        }
        return new Propagation(sectors, values, n);
    }

    private static void add(double[] x, double factor, double[] row) {
        if (factor == 0) {
            return;
        }
        for (int j = 0; j < x.length; j++) {
            x[j] += factor * row[j];
        }
    }

    static SpilloverNetwork of(Portfolio portfolio) {
        Set<String> sectors = new LinkedHashSet<>();
        List<Spillover> sectorSpillovers = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < portfolio.spillovers().size(); i++) {
            Spillover s = portfolio.spillovers().get(i);
            if (s.fromSector() != null) {
                sectors.add(s.fromSector());
                sectors.add(s.toSector());
                sectorSpillovers.add(s);
                positions.add(i);
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        sectors.forEach(s -> index.put(s, index.size()));
        int n = index.size();
        double[][] matrix = new double[n][n];
        for (Spillover s : sectorSpillovers) {
            matrix[index.get(s.fromSector())][index.get(s.toSector())] += s.intensity();
        }
        if (n == 0) {
            return new SpilloverNetwork(index, null);
        }
        RealMatrix spill = new Array2DRowRealMatrix(matrix, false);
        double radius = spectralRadius(spill);
        if (radius >= 1) {
            throw amplifying(radius, matrix, index, sectorSpillovers, positions);
        }
        RealMatrix iMinusS = MatrixIdentity.minus(spill);
        return new SpilloverNetwork(index, new LUDecomposition(iMinusS).getSolver().getInverse().getData());
    }

    /** Propagates a direct-value vector (by sector) through the network; sectors outside it keep their value. */
    Map<String, Double> propagate(Map<String, Double> direct) {
        String[] sectors = direct.keySet().toArray(String[]::new);
        double[] values = new double[sectors.length];
        for (int k = 0; k < sectors.length; k++) {
            values[k] = direct.get(sectors[k]);
        }
        Propagation p = propagateToArrays(sectors, values, sectors.length);
        Map<String, Double> total = new LinkedHashMap<>();
        for (int k = 0; k < p.size(); k++) {
            total.merge(p.sectors()[k], p.values()[k], Double::sum);
        }
        return total;
    }

    static double spectralRadius(RealMatrix matrix) {
        EigenDecomposition eigen = new EigenDecomposition(matrix);
        double[] re = eigen.getRealEigenvalues();
        double[] im = eigen.getImagEigenvalues();
        double radius = 0;
        for (int i = 0; i < re.length; i++) {
            radius = Math.max(radius, Math.hypot(re[i], im[i]));
        }
        return radius;
    }

    /** A loop of the sector network as text, and its strongest link (from, to; -1 when no loop was found). */
    record Loop(String text, int from, int to) {
    }

    /**
     * The refusal of a network that amplifies: its strongest loop, located at the largest entry of the loop's strongest
     * link (parallel entries add up to a link), where a fix starts.
     */
    private static InvalidPortfolioException amplifying(double radius, double[][] matrix, Map<String, Integer> index,
                                                        List<Spillover> sectorSpillovers, List<Integer> positions) {
        List<String> names = new ArrayList<>(index.keySet());
        Loop loop = strongestLoop(matrix, names);
        List<Integer> link = new ArrayList<>();
        for (int k = 0; k < sectorSpillovers.size(); k++) {
            Spillover s = sectorSpillovers.get(k);
            if (loop.from() >= 0 && index.get(s.fromSector()) == loop.from() && index.get(s.toSector()) == loop.to()) {
                link.add(k);
            }
        }
        link.sort((a, b) -> Double.compare(sectorSpillovers.get(b).intensity(), sectorSpillovers.get(a).intensity()));
        List<String> entries = link.stream().map(k -> "spillovers[" + positions.get(k) + "]").toList();
        String location = entries.isEmpty() ? "spillovers" : entries.get(0);
        String strongest = entries.isEmpty() ? "" : ", starting with its strongest link, " + names.get(loop.from())
                + " -> " + names.get(loop.to()) + " (" + String.join(" + ", entries) + ")";
        return new InvalidPortfolioException(List.of(Problem.at(location, String.format(Locale.ROOT,
                "the sector spillovers amplify without bound (spectral radius %.4f >= 1); strongest loop: %s",
                radius, loop.text()),
                "Lower the intensities in that loop" + strongest + ": value that spills over must shrink as it travels.")));
    }

    /** Follows the strongest outgoing spillover from each sector until a sector repeats; the loop of highest mean gain. */
    static Loop strongestLoop(double[][] matrix, List<String> names) {
        Loop best = new Loop("(none found)", -1, -1);
        double bestGain = -1;
        for (int start = 0; start < matrix.length; start++) {
            Map<Integer, Integer> seenAt = new HashMap<>();
            List<Integer> path = new ArrayList<>();
            int node = start;
            while (node >= 0 && !seenAt.containsKey(node)) {
                seenAt.put(node, path.size());
                path.add(node);
                int next = -1;
                for (int j = 0; j < matrix.length; j++) {
                    if (matrix[node][j] > 0 && (next < 0 || matrix[node][j] > matrix[node][next])) {
                        next = j;
                    }
                }
                node = next;
            }
            if (node < 0) {
                continue;
            }
            List<Integer> loop = path.subList(seenAt.get(node), path.size());
            double product = 1;
            int strongest = 0;
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < loop.size(); k++) {
                int from = loop.get(k);
                int to = loop.get((k + 1) % loop.size());
                product *= matrix[from][to];
                if (matrix[from][to] > matrix[loop.get(strongest)][loop.get((strongest + 1) % loop.size())]) {
                    strongest = k;
                }
                text.append(names.get(from)).append(" -(").append(matrix[from][to]).append(")-> ");
            }
            text.append(names.get(loop.get(0)));
            double gain = Math.pow(product, 1.0 / loop.size());
            if (gain > bestGain) {
                bestGain = gain;
                best = new Loop(text.toString(), loop.get(strongest), loop.get((strongest + 1) % loop.size()));
            }
        }
        return best;
    }

    /** Small helper: I − M. */
    static final class MatrixIdentity {
        private MatrixIdentity() {
        }

        static RealMatrix minus(RealMatrix m) {
            RealMatrix result = m.scalarMultiply(-1);
            for (int i = 0; i < m.getRowDimension(); i++) {
                result.addToEntry(i, i, 1);
            }
            return result;
        }
    }
}
