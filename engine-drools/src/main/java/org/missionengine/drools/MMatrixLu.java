package org.missionengine.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LU factorisation A = LU, without pivoting, of a matrix A = I − S with S ≥ 0, and the solves x A = b it serves.
 * <p>
 * Such an A is a Z-matrix (off-diagonal entries ≤ 0). When ρ(S) &lt; 1 it is a non-singular M-matrix, whose Gaussian
 * elimination needs no row exchanges: every pivot is positive and every trailing matrix is again an M-matrix. A
 * pivot that is not positive therefore shows that ρ(S) ≥ 1 (up to the rounding of the elimination) and the
 * factorisation stops there. A general LU with partial pivoting cannot use this: it searches every column for its
 * largest entry and exchanges rows, work this matrix never needs.
 * <p>
 * Blocked and right-looking, on one array per row: each step factorises a band of {@link #BLOCK} rows
 * (sequentially: a small share of the work), then every row below computes its multipliers from the band and
 * subtracts their product with the band from its own trailing part. That last part is the O(n³) work; rows are
 * independent there, so it is shared among threads, each claiming chunks of rows. Networks below
 * {@link #PARALLEL_FROM} sectors are factorised on the calling thread alone; larger ones on a pool of their own that
 * is shut down before {@link #factorise} returns, so no thread outlives the factorisation.
 * <p>
 * One array per row rather than one row-major array: the inner loops then read and write the same index of different
 * arrays ({@code row[j] -= l * pivotRow[j]}), which the JIT compiles to vector instructions; with two offsets into one
 * array it cannot rule out that they overlap and does not (measured 3 to 4 times slower per multiply-add).
 */
final class MMatrixLu {
    /** Rows factorised per step: on 3,500 sectors 32 to 128 measured within 10% of each other (2.0 to 2.3 s). */
    static final int BLOCK = 64;
    /** Columns of the trailing update per pass, so that the band's slice stays in the cache (64 × 512 doubles). */
    static final int TILE = 512;
    /** Below this many sectors the whole factorisation takes well under a millisecond: not worth a thread pool. */
    static final int PARALLEL_FROM = 200;
    /** Rows per claimed chunk of the trailing update: enough to amortise the claim, few enough to balance. */
    private static final int CHUNK = 32;

    private final int n;
    /** L below the diagonal (its unit diagonal implied) and U on and above it, by rows. */
    private final double[][] factors;

    private MMatrixLu(int n, double[][] factors) {
        this.n = n;
        this.factors = factors;
    }

    /**
     * Factorises I − S on as many threads as there are processors.
     *
     * @return the factors, or null when a pivot is not positive: I − S is then no non-singular M-matrix
     */
    static MMatrixLu of(double[][] s) {
        return of(s, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #of(double[][])}, on at most {@code threads} threads (one below {@link #PARALLEL_FROM} sectors). */
    static MMatrixLu of(double[][] s, int threads) {
        int n = s.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = s[i];
            double[] to = a[i];
            for (int j = 0; j < n; j++) {
                to[j] = -row[j];
            }
            to[i] += 1;
        }
        return factorise(a, n, n < PARALLEL_FROM ? 1 : Math.max(1, threads)) ? new MMatrixLu(n, a) : null;
    }

    /** Factorises {@code a} (n × n) in place; false at the first pivot that is not positive. */
    static boolean factorise(double[][] a, int n, int threads) {
        if (threads <= 1) {
            for (int k0 = 0; k0 < n; k0 += BLOCK) {
                if (!factoriseBand(a, n, k0)) {
                    return false;
                }
                updateRows(a, n, k0, bandEnd(n, k0), n);
            }
            return true;
        }
        List<Thread> started = new CopyOnWriteArrayList<>();
        ExecutorService helpers = Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "spillover-lu");
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        });
        try {
            for (int k0 = 0; k0 < n; k0 += BLOCK) {
                if (!factoriseBand(a, n, k0)) {
                    return false;
                }
                updateInParallel(a, n, k0, helpers, threads);
            }
            return true;
        } finally {
            helpers.shutdownNow();
            awaitTermination(helpers, started);
        }
    }

    private static int bandEnd(int n, int k0) {
        return Math.min(n, k0 + BLOCK);
    }

    /**
     * Rows k0 to k1 − 1 (the band) of L and U, all columns from k0 on: the LU of the band's diagonal block and
     * U's rows to its right. Earlier steps have already subtracted everything above the band from these rows.
     */
    private static boolean factoriseBand(double[][] a, int n, int k0) {
        int k1 = bandEnd(n, k0);
        for (int k = k0; k < k1; k++) {
            double[] rowK = a[k];
            double pivot = rowK[k];
            if (!(pivot > 0)) {
                return false;
            }
            for (int i = k + 1; i < k1; i++) {
                double[] rowI = a[i];
                double l = rowI[k] / pivot;
                rowI[k] = l;
                if (l != 0) {
                    for (int j = k + 1; j < n; j++) {
                        rowI[j] -= l * rowK[j];
                    }
                }
            }
        }
        return true;
    }

    /**
     * Rows from0 to to0 − 1 below the band: each computes its multipliers (its part of L, from the band's diagonal
     * block of U) and then subtracts them times the band's rows of U from its columns right of the band, tile by tile.
     */
    private static void updateRows(double[][] a, int n, int k0, int from0, int to0) {
        int k1 = bandEnd(n, k0);
        int from = Math.max(from0, k1);
        for (int i = from; i < to0; i++) {
            double[] rowI = a[i];
            for (int k = k0; k < k1; k++) {
                double[] rowK = a[k];
                double l = rowI[k] / rowK[k];
                rowI[k] = l;
                if (l != 0) {
                    for (int j = k + 1; j < k1; j++) {
                        rowI[j] -= l * rowK[j];
                    }
                }
            }
        }
        for (int j0 = k1; j0 < n; j0 += TILE) {
            int j1 = Math.min(n, j0 + TILE);
            for (int i = from; i < to0; i++) {
                subtractBand(a, a[i], k0, k1, j0, j1);
            }
        }
    }

    /** Row i's columns j0..j1 minus Σ_k L[i][k] U[k][j] over the band, four band rows at a time (one pass of row i). */
    private static void subtractBand(double[][] a, double[] rowI, int k0, int k1, int j0, int j1) {
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            double l0 = rowI[k];
            double l1 = rowI[k + 1];
            double l2 = rowI[k + 2];
            double l3 = rowI[k + 3];
            double[] u0 = a[k];
            double[] u1 = a[k + 1];
            double[] u2 = a[k + 2];
            double[] u3 = a[k + 3];
            for (int j = j0; j < j1; j++) {
                rowI[j] -= l0 * u0[j] + l1 * u1[j] + l2 * u2[j] + l3 * u3[j];
            }
        }
        for (; k < k1; k++) {
            double l = rowI[k];
            double[] rowK = a[k];
            for (int j = j0; j < j1; j++) {
                rowI[j] -= l * rowK[j];
            }
        }
    }

    /** The rows below the band in chunks, claimed by the calling thread and threads − 1 helpers until none is left. */
    private static void updateInParallel(double[][] a, int n, int k0, ExecutorService helpers, int threads) {
        int first = bandEnd(n, k0);
        int rows = n - first;
        if (rows <= 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger(first);
        Runnable share = () -> {
            for (int from = next.getAndAdd(CHUNK); from < n; from = next.getAndAdd(CHUNK)) {
                updateRows(a, n, k0, from, Math.min(n, from + CHUNK));
            }
        };
        int tasks = Math.min(threads - 1, (rows - 1) / CHUNK);
        List<Future<?>> running = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            running.add(helpers.submit(share));
        }
        share.run();
        for (Future<?> task : running) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while factorising the spillover network", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("factorising the spillover network failed", e.getCause());
            }
        }
    }

    /** Returns once the helpers' threads have ended, not only their tasks: none outlives the factorisation. */
    private static void awaitTermination(ExecutorService helpers, List<Thread> threads) {
        try {
            helpers.awaitTermination(1, TimeUnit.MINUTES);
            for (Thread thread : threads) {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The row vector x with x A = b, i.e. x = b A^-1: with b = e_i, row i of A^-1. Since A = LU, z U = b is solved
     * first and then x L = z; both go along the rows of the factors, as they are stored.
     */
    double[] solveLeft(double[] b) {
        double[] x = b.clone();
        for (int k = 0; k < n; k++) { // z U = b: z_k once the entries left of the diagonal are subtracted
            double[] rowK = factors[k];
            double z = x[k] / rowK[k];
            x[k] = z;
            if (z != 0) {
                for (int j = k + 1; j < n; j++) {
                    x[j] -= z * rowK[j];
                }
            }
        }
        for (int k = n - 1; k > 0; k--) { // x L = z, L with a unit diagonal
            double[] rowK = factors[k];
            double xk = x[k];
            if (xk != 0) {
                for (int j = 0; j < k; j++) {
                    x[j] -= xk * rowK[j];
                }
            }
        }
        return x;
    }
}
