package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Severity;

/**
 * The audit appendix of the reports for people: the packs with their short hashes, the parameters that differ from
 * their defaults before all of them, what was disabled and the changed severities, the engine and Java versions.
 */
class AuditAppendixTest {
    private static ReportSource source;
    private static EngineInfo engine;

    @BeforeAll
    static void evaluateWithOptions() {
        Portfolio portfolio = PortfolioFiles.read(Path.of("../samples/missions/barbados.json"));
        EvaluationReport report = MissionEngine.builder().parameter("rating.strong", "0.9")
                .disable("MW_NO_PARTICIPATION").severity("GOV_NO_MISSION_BOARD", Severity.CRITICAL).build()
                .evaluate(portfolio, portfolio.asOf());
        engine = report.engine();
        source = new ReportSource("barbados.json", report, portfolio);
    }

    @Test
    void markdownEndsWithTheAuditChangedParametersFirst() {
        String md = ReportWriters.forFormat("markdown").render(source);
        String audit = md.substring(md.indexOf("## Audit\n"));

        assertThat(audit).startsWith("## Audit\n\nMission Engine " + engine.version() + " on Java "
                + engine.java() + " · threads: one per processor · timeout: 10 s · max firings: 10000\n");
        assertThat(audit).contains("| `rating` | " + rating().version() + " | " + rating().sha256().substring(0, 12)
                + " | built-in |");
        String changed = "| `rating.strong` | 0.9 | 0.8 | option (--param) |";
        assertThat(audit).contains("### Parameters that differ from their defaults\n\n"
                + "| Parameter | Value | Default | Source |\n|---|---|---|---|\n" + changed + "\n\n### All parameters\n");
        assertThat(audit.substring(audit.indexOf("### All parameters"))).contains(changed)
                .contains("| `rating.promising` | 0.6 | 0.6 | default of pack rating |");
        assertThat(audit).contains("| `MW_NO_PARTICIPATION` | washing: No participation mechanism "
                + "(MW\\_NO\\_PARTICIPATION) |");
        assertThat(audit).contains("| `GOV_NO_MISSION_BOARD` | CRITICAL | WARNING |");
    }

    @Test
    void htmlHasAnAuditSectionWithTheSameRows() {
        Document page = Jsoup.parse(ReportWriters.forFormat("html").render(source));
        Element audit = page.selectFirst("section.audit");

        assertThat(audit).isNotNull();
        assertThat(audit.selectFirst("p.meta").text()).startsWith("Mission Engine " + engine.version() + " on Java");
        assertThat(audit.select("table.audit-packs tbody tr").eachText()).contains("rating " + rating().version()
                + " " + rating().sha256().substring(0, 12) + " built-in");
        assertThat(audit.select("table.audit-parameters").first().select("tbody tr").eachText())
                .containsExactly("rating.strong 0.9 0.8 option (--param)");
        assertThat(audit.select("table.audit-parameters").get(1).select("tbody tr").size())
                .isEqualTo(engine.parameters().size());
        assertThat(audit.select("table.audit-disabled tbody tr").eachText()).containsExactly(
                "MW_NO_PARTICIPATION washing: No participation mechanism (MW_NO_PARTICIPATION)");
        assertThat(audit.select("table.audit-overrides tbody tr").eachText())
                .containsExactly("GOV_NO_MISSION_BOARD CRITICAL WARNING");
    }

    @Test
    void textEndsWithAnAuditFooter() {
        String text = ReportWriters.forFormat("text").render(source).replaceAll("\\s+", " ");

        assertThat(text).contains("Audit: Mission Engine " + engine.version() + " on Java " + engine.java());
        assertThat(text).contains("rating@" + rating().version() + " " + rating().sha256().substring(0, 12));
        assertThat(text).contains("Parameters changed: rating.strong=0.9 from option (--param). Disabled: "
                + "MW_NO_PARTICIPATION. Severity overrides: GOV_NO_MISSION_BOARD=CRITICAL.");
    }

    @Test
    void anUnchangedEngineSaysSo() {
        Portfolio portfolio = PortfolioFiles.read(Path.of("../samples/missions/barbados.json"));
        String md = ReportWriters.forFormat("markdown").render(new ReportSource("barbados.json",
                MissionEngine.builder().build().evaluate(portfolio, portfolio.asOf()), portfolio));

        assertThat(md).contains("### Parameters that differ from their defaults\n\nNone: every parameter has its "
                + "pack's default.\n").contains("### Disabled rules\n\nNone.\n")
                .contains("### Severity overrides\n\nNone.\n");
    }

    private static EngineInfo.Pack rating() {
        return engine.packs().stream().filter(p -> p.id().equals("rating")).findFirst().orElseThrow();
    }
}
