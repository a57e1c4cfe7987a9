package org.missionengine.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.missionengine.MissionEngine;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;
import org.missionengine.report.EvaluationReport;

/**
 * Evaluation over a dense sector network the size of an inter-country input-output table (3,500 sectors: 76 countries
 * × 45 industries, every pair linked, 12.25 million sector spillovers), and over a national one (389 sectors, about
 * 46,000 links). The portfolio around it is small (10 missions of 20 projects, whose sectors are the network's first
 * ones), so the time is that of the network: reading it into a matrix, one LU factorisation, the proof that it
 * shrinks, and the solves for the sectors where projects' value starts. Each column sums to 0.2..0.7, as the technical
 * coefficients of a real table do. One operation takes seconds: single shots.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class SpilloverNetworkBenchmark {
    @Param({"389", "3500"})
    public int sectors;

    private MissionEngine engine;
    private Portfolio portfolio;

    @Setup
    public void setUp() {
        Portfolio small = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(10, 20)).build();
        portfolio = small.withSpillovers(network(sectors, sectors == 3500 ? 1.0 : 46_000.0 / (389 * 389)));
        engine = Engines.allPacks(1);
    }

    @Benchmark
    public EvaluationReport evaluate() {
        return engine.evaluate(portfolio, portfolio.asOf());
    }

    /**
     * A network on the synthetic portfolio's sectors and further industries, with the given share of all links; each
     * column scaled to sum to 0.2..0.7, so that with the synthetic network's links (row sums under 0.25) it shrinks.
     */
    static List<Spillover> network(int size, double density) {
        SplittableRandom random = new SplittableRandom(3500);
        double[][] a = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (density >= 1 || random.nextDouble() < density) {
                    a[i][j] = random.nextDouble() * random.nextDouble();
                }
            }
        }
        for (int j = 0; j < size; j++) {
            double sum = 0;
            for (double[] row : a) {
                sum += row[j];
            }
            double target = 0.2 + 0.5 * random.nextDouble();
            for (double[] row : a) {
                row[j] = sum == 0 ? 0 : row[j] * target / sum;
            }
        }
        String[] names = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = i < SyntheticPortfolio.SECTORS.size() ? SyntheticPortfolio.SECTORS.get(i)
                    : "industry-" + SyntheticPortfolio.pad(i, 4);
        }
        List<Spillover> links = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (a[i][j] > 0) {
                    links.add(new Spillover(null, names[i], names[j], SpilloverKind.DEMAND, a[i][j], null,
                            EvidenceLevel.ESTIMATED));
                }
            }
        }
        return links;
    }
}
