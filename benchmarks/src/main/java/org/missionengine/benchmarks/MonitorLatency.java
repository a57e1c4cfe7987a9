package org.missionengine.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.missionengine.MissionEngine;
import org.missionengine.MissionMonitor;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Target;

/**
 * How long the monitor takes to bring its findings up to date after one new observation, with a large portfolio
 * loaded: {@code java -cp benchmarks.jar org.missionengine.benchmarks.MonitorLatency [missions] [projectsPerMission]
 * [updates] [json-file]}. Prints the median, p99 and max of the per-update latency after a warm-up, and the same for the updates
 * during which no garbage collection ran: the tail is mostly collection pauses, and the split shows how much.
 */
public final class MonitorLatency {
    private MonitorLatency() {
    }

    public static void main(String[] args) {
        int missions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int projects = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int updates = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        java.nio.file.Path json = args.length > 3 ? java.nio.file.Path.of(args[3]) : null;
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(missions, projects)).build();
        LocalDate asOf = portfolio.asOf() != null ? portfolio.asOf() : LocalDate.of(2026, 6, 30);
        MissionEngine engine = MissionEngine.builder().build();
        long t0 = System.nanoTime();
        try (MissionMonitor monitor = engine.monitor(portfolio, asOf)) {
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("monitor loaded %d missions, %d projects in %.1f s%n", missions,
                    (long) missions * projects, loadSeconds);
            List<Mission> all = portfolio.missions();
            Random random = new Random(42);
            long[] nanos = new long[updates];
            long[] quiet = new long[updates]; // updates during which no collection ran
            int quietCount = 0;
            List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
            for (int i = 0; i < updates + 2_000; i++) {
                Mission mission = all.get(random.nextInt(all.size()));
                Target target = mission.targets().get(random.nextInt(mission.targets().size()));
                LocalDate date = asOf.minusDays(random.nextInt(2000));
                Observation o = new Observation(target.metric(), mission.id(), date, random.nextDouble() * 100, "feed");
                long collections = collections(collectors);
                long start = System.nanoTime();
                monitor.addObservation(o);
                long took = System.nanoTime() - start;
                if (i >= 2_000) {
                    nanos[i - 2_000] = took;
                    if (collections(collectors) == collections) {
                        quiet[quietCount++] = took;
                    }
                }
            }
            Arrays.sort(nanos);
            System.out.printf("one new observation, %d updates after 2,000 warm-up: median %.1f µs, p99 %.1f µs, "
                    + "max %.1f µs%n", updates, nanos[updates / 2] / 1e3, nanos[(int) (updates * 0.99)] / 1e3,
                    nanos[updates - 1] / 1e3);
            long[] q = Arrays.copyOf(quiet, quietCount);
            Arrays.sort(q);
            if (quietCount > 0) {
                System.out.printf("the %d updates without a garbage collection: median %.1f µs, p99 %.1f µs, max %.1f µs"
                        + "%n", quietCount, q[quietCount / 2] / 1e3, q[(int) (quietCount * 0.99)] / 1e3,
                        q[quietCount - 1] / 1e3);
            }
            String gc = String.join(" + ", collectors.stream().map(GarbageCollectorMXBean::getName).toList());
            System.out.printf("JVM: %s %s, GC %s, -Xmx %,d MB%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.runtime.version"), gc, Runtime.getRuntime().maxMemory() >> 20);
            if (json != null) {
                var out = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                out.put("missions", missions).put("projects", (long) missions * projects).put("updates", updates)
                        .put("loadSeconds", loadSeconds).put("gc", gc)
                        .put("xmxMb", Runtime.getRuntime().maxMemory() >> 20)
                        .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                        .put("medianMicros", nanos[updates / 2] / 1e3)
                        .put("p99Micros", nanos[(int) (updates * 0.99)] / 1e3)
                        .put("maxMicros", nanos[updates - 1] / 1e3)
                        .put("quietUpdates", quietCount);
                if (quietCount > 0) {
                    out.put("quietMedianMicros", q[quietCount / 2] / 1e3)
                            .put("quietP99Micros", q[(int) (quietCount * 0.99)] / 1e3)
                            .put("quietMaxMicros", q[quietCount - 1] / 1e3);
                }
                try {
                    java.nio.file.Files.writeString(json, out.toPrettyString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    private static long collections(List<GarbageCollectorMXBean> collectors) {
        long count = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }
}
