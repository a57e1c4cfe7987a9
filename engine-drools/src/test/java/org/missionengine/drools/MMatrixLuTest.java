package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;

/**
 * The blocked LU of I − S without pivoting against an independent computation, the Neumann series e_i + e_i S +
 * e_i S² + ..., on dense generated networks: sizes below, at and above a block ({@link MMatrixLu#BLOCK}) and the
 * parallel threshold ({@link MMatrixLu#PARALLEL_FROM}), most not a multiple of the block. Every entry is compared to
 * a relative 1e-9. A network at the boundary, ρ(S) exactly 1, has a pivot that is not positive or no proof of
 * shrinking, and is refused as amplifying.
 */
class MMatrixLuTest {
    static final double RELATIVE = 1e-9;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 150, 199, 200, 257})
    void rowsOfTheInverseEqualTheNeumannSeries(int n) {
        double[][] s = dense(new Random(n), n, 0.95);
        MMatrixLu lu = MMatrixLu.of(s);

        assertThat(lu).isNotNull();
        for (int i : new int[] {0, n / 2, n - 1}) {
            double[] unit = new double[n];
            unit[i] = 1;
            assertEqualEntryByEntry(lu.solveLeft(unit), SpilloverNetworkTest.neumann(s, unit), "row " + i);
        }
    }

    /** The solve the decision uses: y with y (I − S) = 1, the column sums of (I − S)^-1. */
    @ParameterizedTest
    @ValueSource(ints = {65, 257})
    void theColumnSumsEqualTheNeumannSeries(int n) {
        double[][] s = dense(new Random(2 * n), n, 0.9);
        double[] ones = new double[n];
        Arrays.fill(ones, 1);

        assertEqualEntryByEntry(MMatrixLu.of(s).solveLeft(ones), SpilloverNetworkTest.neumann(s, ones), "column sums");
    }

    /** Each row below the band is updated by one thread, in the same order: threads change nothing, not even rounding. */
    @Test
    void twoThreadsGiveTheSameFactorsAsOne() {
        int n = 3 * MMatrixLu.BLOCK + 17;
        double[][] s = dense(new Random(5), n, 0.99);
        double[] unit = new double[n];
        unit[n - 2] = 1;

        double[] alone = MMatrixLu.of(s, 1).solveLeft(unit);
        double[] shared = MMatrixLu.of(s, 2).solveLeft(unit);

        assertThat(shared).containsExactly(alone);
        assertEqualEntryByEntry(shared, SpilloverNetworkTest.neumann(s, unit), "row " + (n - 2));
    }

    @Test
    void noThreadOutlivesTheFactorisation() {
        MMatrixLu.of(dense(new Random(6), MMatrixLu.PARALLEL_FROM + 1, 0.9), 2);

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("spillover-lu"));
    }

    /** [[1, −1], [−1, 1]]: the second pivot is 1 − 1 · 1 = 0 exactly. */
    @Test
    void aTwoSectorLoopOfIntensitiesOneHasNoPositiveSecondPivot() {
        assertThat(MMatrixLu.of(new double[][] {{0, 1}, {1, 0}})).isNull();
    }

    @Test
    void aLoopThatAmplifiesHasANegativePivot() {
        assertThat(MMatrixLu.of(new double[][] {{0, 2}, {1, 0}})).isNull();
        assertThat(MMatrixLu.of(new double[][] {{1.5}})).isNull();
    }

    /**
     * Dense, above the parallel threshold and not a multiple of the block: every row sums to exactly 1 (dyadic
     * intensities of 20 bits), so ρ(S) = 1 exactly, with the all-ones vector as eigenvector. Refused, located at a
     * link of the loop the message names, as for any amplifying network.
     */
    @Test
    void aDenseNetworkWhoseSpectralRadiusIsExactlyOneIsRefused() {
        double[][] s = denseStochastic(new Random(7), MMatrixLu.PARALLEL_FROM + 101);
        List<Spillover> spillovers = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                spillovers.add(new Spillover(null, "s" + i, "s" + j, SpilloverKind.DEMAND, s[i][j], null,
                        EvidenceLevel.ESTIMATED));
            }
        }
        Portfolio.Builder portfolio = Portfolio.builder();
        spillovers.forEach(portfolio::spillover);

        InvalidPortfolioException refused = catchThrowableOfType(InvalidPortfolioException.class,
                () -> SpilloverNetwork.of(portfolio.build()));

        assertThat(refused.problems()).hasSize(1);
        Problem problem = refused.problems().get(0);
        assertThat(problem.message()).startsWith("the sector spillovers amplify without bound (spectral radius 1.0000 "
                + ">= 1); strongest loop: ");
        assertThat(problem.location()).matches("spillovers\\[\\d+]");
        Spillover located = spillovers.get(Integer.parseInt(problem.location().replaceAll("\\D", "")));
        assertThat(problem.hint()).startsWith("Lower the intensities in that loop, starting with its strongest link, "
                + located.fromSector() + " -> " + located.toSector() + " (" + problem.location() + ")");
        assertThat(problem.message()).contains(located.fromSector() + " -(" + located.intensity() + ")-> "
                + located.toSector());
    }

    private static void assertEqualEntryByEntry(double[] actual, double[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int j = 0; j < expected.length; j++) {
            assertThat(Math.abs(actual[j] - expected[j])).as("%s, entry %d: %s against %s", what, j, actual[j],
                    expected[j]).isLessThanOrEqualTo(RELATIVE * Math.abs(expected[j]));
        }
    }

    /** Positive entries, rows scaled to sum to {@code radius}: ρ(S) is then exactly that (up to rounding). */
    private static double[][] dense(Random random, int n, double radius) {
        double[][] s = new double[n][n];
        for (double[] row : s) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble() * random.nextDouble() + 1e-3;
                sum += row[j];
            }
            for (int j = 0; j < n; j++) {
                row[j] *= radius / sum;
            }
        }
        return s;
    }

    /** Rows of positive multiples of 2^-20 that sum to exactly 1; the largest share of each row goes to the next sector. */
    private static double[][] denseStochastic(Random random, int n) {
        int whole = 1 << 20;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            int left = whole;
            for (int j = 0; j < n; j++) {
                if (j != (i + 1) % n) {
                    int share = 1 + random.nextInt(whole / n);
                    s[i][j] = share / (double) whole;
                    left -= share;
                }
            }
            s[i][(i + 1) % n] = left / (double) whole;
        }
        return s;
    }
}
