package org.missionengine.drools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;

/**
 * The sector-to-sector spillover matrix S of a portfolio (S[a][b] = intensity of the spillover from a to b) and
 * x = d (I − S)^-1, the total value that direct value d becomes once it has propagated. Built once per evaluation and
 * shared by all missions (serializable: the Spark evaluator computes it once and broadcasts it).
 * <p>
 * One LU factorisation of I − S ({@link MMatrixLu}: no pivoting, as I − S is an M-matrix when the network shrinks)
 * serves both the decision and the values. The decision is exact rather than iterative: S is non-negative, so
 * ρ(S) &lt; 1 exactly when I − S is a non-singular M-matrix, which holds exactly when some y &gt; 0 has Sᵀy &lt; y
 * (Collatz–Wielandt). The solve y = ((I − S)ᵀ)^-1 1 gives that y whenever ρ(S) &lt; 1 (y = Σ (Sᵀ)^k 1 ≥ 1), and the
 * inequality is then checked on S itself with a margin for the rounding of the product, so an accepted network is
 * proven to shrink whatever the accuracy of the factorisation and the solve; a network that amplifies (ρ ≥ 1, the
 * boundary included) has no such y, or already a pivot that is not positive, and is refused by
 * {@link AmplifyingNetwork}. Nothing iterates to a tolerance, so nothing can fail to converge.
 * <p>
 * Values are solves, not an inverse: row i of (I − S)^-1 is the solution r of r (I − S) = e_i, i.e. of
 * (I − S)ᵀ rᵀ = e_i, and a project's direct value lies in one to three sectors, so the rows of the sectors where value
 * starts are solved once, when first needed, and every project starting there reuses them.
 */
