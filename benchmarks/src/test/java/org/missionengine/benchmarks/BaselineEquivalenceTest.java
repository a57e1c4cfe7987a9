package org.missionengine.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/**
 * The hand-written baseline and the engine (every built-in pack) agree on a generated portfolio: the same findings
 * (code, subject) for MW_REBRANDED, MW_NO_NEW_MONEY, MW_CAPTURED and CRIT_NARROW_SECTORS, and the same status for
 * every target. Half the missions carry washing patterns, some exactly on a threshold, so both outcomes of every
 * check occur. Small on purpose: it runs in every build.
 */
class BaselineEquivalenceTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final SyntheticPortfolio.Spec SPEC = new SyntheticPortfolio.Spec(400, 12, 3, 8, 2, 0.6, 7, AS_OF);

    private static Portfolio portfolio;
    private static MissionEngine engine;

    @BeforeAll
    static void evaluateOnce() {
        portfolio = new SyntheticPortfolio(SPEC).build();
        engine = MissionEngine.builder().build();
    }

    @Test
    void sameFindingsForTheSharedCodesAndSameTargetStatuses() {
        EvaluationReport report = engine.evaluate(portfolio, AS_OF);
        Baseline.Result baseline = new Baseline(Baseline.Thresholds.DEFAULTS.with(portfolio.parameters()))
                .evaluate(portfolio, AS_OF);

        List<String> engineFindings = new ArrayList<>();
        for (MissionReport mission : report.missions()) {
            mission.findings().stream()
                    .filter(f -> Baseline.SHARED_CODES.contains(f.code()) || f.code().startsWith("TRJ_"))
                    .forEach(f -> engineFindings.add(mission.id() + " " + f.code() + " " + f.subject()));
        }
        List<String> baselineFindings = baseline.findings().stream()
                .map(f -> f.mission() + " " + f.code() + " " + f.subject()).toList();
        assertThat(baselineFindings).containsExactlyInAnyOrderElementsOf(engineFindings);

        List<String> engineStatuses = new ArrayList<>();
        for (MissionReport mission : report.missions()) {
            for (TargetAssessment target : mission.targets()) {
                engineStatuses.add(mission.id() + " " + target.target() + " " + target.status());
            }
        }
        List<String> baselineStatuses = baseline.statuses().stream()
                .map(s -> s.mission() + " " + s.target() + " " + s.status()).toList();
        assertThat(baselineStatuses).containsExactlyElementsOf(engineStatuses);

        // the comparison means something only if each check fires for some missions and not for others
        Map<String, Long> counts = baseline.findings().stream()
                .collect(Collectors.groupingBy(Baseline.Finding::code, TreeMap::new, Collectors.counting()));
        for (String code : Baseline.SHARED_CODES) {
            assertThat(counts.getOrDefault(code, 0L)).as(code + " fires on some missions, not all")
                    .isBetween(5L, (long) SPEC.missions() - 5);
        }
        Set<TargetStatus> statuses = EnumSet.noneOf(TargetStatus.class);
        baseline.statuses().forEach(s -> statuses.add(s.status()));
        assertThat(statuses).containsExactlyInAnyOrder(TargetStatus.values());
    }

    @Test
    void sameSpecSameFileAndTheFileReadsBackAsTheSamePortfolio(@TempDir Path dir) {
        SyntheticPortfolio.Spec small = new SyntheticPortfolio.Spec(5, 4, 2, 3, 1, 1.0, 3, AS_OF);
        Path first = dir.resolve("a.json");
        new SyntheticPortfolio(small).write(first);
        assertThat(PortfolioFiles.read(first)).isEqualTo(new SyntheticPortfolio(small).build());
        assertThat(new SyntheticPortfolio(small.withSeed(4)).build()).isNotEqualTo(new SyntheticPortfolio(small).build());
    }

    @Test
    void generatorCommandLine(@TempDir Path dir) {
        Path out = dir.resolve("g.json");
        int code = Generate.run(new String[] {"--missions", "3", "--projects", "5", "--out", out.toString()},
                System.out, new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
        assertThat(code).isZero();
        Portfolio read = PortfolioFiles.read(out);
        assertThat(read.missions()).hasSize(3);
        assertThat(read.missions().get(0).projects()).hasSize(5);
        assertThat(read.observations()).hasSize(3 * 3 * 20);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(Generate.run(new String[] {"--missions", "x", "--out", out.toString()}, System.out,
                new java.io.PrintStream(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("not a number").contains("Usage: Generate");
    }
}
