package org.missionengine.drools.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.MissionEngine;
import org.missionengine.model.Budget;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/**
 * One engine shared by many threads gives the same reports as sequential use, and an engine rebuilt from changed rule
 * files while others evaluate leaves every evaluation on one consistent configuration: the old one or the new one,
 * never a mix.
 */
class ConcurrencyTest {
    static final int THREADS = 8;
    static final int EVALUATIONS_PER_THREAD = 1000;

    /** Four portfolios that differ in what the rules find, so that a finding leaking between sessions would show. */
    static List<Portfolio> variants() {
        Portfolio base = SmallPortfolio.build();
        Mission climate = base.mission("climate").orElseThrow();
        Mission noNewMoney = Mission.builder("climate").title(climate.title()).statement(climate.statement())
                .challenge(climate.challenge()).owner(climate.owner()).launched(climate.launched())
                .deadline(climate.deadline()).budget(new Budget(120e6, 0.0, false))
                .sectors(climate.sectors().toArray(String[]::new)).governance(climate.governance())
                .targets(climate.targets().toArray(org.missionengine.model.Target[]::new))
                .projects(climate.projects()).build();
        return List.of(base, base.withMission(noNewMoney),
                base.withMission(Mission.builder("health").title("Healthy streets, no projects").build()),
                base.withMission(Mission.builder("extra").title("A third mission").owner("City").build()));
    }

    @Test
    @Tag("soak") // 8,000 evaluations: a race shows with repetition; mvn verify keeps the quick ones (BatchEvaluationTest)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void eightThreadsTimesAThousandEvaluationsGiveTheSequentialReports() throws Exception {
        MissionEngine engine = MissionEngine.builder().build();
        List<Portfolio> portfolios = variants();
        List<EvaluationReport> sequential = new ArrayList<>();
        for (Portfolio p : portfolios) {
            sequential.add(engine.evaluate(p, SmallPortfolio.AS_OF));
        }
        assertThat(sequential).as("the variants differ").doesNotHaveDuplicates();
        for (int i = 0; i < portfolios.size(); i++) {
            assertThat(engine.evaluate(portfolios.get(i), SmallPortfolio.AS_OF)).as("sequential use is repeatable")
                    .isEqualTo(sequential.get(i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger evaluations = new AtomicInteger();
        ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                for (int k = 0; k < EVALUATIONS_PER_THREAD; k++) {
                    int variant = (thread + k) % portfolios.size();
                    EvaluationReport report = engine.evaluate(portfolios.get(variant), SmallPortfolio.AS_OF);
                    evaluations.incrementAndGet();
                    if (!report.equals(sequential.get(variant)) && differences.size() < 5) {
                        differences.add("thread " + thread + ", evaluation " + k + ", variant " + variant + ": "
                                + report);
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("reliability: %d evaluations on %d threads in %.1f s, %d differing from sequential use%n",
                evaluations.get(), THREADS, (System.nanoTime() - began) / 1e9, differences.size());

        assertThat(differences).isEmpty();
        assertThat(evaluations.get()).isEqualTo(THREADS * EVALUATIONS_PER_THREAD);
        assertThat(FiringThreads.awaitNoneRunning(java.time.Duration.ofSeconds(10))).isEmpty();
    }

    /** A rule pack in two versions: its own finding and a different threshold, so a mixed report would show. */
    static String pack(int version) {
        return """
                package agency.versioned;

                import org.missionengine.model.*;

                global org.missionengine.rules.EvaluationContext ctx;

                rule "Version marker"
                    @code("AGY_VERSION_%d") @severity("INFO") @category("GOVERNANCE")
                when
                    $m : Mission()
                then
                    ctx.report(drools, $m.id(), "Evaluated with version %d of the agency rules.", "version", %d);
                end
                """.formatted(version, version, version);
    }

    static MissionEngine build(Path rules, int version) {
        return MissionEngine.builder().rules(rules).parameter("crossCutting.minSectors", version == 1 ? 2 : 5)
                .parameter("washing.rebrandedShare", version == 1 ? 0.5 : 0.2).build();
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "rules", ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void rebuildingTheEngineWhileOthersEvaluateLeavesEachEvaluationOnOneConfiguration(@TempDir Path dir)
            throws Exception {
        Path rules = dir.resolve("versioned.drl");
        Portfolio portfolio = SmallPortfolio.build();
        LocalDate asOf = SmallPortfolio.AS_OF;
        writeAtomically(rules, pack(1));
        MissionEngine first = build(rules, 1);
        EvaluationReport version1 = first.evaluate(portfolio, asOf);
        writeAtomically(rules, pack(2));
        EvaluationReport version2 = build(rules, 2).evaluate(portfolio, asOf);
        assertThat(version1.missions()).isNotEqualTo(version2.missions());

        Map<MissionEngine, Integer> versions = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
        versions.put(first, 1);
        AtomicReference<MissionEngine> current = new AtomicReference<>(first);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger evaluations = new AtomicInteger();
        int[] seen = new int[3];
        ConcurrentLinkedQueue<String> inconsistent = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> evaluators = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            evaluators.add(pool.submit(() -> {
                while (rebuilding.get()) {
                    MissionEngine engine = current.get();
                    int version = versions.get(engine);
                    EvaluationReport report = engine.evaluate(portfolio, asOf);
                    evaluations.incrementAndGet();
                    synchronized (seen) {
                        seen[version]++;
                    }
                    if (!report.equals(version == 1 ? version1 : version2)) {
                        inconsistent.add("engine of version " + version + " gave " + report);
                    }
                }
                return null;
            }));
        }
        Future<?> rebuilder = pool.submit(() -> {
            try {
                for (int round = 0; round < 6; round++) {
                    int version = round % 2 == 0 ? 2 : 1;
                    writeAtomically(rules, pack(version)); // the file changes while engines built from it evaluate
                    MissionEngine rebuilt = build(rules, version);
                    versions.put(rebuilt, version);
                    current.set(rebuilt);
                    Thread.sleep(300);
                }
            } finally {
                rebuilding.set(false);
            }
            return null;
        });
        rebuilder.get();
        for (Future<?> evaluator : evaluators) {
            evaluator.get();
        }
        pool.shutdown();

        assertThat(inconsistent).isEmpty();
        assertThat(seen[1]).as("evaluations on version 1").isPositive();
        assertThat(seen[2]).as("evaluations on version 2").isPositive();
        System.out.printf("reliability: %d evaluations during 6 rebuilds (%d on version 1, %d on version 2)%n",
                evaluations.get(), seen[1], seen[2]);
    }
}
