package org.missionengine.drools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;

/**
 * The sector-to-sector spillover matrix S of a portfolio (S[a][b] = intensity of the spillover from a to b) and a
 * solver for x = d (I − S)^-1, the total value that direct value d becomes once it has propagated. Built once per
 * evaluation and shared by all missions. A network whose spectral radius is 1 or more amplifies without bound and is
 * refused, naming its strongest loop.
 */
final class SpilloverNetwork {
    private final Map<String, Integer> index;
    private final DecompositionSolver solver;

    private SpilloverNetwork(Map<String, Integer> index, DecompositionSolver solver) {
        this.index = index;
        this.solver = solver;
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
            throw new InvalidPortfolioException(List.of(Problem.at("spillovers", String.format(
                    "the sector spillovers amplify without bound (spectral radius %.4f >= 1); strongest loop: %s",
                    radius, strongestLoop(matrix, new ArrayList<>(index.keySet()))),
                    "Lower the intensities in that loop: value that spills over must shrink as it travels.")));
        }
        RealMatrix iMinusS = MatrixIdentity.minus(spill);
        // x (I − S) = d  <=>  (I − S)^T x^T = d^T
        return new SpilloverNetwork(index, new LUDecomposition(iMinusS.transpose()).getSolver());
    }

    /** Propagates a direct-value vector (by sector) through the network; sectors outside it keep their value. */
    Map<String, Double> propagate(Map<String, Double> direct) {
        Map<String, Double> total = new LinkedHashMap<>();
        if (solver == null) {
            total.putAll(direct);
            return total;
        }
        RealVector d = new ArrayRealVector(index.size());
        direct.forEach((sector, value) -> {
            Integer i = index.get(sector);
            if (i == null) {
                total.merge(sector, value, Double::sum);
            } else {
                d.addToEntry(i, value);
            }
        });
        RealVector x = solver.solve(d);
        index.forEach((sector, i) -> {
            if (x.getEntry(i) != 0) {
                total.merge(sector, x.getEntry(i), Double::sum);
            }
        });
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

    /** Follows the strongest outgoing spillover from each sector until a sector repeats; the loop of highest mean gain. */
    static String strongestLoop(double[][] matrix, List<String> names) {
        String best = "(none found)";
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
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < loop.size(); k++) {
                int from = loop.get(k);
                int to = loop.get((k + 1) % loop.size());
                product *= matrix[from][to];
                text.append(names.get(from)).append(" -(").append(matrix[from][to]).append(")-> ");
            }
            text.append(names.get(loop.get(0)));
            double gain = Math.pow(product, 1.0 / loop.size());
            if (gain > bestGain) {
                bestGain = gain;
                best = text.toString();
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
