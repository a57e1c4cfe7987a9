package org.missionengine.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.missionengine.MissionEngine;
import org.missionengine.ProgressListener;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.PortfolioReport;

/**
 * Wall-clock time and heap of whole batch runs, outside JMH (a 1M-project run takes seconds, and its heap is the
 * question): reads a portfolio file (or generates one in memory), builds the engine, evaluates it {@code --runs}
 * times, and prints each time, the median, and the heap: the most used after any collection (the live set plus what
 * the collector chose to keep) and the peak of the heap pools.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks.jar org.missionengine.benchmarks.Measure --file big.json --threads 2 --runs 5
 * java -Xmx4g -cp benchmarks.jar org.missionengine.benchmarks.Measure --missions 10000 --projects 100 --threads 2
 * java -Xmx2g -cp benchmarks.jar org.missionengine.benchmarks.Measure --missions 10000 --projects 100 --stream
 * </pre>
 *
 * <p>{@code --stream} hands each mission's report to a consumer that counts its findings and drops it (as a streamed
 * JSON report does), instead of keeping the whole report: the heap then holds the portfolio and the missions in flight.
 */
public final class Measure {
    private static final AtomicLong MAX_AFTER_GC = new AtomicLong();

    private Measure() {
    }

    public static void main(String[] args) throws Exception {
        Path file = null;
        int missions = 100;
        int projects = 100;
        int threads = Runtime.getRuntime().availableProcessors();
        int runs = 5;
        boolean shared = false;
        boolean stream = false;
        Path json = null;
        java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--missions" -> missions = Integer.parseInt(args[++i]);
                case "--projects" -> projects = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--shared-checks" -> shared = true;
                case "--stream" -> stream = true;
                case "--json" -> json = Path.of(args[++i]);
                case "--param" -> {
                    String[] pair = args[++i].split("=", 2);
                    parameters.put(pair[0], Double.parseDouble(pair[1]));
                }
                default -> {
                    System.err.println("usage: Measure [--file F | --missions N --projects N] [--threads N] [--runs N]"
                            + " [--shared-checks] [--stream] [--param NAME=NUMBER]... [--json FILE]");
                    System.exit(2);
                }
            }
        }
        watchCollections();
        long t0 = System.nanoTime();
        Portfolio portfolio = file != null ? PortfolioFiles.read(file)
                : new SyntheticPortfolio(SyntheticPortfolio.Spec.of(missions, projects)).build();
        long t1 = System.nanoTime();
        long projectCount = portfolio.missions().stream().mapToLong(m -> m.projects().size()).sum();
        System.out.printf("portfolio: %,d missions, %,d projects, %,d observations; %s in %.2f s%n",
                portfolio.missions().size(), projectCount, portfolio.observations().size(),
                file != null ? "read from " + file : "generated", (t1 - t0) / 1e9);
        long heapAfterLoad = usedAfterFullGc();
        System.out.printf("heap holding the portfolio (after a full GC): %,d MB%n", heapAfterLoad >> 20);

        long t2 = System.nanoTime();
        MissionEngine engine = shared ? Engines.sharedChecksOnly(threads, parameters)
                : Engines.allPacks(threads, parameters);
        System.out.printf("engine built in %.2f s (%s, threads=%d, report %s)%n",
                (System.nanoTime() - t2) / 1e9, shared ? "shared checks only" : "all built-in packs", threads,
                stream ? "streamed" : "kept");

        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        double[] gcSeconds = new double[runs];
        int findings = 0;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            long gc = gcMillis();
            if (stream) {
                AtomicLong streamed = new AtomicLong();
                PortfolioReport rest = engine.evaluate(portfolio, portfolio.asOf(), ProgressListener.NONE,
                        mission -> streamed.addAndGet(mission.findings().size()));
                seconds[r] = (System.nanoTime() - start) / 1e9;
                findings = (int) (streamed.get() + rest.findings().size());
            } else {
                EvaluationReport report = engine.evaluate(portfolio, portfolio.asOf());
                seconds[r] = (System.nanoTime() - start) / 1e9;
                findings = report.allFindings().size();
                report = null; // not reachable while the next run builds its own: one report at a time, as in real use
            }
            cpuSeconds[r] = (processCpuNanos() - cpu) / 1e9;
            gcSeconds[r] = (gcMillis() - gc) / 1e3;
            System.out.printf("run %d: %.2f s (%,d findings); process CPU %.2f s; GC %.2f s%n", r + 1, seconds[r],
                    findings, cpuSeconds[r], gcSeconds[r]);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf("evaluate: median %.2f s, min %.2f s, max %.2f s over %d runs%n", median(sorted), sorted[0],
                sorted[sorted.length - 1], runs);
        System.out.printf("heap: max used after a collection %,d MB; peak of the heap pools %,d MB; -Xmx %,d MB%n",
                MAX_AFTER_GC.get() >> 20, peakHeapPools() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        String collectors = String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(b -> b.getName()).toList());
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.printf("JVM: %s, %d available processors, GC %s%n", jvm,
                Runtime.getRuntime().availableProcessors(), collectors);
        if (json != null) {
            var out = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            out.put("source", file != null ? file.toString() : "generated");
            out.put("missions", portfolio.missions().size());
            out.put("projects", projectCount);
            out.put("threads", threads);
            out.put("checks", shared ? "shared checks only" : "all built-in packs");
            out.put("report", stream ? "streamed" : "kept");
            out.put("readSeconds", (t1 - t0) / 1e9);
            out.put("portfolioMb", heapAfterLoad >> 20);
            out.put("xmx", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b).map(a -> a.substring(4))
                    .orElse((Runtime.getRuntime().maxMemory() >> 20) + " MB (default)"));
            out.put("gc", collectors);
            out.put("jvm", jvm);
            out.put("findings", findings);
            double[][] series = {seconds, cpuSeconds, gcSeconds};
            String[] names = {"seconds", "cpuSeconds", "gcSeconds"};
            for (int k = 0; k < names.length; k++) {
                var array = out.putArray(names[k]);
                for (double v : series[k]) {
                    array.add(v);
                }
            }
            out.put("maxAfterGcMb", MAX_AFTER_GC.get() >> 20);
            out.put("peakPoolsMb", peakHeapPools() >> 20);
            java.nio.file.Files.writeString(json, out.toPrettyString());
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Milliseconds the collectors report having spent (pauses and, for G1, concurrent cycles' pauses). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum();
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Records the heap in use after every collection (young ones included). */
    private static void watchCollections() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    used += usage.getUsed();
                }
                // non-heap pools (metaspace, code cache) are in the map too: subtract them
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.NON_HEAP) {
                        MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                        if (after != null) {
                            used -= after.getUsed();
                        }
                    }
                }
                MAX_AFTER_GC.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    private static long usedAfterFullGc() {
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
            }
        }
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long peakHeapPools() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
