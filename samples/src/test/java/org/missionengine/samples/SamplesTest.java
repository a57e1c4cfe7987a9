package org.missionengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/** Keeps the bundled samples valid and checks that they show what the docs say they show. */
class SamplesTest {
    private static MissionEngine builtIn;

    @BeforeAll
    static void engine() {
        builtIn = MissionEngine.builder().build();
    }

    static Stream<Path> portfolios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("missions"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("portfolios")
    void everySamplePortfolioReadsAndEvaluates(Path file) {
        Portfolio portfolio = PortfolioFiles.read(file);
        EvaluationReport report = builtIn.evaluate(portfolio);
        assertThat(report.missions()).hasSize(portfolio.missions().size());
        assertThat(report.missions()).allSatisfy(m -> assertThat(m.rating()).isNotNull());
    }

    @Test
    void barbadosHasSixMissionsWhoseBudgetsAreNotOnRecord() {
        EvaluationReport report = builtIn.evaluate(PortfolioFiles.read(Path.of("missions/barbados.json")));
        assertThat(report.missions()).hasSize(6);
        // the record names no budget: a gap in the evidence for each mission, never "no new money"
        assertThat(report.missions()).allSatisfy(m -> {
            assertThat(m.hasFinding("DATA_NO_BUDGET")).isTrue();
            assertThat(m.hasFinding("MW_NO_NEW_MONEY")).isFalse();
        });
    }

    @Test
    void agencyPackReportsBesideTheBuiltInFindings() {
        MissionEngine withAgency = MissionEngine.builder().rules(Path.of("rules/agency-example")).build();
        EvaluationReport report = withAgency.evaluate(PortfolioFiles.read(Path.of("missions/barbados.json")));
        List<Finding> agency = report.allFindings().stream().filter(f -> f.pack().equals("agency-example")).toList();
        assertThat(agency).extracting(Finding::code).contains("AGY_WATER_QUARTERLY");
        Finding water = agency.stream().filter(f -> f.code().equals("AGY_WATER_QUARTERLY")).findFirst().orElseThrow();
        assertThat(water.evidence()).containsEntry("maximumMonths", 3);
        assertThat(report.allFindings()).extracting(Finding::pack).contains("washing", "criteria");
        assertThat(withAgency.catalog().rules()).extracting(r -> r.code())
                .contains("AGY_SME_PROCUREMENT", "AGY_WATER_QUARTERLY", "AGY_NO_CLAWBACK");
    }

    @Test
    void agencyThresholdChangesTheOutcome() {
        MissionEngine lenient = MissionEngine.builder().rules(Path.of("rules/agency-example"))
                .parameter("agency.waterObservationMonths", 1000).build();
        EvaluationReport report = lenient.evaluate(PortfolioFiles.read(Path.of("missions/barbados.json")));
        // never observed still fires; a lenient window cannot excuse a target with no data at all
        MissionReport food = report.missions().stream().filter(m -> m.hasFinding("AGY_WATER_QUARTERLY")).findFirst()
                .orElseThrow();
        assertThat(food.findings("AGY_WATER_QUARTERLY")).allSatisfy(f -> assertThat(f.evidence("lastObserved")).isNull());
    }
}
