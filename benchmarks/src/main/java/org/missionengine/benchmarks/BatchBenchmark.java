package org.missionengine.benchmarks;

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
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/**
 * Batch evaluation with every built-in pack: 100 projects per mission (3 targets × 20 observations, 2 spillovers,
 * 20 % washing), 10k / 100k / 1M projects, on 1 and 2 threads. The portfolio is generated in memory (the same one
 * {@code Generate} writes); the time is {@code engine.evaluate} alone. Each 1M-project operation takes seconds, so an
 * iteration is one operation there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class BatchBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int projects;

    @Param({"1", "2"})
    public int threads;

    private MissionEngine engine;
    private Portfolio portfolio;

    @Setup
    public void setUp() {
        portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(projects / 100, 100)).build();
        engine = Engines.allPacks(threads);
    }

    @Benchmark
    public EvaluationReport evaluate() {
        return engine.evaluate(portfolio, portfolio.asOf());
    }
}
