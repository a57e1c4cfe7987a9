package org.missionengine.drools.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.missionengine.MissionEngine;
import org.missionengine.model.Portfolio;

/**
 * Building engine after engine (an application that rebuilds its engine whenever an analyst changes a rule file) does
 * not grow the heap without bound: the engine compiles with a KnowledgeBuilder of its own and never registers
 * anything in Drools' global KieRepository, so a dropped engine is garbage. 500 engines are built (two at a time),
 * each evaluates a portfolio once and is dropped; the heap in use after a full GC is measured after 100 and after 500
 * builds. {@code -Dmissionengine.reliability.engineBuilds=N} changes the number (at least 200).
 *
 * <p>A soak test (about two minutes on two cores): {@code mvn verify -Psoak} runs it, as CI does once; the everyday
 * {@code mvn verify} leaves it out.
 */
@Tag("soak")
class EngineBuildHeapTest {
    static final int BUILDS = Math.max(200, Integer.getInteger("missionengine.reliability.engineBuilds", 500));
    static final int FIRST_MEASURE = 100;
    /** Growth allowed between the two measures: far below what keeping every engine would take (about 1 MB each). */
    static final long ALLOWED_GROWTH = 24L * 1024 * 1024;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void buildingFiveHundredEnginesDoesNotGrowTheHeap() throws Exception {
        Portfolio portfolio = SmallPortfolio.build();
        AtomicInteger built = new AtomicInteger();
        long start = System.nanoTime();
        build(FIRST_MEASURE, built, portfolio);
        long afterFirst = usedHeapAfterGc();
        long metaspaceFirst = metaspace();
        build(BUILDS - FIRST_MEASURE, built, portfolio);
        long afterAll = usedHeapAfterGc();
        long metaspaceAll = metaspace();
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("reliability: %d engines built in %.0f s; heap in use after GC: %.1f MB after %d builds, "
                        + "%.1f MB after %d (%+.1f MB); metaspace %.1f MB -> %.1f MB%n", built.get(), seconds,
                mb(afterFirst), FIRST_MEASURE, mb(afterAll), built.get(), mb(afterAll - afterFirst), mb(metaspaceFirst),
                mb(metaspaceAll));
        assertThat(built.get()).isEqualTo(BUILDS);
        assertThat(afterAll - afterFirst).as("heap growth from %d to %d builds", FIRST_MEASURE, BUILDS)
                .isLessThan(ALLOWED_GROWTH);
    }

    /** Builds {@code count} engines on two threads; each evaluates once and is dropped. */
    static void build(int count, AtomicInteger built, Portfolio portfolio) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger left = new AtomicInteger(count);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    MissionEngine engine = MissionEngine.builder().parameter("crossCutting.minSectors",
                            2 + built.get() % 3).build();
                    assertThat(engine.evaluate(portfolio, SmallPortfolio.AS_OF).missions()).hasSize(2);
                    built.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
