package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.internal.SpilloverLoopException;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;

/**
 * The spillover network on generated networks, from a few sectors to the size of a national input-output table, checked
 * against an independent computation: the Neumann series d + dS + dS² + ..., summed term by term until the terms no
 * longer change the sum. Values agree to 1e-9 of the largest value the direct value becomes (entries far below it, a
 * trickle down a long chain, carry the solve's rounding relative to the whole vector, not to themselves), totals to a
 * relative 1e-9. The boundary, ρ(S) exactly 1, is refused as amplifying; just under it is accepted.
 */
class SpilloverNetworkTest {
    static final double RELATIVE = 1e-9;

    @Test
    void aDenseRandomNetworkEqualsTheNeumannSeries() {
        double[][] s = scaledRows(dense(new Random(11), 120), 0.95);
        checkAgainstNeumann(s, new int[] {0, 7, 119});
    }

    @Test
    void aSparseRandomNetworkEqualsTheNeumannSeries() {
        double[][] s = scaledRows(sparse(new Random(12), 300, 3.0 / 300), 0.9);
        checkAgainstNeumann(s, new int[] {0, 150, 299});
    }

    /**
     * Two dense loops, the first feeding the second, and a last sector fed by the second: value from the first loop
     * reaches everything, value from the second never flows back (exact zeros there), value from the last sector
     * stays there. Several starts share a loop, and so its search for the sectors it reaches.
     */
    @Test
    void loopsThatFeedOneAnotherOnlyOneWayEqualTheNeumannSeries() {
        Random random = new Random(13);
        int n = 141;
        double[][] s = new double[n][n];
        for (int i = 0; i < 140; i++) {
            int loop = i < 70 ? 0 : 70;
            for (int j = loop; j < loop + 70; j++) {
                s[i][j] = random.nextDouble();
            }
            if (i < 70 && random.nextDouble() < 0.2) {
                s[i][70 + random.nextInt(70)] = random.nextDouble();
            }
        }
        s[139][140] = 0.5;
        s[140][140] = 0.5;

        checkAgainstNeumann(scaledRows(s, 0.9), new int[] {140, 139, 70, 71, 0, 3, 69});
    }

    /** 389 industries and about 46,000 technical coefficients, each column summing to 0.2..0.8 as a_ij = z_ij / x_j do. */
    @Test
    void aNetworkTheSizeOfANationalInputOutputTableEqualsTheNeumannSeries() {
        Random random = new Random(389);
        double[][] s = sparse(random, 389, 46_000.0 / (389 * 389));
        for (int j = 0; j < s.length; j++) {
            double column = 0;
            for (double[] row : s) {
                column += row[j];
            }
            double target = 0.2 + 0.6 * random.nextDouble();
            for (double[] row : s) {
                row[j] = column == 0 ? 0 : row[j] * target / column;
            }
        }
        assertThat(entries(s)).isBetween(45_000, 47_000);

        checkAgainstNeumann(s, new int[] {0, 100, 388});
    }

    /** Every row sums to exactly 1 (dyadic intensities): ρ(S) = 1 exactly, with the all-ones vector as eigenvector. */
    @Test
    void aNetworkWhoseSpectralRadiusIsExactlyOneIsRefusedAtTheStrongestLinkOfALoop() {
        List<Spillover> spillovers = spillovers(stochastic(new Random(1), 389));

        InvalidPortfolioException refused = catchThrowableOfType(InvalidPortfolioException.class,
                () -> SpilloverNetwork.of(portfolio(spillovers)));

        assertThat(refused.problems()).hasSize(1);
        Problem problem = refused.problems().get(0);
        assertThat(problem.message()).startsWith("the sector spillovers amplify without bound (spectral radius 1.0000 >= 1); "
                + "strongest loop: ");
        Matcher link = Pattern.compile("starting with its strongest link, (s\\d+) -> (s\\d+) \\((spillovers\\[(\\d+)])")
                .matcher(problem.hint());
        assertThat(link.find()).as(problem.hint()).isTrue();
        assertThat(problem.location()).isEqualTo(link.group(3));
        Spillover located = spillovers.get(Integer.parseInt(link.group(4)));
        assertThat(located.fromSector()).isEqualTo(link.group(1));
        assertThat(located.toSector()).isEqualTo(link.group(2));
        assertThat(problem.message()).contains(link.group(1) + " -(" + located.intensity() + ")-> " + link.group(2));
    }

