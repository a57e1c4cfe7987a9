package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;

/**
 * Evidence without a value (a trend's span where there is no trend) is left out of every report, as the JSON report
 * leaves it out: "none" beside it would read as a value (samples/missions/barbados.json, whose targets have no data).
 */
class EvidenceWithoutValueTest {
    private static Finding noData;
    private static ReportSource source;

    @BeforeAll
    static void evaluate() {
        Portfolio portfolio = PortfolioFiles.read(Path.of("../samples/missions/barbados.json"));
        EvaluationReport report = MissionEngine.builder().build().evaluate(portfolio, portfolio.asOf());
        noData = report.missions().stream().flatMap(m -> m.findings().stream())
                .filter(f -> f.code().equals("TRJ_NO_DATA")).findFirst().orElseThrow();
        source = new ReportSource("barbados.json", report, portfolio);
    }

    @Test
    void theFindingCarriesTheNullAndTheReportsLeaveItOut() {
        assertThat(noData.evidence()).containsEntry("trendSpanYears", null);
        assertThat(ReportCells.evidence(noData)).containsOnlyKeys("trendPoints", "observations");

        for (String format : new String[] {"text", "markdown", "html"}) {
            String rendered = ReportWriters.forFormat(format).render(source);
            assertThat(rendered).as(format).contains("trendPoints").doesNotContain("trendSpanYears");
        }
    }

    @Test
    void aBaselineOrGoalLeftOutReadsAsNotRecordedAndNoObservationAsSuch() {
        String text = ReportWriters.forFormat("text").render(source).replace(Text.GLUE, ' ');
        // Barbados I: no baseline recorded, a goal of 100 % by 2035, nothing observed yet
        assertThat(text).contains("baseline not recorded; goal 100 % (2035-12-31); latest no observation")
                // Barbados II: a goal with a date but no value
                .contains("goal value not recorded (2030-12-31)")
                .doesNotContain("baseline none").doesNotContain("latest none").doesNotContain("no value");
        for (String format : new String[] {"markdown", "html"}) {
            assertThat(ReportWriters.forFormat(format).render(source)).as(format).contains("not recorded")
                    .contains("no observation").doesNotContain(">none<").doesNotContain("| none |");
        }
    }
}
