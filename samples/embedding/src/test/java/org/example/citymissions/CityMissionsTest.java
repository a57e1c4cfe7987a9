package org.example.citymissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.missionengine.test.MissionAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.MissionEngine;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Severity;

/** The city's evaluation policy, tested with Mission Engine's test kit (engine-test). */
class CityMissionsTest {
    private static MissionEngine engine;

    @BeforeAll
    static void engine() {
        engine = CityMissionsApp.engine(null);
    }

    @Test
    void theCitysRulesReportBesideTheBuiltInOnes() {
        EvaluationReport report = engine.evaluate(CityPortfolio.build());
        assertThat(report, engine.catalog()).mission(CityPortfolio.MISSION)
                .hasFinding("CITY_NO_LIVING_LAB").withSeverity(Severity.WARNING)
                .hasFinding("CITY_NO_FAIR_LABOUR").withSubject("retrofit-contract")
                // the city's stricter threshold: three sectors are not enough for it
                .hasFinding("CRIT_NARROW_SECTORS").withEvidence("minimum", 4)
                .doesNotHaveFinding("MW_NO_NEW_MONEY")
                .doesNotHaveFinding("MW_NO_PARTICIPATION");
        assertEquals("city", assertThat(report).mission(CityPortfolio.MISSION).hasFinding("CITY_NO_FAIR_LABOUR")
                .finding().pack());
    }

    @Test
    void aContractWithFairLabourTermsSatisfiesTheCity() {
        Portfolio portfolio = CityPortfolio.build();
        Mission mission = portfolio.mission(CityPortfolio.MISSION).orElseThrow();
        Project fair = Project.builder("retrofit-contract")
                .title("Deep retrofit of social housing")
                .instrument(Instrument.PROCUREMENT)
                .recipient("builder")
                .sector("buildings")
                .solution("deep retrofit")
                .openCall(true)
                .publicFunding(3_000_000)
                .privateFunding(1_000_000)
                .start(LocalDate.of(2022, 6, 1))
                .end(LocalDate.of(2027, 6, 1))
                .contributesTo("city-ghg")
                .conditionalities(new Conditionality(ConditionalityType.FAIR_LABOUR, true, true, false,
                        "Collective-agreement wages on site"))
                .build();
        EvaluationReport report = engine.evaluate(portfolio.withMission(mission.withProject(fair)));
        assertThat(report).mission(CityPortfolio.MISSION)
                .doesNotHaveFinding("CITY_NO_FAIR_LABOUR")
                .hasFinding("CITY_NO_LIVING_LAB");
    }

    @Test
    void theMissionBoardGetsAnHtmlPageWithTheMissionAndTheCitysFindings(@TempDir Path dir) throws Exception {
        Portfolio portfolio = CityPortfolio.build();
        EvaluationReport report = engine.evaluate(portfolio);
        Path html = dir.resolve("city-missions.html");

        CityMissionsApp.writeHtml(report, portfolio, html);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, Math.min(80, page.length())));
        assertTrue(page.contains("<title>Mission evaluation of Example City missions</title>"), "the page's title");
        assertTrue(page.contains("<section class=\"mission\" id=\"r0-m0\">"), "a section for the mission");
        assertTrue(page.contains(CityPortfolio.MISSION), "the mission's id");
        assertTrue(page.contains("CITY_NO_LIVING_LAB"), "the city's own finding");
    }
}