    @Test
    void aTwoSectorLoopOfIntensitiesOneIsRefusedAtTheEntryThatClosesIt() {
        Portfolio portfolio = Portfolio.builder()
                .spillover(fromSector("energy", "grid", 1.0))
                .spillover(fromSector("grid", "energy", 1.0))
                .build();

        InvalidPortfolioException refused = catchThrowableOfType(InvalidPortfolioException.class,
                () -> SpilloverNetwork.of(portfolio));

        // both links are equally strong: the one written second closed the loop
        assertThat(refused).hasMessage("spillovers[1]: the sector spillovers amplify without bound (spectral radius "
                + "1.0000 >= 1); strongest loop: energy -(1.0)-> grid -(1.0)-> energy. Lower the intensities in that loop, "
                + "starting with its strongest link, grid -> energy (spillovers[1]): value that spills over must shrink as "
                + "it travels.");
    }

    /**
     * The refusal also carries its loop as data, each link with the positions of its entries (parallel ones summed,
     * strongest first, of equals the later first), for a caller that added entries of its own and names them itself (mission-eval's --io-table).
     */
    @Test
    void theRefusalCarriesTheLoopWithTheEntriesOfEachLink() {
        Portfolio portfolio = Portfolio.builder()
                .spillover(fromSector("energy", "storage", 0.3))
                .spillover(fromSector("energy", "grid", 0.4))
                .spillover(fromSector("grid", "energy", 0.5))
                .spillover(fromSector("energy", "grid", 0.6))
                .spillover(fromSector("grid", "energy", 0.5))
                .build();

        SpilloverLoopException refused = catchThrowableOfType(SpilloverLoopException.class,
                () -> SpilloverNetwork.of(portfolio));

        assertThat(refused.radius()).isEqualTo("spectral radius 1.0000 >= 1");
        assertThat(refused.loop()).extracting(SpilloverLoopException.Link::fromSector,
                SpilloverLoopException.Link::toSector, SpilloverLoopException.Link::intensity,
                SpilloverLoopException.Link::entries).containsExactly(
                tuple("energy", "grid", 1.0, List.of(3, 1)),
                tuple("grid", "energy", 1.0, List.of(4, 2)));
        // two links of 1.0: grid -> energy's entry 4 closed the loop
        assertThat(refused.problems().get(0).location()).isEqualTo("spillovers[4]");
        assertThat(refused.inFile("p.json")).isInstanceOfSatisfying(SpilloverLoopException.class, located -> {
            assertThat(located.problems().get(0).file()).isEqualTo("p.json");
            assertThat(located.loop()).isEqualTo(refused.loop());
        });
    }

