package org.missionengine.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.missionengine.MissionEngine;
import org.missionengine.model.Portfolio;

/**
 * The engine's cost against the hand-written {@link Baseline}, as a ratio that a busy or shared machine does not
 * distort: the baseline, the engine with only the rules behind the shared checks, the engine with one trivial rule and
 * the engine with every pack run in turn in one JVM, on one thread, and each is timed by the thread's CPU time. A
 * machine that slows down for a minute slows them all alike; {@code SharedChecksBenchmark} (JMH) times each in a JVM
 * of its own, minutes apart.
 * The first quarter of the rounds warms up and is left out; the medians (and the fastest runs) are printed.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks.jar org.missionengine.benchmarks.SharedChecksRatio [ROUNDS] [MISSIONS]
 * </pre>
 */
public final class SharedChecksRatio {
    private SharedChecksRatio() {
    }

    /** Runs it: {@code ROUNDS} (default 40) of each, on {@code MISSIONS} (default 1,000) missions of 100 projects. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int missions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(missions, 100)).build();
        Baseline baseline = new Baseline(Baseline.Thresholds.DEFAULTS.with(portfolio.parameters()));
        MissionEngine shared = Engines.sharedChecksOnly(1);
        MissionEngine oneRule = Engines.oneRule(1);
        MissionEngine allPacks = Engines.allPacks(1);
        Map<String, Runnable> contenders = new LinkedHashMap<>();
        contenders.put("baseline", () -> baseline.evaluate(portfolio, portfolio.asOf()));
        contenders.put("engineSharedChecks", () -> shared.evaluate(portfolio, portfolio.asOf()));
        contenders.put("engineOneRule", () -> oneRule.evaluate(portfolio, portfolio.asOf()));
        contenders.put("engineAllPacks", () -> allPacks.evaluate(portfolio, portfolio.asOf()));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Runnable> contender : contenders.entrySet()) {
                // the baseline is short: ten runs make one measurement, so that the clock's grain does not matter
                int repeats = contender.getKey().equals("baseline") ? 10 : 1;
                long start = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < repeats; r++) {
                    contender.getValue().run();
                }
                double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / repeats;
                if (round >= rounds / 4) {
                    times.computeIfAbsent(contender.getKey(), k -> new ArrayList<>()).add(ms);
                }
            }
        }
        double base = median(times.get("baseline"));
        double fastestBase = Collections.min(times.get("baseline"));
        System.out.printf("%d missions x 100 projects, 1 thread, %d rounds (the first %d left out), thread CPU; Java %s%n",
                missions, rounds, rounds / 4, Runtime.version());
        times.forEach((name, ms) -> System.out.printf("%-19s median %8.2f ms, fastest %8.2f ms: %5.1fx the baseline "
                + "(fastest against fastest %5.1fx)%n", name, median(ms), Collections.min(ms), median(ms) / base,
                Collections.min(ms) / fastestBase));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
