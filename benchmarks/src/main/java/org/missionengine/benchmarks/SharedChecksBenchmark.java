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
 * The rule engine against the hand-written {@link Baseline} on the same portfolio and the same checks
 * (MW_REBRANDED, MW_NO_NEW_MONEY, MW_CAPTURED, CRIT_NARROW_SECTORS, target statuses), one thread each:
 * {@code engineSharedChecks} runs only those rules; {@code engineOneRule} runs one rule that matches the mission alone
 * (the cost of a mission's facts, session and report before any rule work: the floor under the others);
 * {@code engineAllPacks} runs everything, for scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SharedChecksBenchmark {
    @Param({"100000"})
    public int projects;

    private Portfolio portfolio;
    private Baseline baseline;
    private MissionEngine shared;
    private MissionEngine all;
    private MissionEngine oneRule;

    @Setup
    public void setUp() {
        portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(projects / 100, 100)).build();
        baseline = new Baseline(Baseline.Thresholds.DEFAULTS.with(portfolio.parameters()));
        shared = Engines.sharedChecksOnly(1);
        all = Engines.allPacks(1);
        oneRule = Engines.oneRule(1);
    }

    @Benchmark
    public Baseline.Result baseline() {
        return baseline.evaluate(portfolio, portfolio.asOf());
    }

    @Benchmark
    public EvaluationReport engineSharedChecks() {
        return shared.evaluate(portfolio, portfolio.asOf());
    }

    @Benchmark
    public EvaluationReport engineOneRule() {
        return oneRule.evaluate(portfolio, portfolio.asOf());
    }

    @Benchmark
    public EvaluationReport engineAllPacks() {
        return all.evaluate(portfolio, portfolio.asOf());
    }
}