    /**
     * The same exact-boundary network shrunk by 1e-6: accepted, and as every row of S sums to c, every row of
     * (I − cS)^-1 sums to 1 / (1 − c) = 10^6, a closed form the propagated totals must meet.
     */
    @Test
    void justUnderTheBoundaryIsAcceptedAndExact() {
        double c = 1 - 1e-6;
        double[][] s = stochastic(new Random(1), 389);
        for (double[] row : s) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= c;
            }
        }
        SpilloverNetwork network = SpilloverNetwork.of(portfolio(spillovers(s)));

        for (int i : new int[] {0, 200, 388}) {
            double total = network.propagate(Map.of(name(i), 1.0)).values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(Math.abs(total - 1 / (1 - c)) / (1 / (1 - c))).as("sector %d", i).isLessThan(RELATIVE);
        }
    }

    @Test
    void aSmallLoopJustUnderOneEqualsTheNeumannSeries() {
        // energy -> grid -> storage -> energy with a loop gain of 0.999: 1 / (1 - 0.999) = 1000 times around
        double[][] s = new double[3][3];
        s[0][1] = 0.999;
        s[1][2] = 1.0;
        s[2][0] = 1.0;
        s[0][2] = 0.0005;
        checkAgainstNeumann(s, new int[] {0, 1, 2});
    }

    /** A copy read in another JVM (as Spark broadcasts the network) factorises S again and propagates the same values. */
    @Test
    void aSerialisedCopyPropagatesTheSameValues() throws Exception {
        double[][] s = scaledRows(dense(new Random(14), 230), 0.95);
        SpilloverNetwork network = SpilloverNetwork.of(portfolio(spillovers(s)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(network);
        }
        SpilloverNetwork copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SpilloverNetwork) in.readObject();
        }

        Map<String, Double> direct = Map.of(name(3), 1000.0, name(229), 250.0);
        assertThat(copy.propagate(direct)).isEqualTo(network.propagate(direct));
        double[] d = new double[230];
        d[3] = 1000;
        d[229] = 250;
        double[] expected = neumann(s, d);
        assertThat(copy.propagate(direct).get(name(100))).isCloseTo(expected[100], within(RELATIVE * expected[100]));
    }

    // --- the independent computation and the generated networks ----------------------------------------------------

    private static void checkAgainstNeumann(double[][] s, int[] starts) {
        SpilloverNetwork network = SpilloverNetwork.of(portfolio(spillovers(s)));
        int n = s.length;
        for (int start : starts) {
            Map<String, Double> direct = new LinkedHashMap<>();
            direct.put(name(start), 1000.0);
            direct.put(name((start + 1) % n), 250.0);
            double[] d = new double[n];
            d[start] = 1000;
            d[(start + 1) % n] += 250;
            double[] expected = neumann(s, d);
            Map<String, Double> actual = network.propagate(direct);

            double largest = 0;
            double expectedTotal = 0;
            for (double v : expected) {
                largest = Math.max(largest, Math.abs(v));
                expectedTotal += v;
            }
            double actualTotal = 0;
            for (int j = 0; j < n; j++) {
                double value = actual.getOrDefault(name(j), 0.0);
                actualTotal += value;
                assertThat(Math.abs(value - expected[j])).as("value from %s into %s", name(start), name(j))
                        .isLessThanOrEqualTo(RELATIVE * largest);
                assertThat(value == 0).as("%s reached from %s", name(j), name(start)).isEqualTo(expected[j] == 0);
            }
            assertThat(Math.abs(actualTotal - expectedTotal) / expectedTotal).isLessThan(RELATIVE);
        }
    }

    /** d + dS + dS² + ... until a term no longer changes any entry of the sum. */
    static double[] neumann(double[][] s, double[] d) {
        int n = d.length;
        double[] sum = d.clone();
        double[] term = d.clone();
        for (int k = 0; k < 10_000_000; k++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                if (term[i] != 0) {
                    for (int j = 0; j < n; j++) {
                        next[j] += term[i] * s[i][j];
                    }
                }
            }
            boolean changed = false;
            for (int j = 0; j < n; j++) {
                double before = sum[j];
                sum[j] += next[j];
                changed |= sum[j] != before;
            }
            if (!changed) {
                return sum;
            }
            term = next;
        }
        throw new AssertionError("the Neumann series did not settle");
    }

    private static double[][] dense(Random random, int n) {
        double[][] s = new double[n][n];
        for (double[] row : s) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble();
            }
        }
        return s;
    }

    private static double[][] sparse(Random random, int n, double density) {
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            s[i][(i + 1) % n] = random.nextDouble(); // one ring through all sectors: loops at every scale
            for (int j = 0; j < n; j++) {
                if (random.nextDouble() < density) {
                    s[i][j] = Math.exp(3 * random.nextGaussian()); // skewed, as real coefficients are
                }
            }
        }
        return s;
    }

    /** Rows scaled to sum to {@code total}: the spectral radius is then exactly {@code total}. */
    private static double[][] scaledRows(double[][] s, double total) {
        for (double[] row : s) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            for (int j = 0; j < row.length; j++) {
                row[j] = row[j] * total / sum;
            }
        }
        return s;
    }

    /** Rows of 1 to 8 dyadic intensities (k / 1024) that sum to exactly 1, through a ring so that all is one loop. */
    private static double[][] stochastic(Random random, int n) {
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            int left = 1024;
            int others = random.nextInt(8);
            for (int k = 0; k < others; k++) {
                int share = 1 + random.nextInt(left / 2);
                s[i][random.nextInt(n)] += share / 1024.0;
                left -= share;
            }
            s[i][(i + 1) % n] += left / 1024.0;
        }
        return s;
    }

    private static List<Spillover> spillovers(double[][] s) {
        List<Spillover> spillovers = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (s[i][j] > 0) {
                    spillovers.add(fromSector(name(i), name(j), s[i][j]));
                }
            }
        }
        return spillovers;
    }

    private static Portfolio portfolio(List<Spillover> spillovers) {
        Portfolio.Builder builder = Portfolio.builder();
        spillovers.forEach(builder::spillover);
        return builder.build();
    }

    private static int entries(double[][] s) {
        int entries = 0;
        for (double[] row : s) {
            for (double v : row) {
                entries += v > 0 ? 1 : 0;
            }
        }
        return entries;
    }

    private static String name(int sector) {
        return "s" + sector;
    }

    private static Spillover fromSector(String from, String to, double intensity) {
        return new Spillover(null, from, to, SpilloverKind.DEMAND, intensity, null, EvidenceLevel.ESTIMATED);
    }
}