final class SpilloverNetwork implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> index;
    /** The network's sectors by index. */
    private final String[] names;
    /** S by rows: which sectors a sector reaches, so that value never appears where it cannot flow. */
    private final double[][] matrix;
    /**
     * LU of I − S; null without a network. Not serialised, as it is as large as S: a copy sent to another JVM, as
     * Spark broadcasts it, factorises S again.
     */
    private transient MMatrixLu lu;
    /** Rows of (I − S)^-1 solved so far. */
    private final AtomicReferenceArray<double[]> rows;
    /** Whether there is a network to factorise (a copy rebuilds {@link #lu} from it). */
    private final boolean hadNetwork;
    /** Which sectors each sector reaches, found when a row is first solved; null until then (and in a copy). */
    private transient volatile Reach reach;

    private SpilloverNetwork(Map<String, Integer> index, double[][] matrix, MMatrixLu lu) {
        this.index = index;
        this.names = index.keySet().toArray(String[]::new);
        this.matrix = matrix;
        this.lu = lu;
        this.hadNetwork = lu != null;
        this.rows = new AtomicReferenceArray<>(names.length);
    }

    /** Factorises S again in the JVM that reads a serialised network; it was proven not to amplify where it was built. */
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (hadNetwork) {
            lu = MMatrixLu.of(matrix);
            if (lu == null) {
                throw new java.io.InvalidObjectException("the spillover network's matrix is not a non-singular M-matrix");
            }
        }
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
        if (lu == null) {
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
            } else if (directValue[k] != 0) {
                add(x, directValue[k], row(i));
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
        for (int j = 0; j < x.length; j++) {
            x[j] += factor * row[j];
        }
    }

    /**
     * Row i of (I − S)^-1: what one unit of value starting in sector i becomes in every sector. Solves share nothing,
     * so threads that need the same row at once may each solve it; they get the same values, and the first one kept.
     */
    private double[] row(int i) {
        double[] row = rows.get(i);
        if (row == null) {
            double[] unit = new double[names.length];
            unit[i] = 1;
            rows.compareAndSet(i, null, reachableOnly(reached(i), lu.solveLeft(unit)));
            row = rows.get(i);
        }
        return row;
    }

    /** Exact zeros where value cannot flow, rather than the rounding residue of the solve. */
    private static double[] reachableOnly(boolean[] reached, double[] row) {
        for (int j = 0; j < row.length; j++) {
            if (!reached[j]) {
                row[j] = 0;
            }
        }
        return row;
    }

    /**
     * The sectors sector i reaches, itself included. Sectors of one strongly connected component reach the same
     * ones, so the search (a pass over S) runs once per component rather than once per row: on a dense network,
     * where every sector reaches every other, once in all.
     */
    private boolean[] reached(int i) {
        Reach known = reach;
        if (known == null) {
            known = new Reach(AmplifyingNetwork.components(matrix), new AtomicReferenceArray<>(names.length));
            reach = known; // threads that raced here computed the same components
        }
        int component = known.component()[i];
        boolean[] reached = known.byComponent().get(component);
        if (reached == null) {
            known.byComponent().compareAndSet(component, null, search(i));
            reached = known.byComponent().get(component);
        }
        return reached;
    }

    /** The components of S's graph by sector, and what each component reaches once searched. */
    private record Reach(int[] component, AtomicReferenceArray<boolean[]> byComponent) {
    }

    /** Breadth-first search of S's graph from sector {@code from}. */
    private boolean[] search(int from) {
        boolean[] reached = new boolean[names.length];
        int[] queue = new int[names.length];
        int head = 0;
        int tail = 0;
        reached[from] = true;
        queue[tail++] = from;
        while (head < tail) {
            double[] out = matrix[queue[head++]];
            for (int j = 0; j < out.length; j++) {
                if (out[j] > 0 && !reached[j]) {
                    reached[j] = true;
                    queue[tail++] = j;
                }
            }
        }
        return reached;
    }

    static SpilloverNetwork of(Portfolio portfolio) {
        List<Spillover> spillovers = portfolio.spillovers();
        Map<String, Integer> index = new LinkedHashMap<>(); // sectors in order of first mention
        for (Spillover s : spillovers) {
            if (s.fromSector() != null) {
                index.putIfAbsent(s.fromSector(), index.size());
                index.putIfAbsent(s.toSector(), index.size());
            }
        }
        int n = index.size();
        double[][] matrix = new double[n][n];
        // a table lists a sector's spillovers together: its row is looked up once per run of them, not per entry
        String from = null;
        double[] row = null;
        for (Spillover s : spillovers) {
            if (s.fromSector() != null) {
                if (!s.fromSector().equals(from)) {
                    from = s.fromSector();
                    row = matrix[index.get(from)];
                }
                row[index.get(s.toSector())] += s.intensity();
            }
        }
        if (n == 0) {
            return new SpilloverNetwork(index, matrix, null);
        }
        MMatrixLu lu = MMatrixLu.of(matrix);
        double[] columnSums = lu == null ? null : lu.solveLeft(ones(n));
        if (!provesShrinking(matrix, columnSums)) {
            throw AmplifyingNetwork.refusal(matrix, index, spillovers);
        }
        return new SpilloverNetwork(index, matrix, lu);
    }

    /**
     * True when y &gt; 0 and Sᵀy &lt; y in every entry, which proves ρ(S) ≤ max_j (Sᵀy)_j / y_j &lt; 1. Sᵀy is a sum
     * of at most n non-negative products, computed with a relative error below n·2^-53 (plus one rounding for the
     * comparison), so it is compared after scaling up by that much: the proof holds for the exact S. No y (a
     * pivot was not positive) or a NaN or infinite one proves nothing.
     */
    static boolean provesShrinking(double[][] matrix, double[] y) {
        if (y == null) {
            return false;
        }
        int n = matrix.length;
        double[] product = new double[n];
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            if (!(yi > 0 && yi < Double.POSITIVE_INFINITY)) {
                return false;
            }
            double[] row = matrix[i];
            for (int j = 0; j < n; j++) {
                product[j] += row[j] * yi;
            }
        }
        double margin = 1 + (2.0 * n + 2) * 0x1p-53;
        for (int j = 0; j < n; j++) {
            if (!(product[j] * margin < y[j])) {
                return false;
            }
        }
        return true;
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
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
}
