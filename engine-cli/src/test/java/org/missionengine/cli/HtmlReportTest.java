package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The HTML report, read back as a browser would: with jsoup, and the chart data as the page's script reads it. */
class HtmlReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two missions: one with a hostile title and unit, value and observations before and after launch. */
    private static final String PORTFOLIO = Cli.resource("portfolios/report.json");

    @TempDir
    static Path dir;
    static Document page;
    static JsonNode report;
    static JsonNode charts;

    @BeforeAll
    static void evaluate() throws Exception {
        Path html = dir.resolve("report.html");
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "html", "--output", html.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        page = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8));
        Cli.Result json = Cli.run("evaluate", PORTFOLIO, "--format", "json");
        report = JSON.readTree(json.out());
        charts = JSON.readTree(page.getElementById("chart-data").data());
    }

    @Test
    void everyMissionTargetAndFindingAppearsInItsMissionsSection() {
        Elements sections = page.select("section.mission");
        assertThat(sections).hasSize(report.path("missions").size());
        for (int i = 0; i < sections.size(); i++) {
            JsonNode mission = report.path("missions").get(i);
            Element section = sections.get(i);
            assertThat(section.selectFirst("h2").text()).isEqualTo(mission.path("title").asText());
            assertThat(section.selectFirst(".mission-head .badge").text()).isEqualTo(mission.path("rating").asText());
            assertThat(page.select(".overview a[href=\"#" + section.id() + "\"]").text())
                    .isEqualTo(mission.path("title").asText());

            Elements targets = section.select("article.target");
            assertThat(targets).hasSize(mission.path("targets").size());
            for (int t = 0; t < targets.size(); t++) {
                JsonNode target = mission.path("targets").get(t);
                assertThat(targets.get(t).selectFirst(".target-id").text()).isEqualTo(target.path("target").asText());
                assertThat(targets.get(t).selectFirst(".status").text()).isEqualTo(target.path("status").asText());
            }

            Elements rows = section.select("tr.finding");
            assertThat(rows).hasSize(mission.path("findings").size());
            for (JsonNode finding : mission.path("findings")) {
                Element row = rows.stream()
                        .filter(e -> e.selectFirst(".code").text().equals(finding.path("code").asText())
                                && e.selectFirst(".message").text().equals(finding.path("message").asText()))
                        .findFirst().orElseThrow(() -> new AssertionError("no row for " + finding));
                assertThat(row.hasClass(finding.path("severity").asText().toLowerCase())).isTrue();
                assertThat(row.select("dl.evidence dt").eachText())
                        .containsExactlyElementsOf(() -> finding.path("evidence").fieldNames());
            }
        }
        assertThat(page.select("section.portfolio tr.finding")).hasSize(report.path("findings").size());
    }

    @Test
    void findingsAreGroupedWorstFirstWithTheirEvidence() {
        Element section = page.select("section.mission").get(1);
        assertThat(section.select("h4.severity").eachText()).containsExactly("CRITICAL", "WARNING", "INFO");
        Element noMoney = section.select("tr.finding").stream()
                .filter(e -> e.selectFirst(".code").text().equals("MW_NO_NEW_MONEY")).findFirst().orElseThrow();
        assertThat(noMoney.hasClass("critical")).isTrue();
        assertThat(noMoney.select("dl.evidence dt").eachText()).containsExactly("newMoney", "total");
        assertThat(noMoney.select("dl.evidence dd").eachText()).containsExactly("0", "4,000,000");
    }

    @Test
    void aScriptInATitleOrUnitIsTextNeverAnElement() {
        // the page's own scripts: chart data, ECharts, the drawing code; no other
        Elements scripts = page.select("script");
        assertThat(scripts).hasSize(3);
        assertThat(scripts.get(0).attr("type")).isEqualTo("application/json");
        for (Element script : scripts) {
            // booleans: a failure must not print the megabyte of ECharts
            assertThat(script.data().contains("alert(1)")).as("a script holds alert(1)").isFalse();
            assertThat(script.data().contains("alert(2)</script")).as("a script holds alert(2)</script").isFalse();
        }
        assertThat(page.select("b")).isEmpty();
        assertThat(page.select("section.mission h2").first().text())
                .isEqualTo("Clean air <script>alert(1)</script> | by 2030");
        assertThat(page.title()).doesNotContain("<");
        assertThat(page.selectFirst("article.target .metric").text())
                .isEqualTo("CO2 emissions of the <b>city</b> (kt </script><script>alert(2)</script>)");
        // the unit reaches the chart data intact, escaped so that it could not close the JSON block
        assertThat(charts.path("r0-m0-t0").path("unit").asText()).isEqualTo("kt </script><script>alert(2)</script>");
        assertThat(page.getElementById("chart-data").data()).doesNotContain("<").contains("\\u003c/script\\u003e");
    }

    @Test
    void thePageReferencesNoExternalUrl() {
        for (Element e : page.select("[src], [href]")) {
            for (String attribute : new String[] {"src", "href"}) {
                String url = e.attr(attribute).strip().toLowerCase();
                assertThat(url).as(e.outerHtml()).doesNotStartWith("http:").doesNotStartWith("https:")
                        .doesNotStartWith("//").doesNotStartWith("ftp:");
            }
        }
        assertThat(page.select("link, iframe, img, object, embed, base")).isEmpty();
        assertThat(page.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        // ECharts is inlined, not fetched
        assertThat(page.select("script[src]")).isEmpty();
        String echarts = page.select("script").get(1).data();
        assertThat(echarts.length()).isGreaterThan(500_000);
        assertThat(echarts.contains("echarts")).as("the second script is ECharts").isTrue();
    }

    @Test
    void everyChartElementHasItsData() {
        Elements holders = page.select("[data-chart]");
        // per mission the criteria; a chart per target with something to draw; the value chart of clean-air
        assertThat(holders.eachAttr("data-chart")).containsExactly(
                "r0-m0-criteria", "r0-m0-value", "r0-m0-t0", "r0-m1-criteria", "r0-m1-t0");
        for (Element holder : holders) {
            assertThat(charts.has(holder.attr("data-chart"))).as(holder.attr("data-chart")).isTrue();
        }
        JsonNode criteria = charts.path("r0-m0-criteria");
        assertThat(criteria.path("labels").get(0).asText()).isEqualTo("Bold");
        assertThat(criteria.path("scores").get(0).asDouble())
                .isEqualTo(report.path("missions").get(0).path("criteria").path("BOLD").asDouble());

        JsonNode value = charts.path("r0-m0-value");
        JsonNode projects = report.path("missions").get(0).path("value").path("projects");
        assertThat(value.path("projects").get(0).asText()).isEqualTo("heat-grid");
        // the chart plots the exact ratios; the JSON report writes them to 4 decimals
        assertThat(value.path("plain").get(0).asDouble())
                .isCloseTo(projects.get(0).path("benefitCostRatio").asDouble(), within(0.00005));
        assertThat(value.path("dynamic").get(0).asDouble())
                .isCloseTo(projects.get(0).path("dynamicBenefitCostRatio").asDouble(), within(0.00005));
        // the plain view undervalues both projects, the mission view less so
        assertThat(value.path("plain").get(0).asDouble()).isLessThan(value.path("dynamic").get(0).asDouble());
    }

    @Test
    void trajectoryLinesComeFromTheEnginesNumbers() {
        JsonNode target = report.path("missions").get(0).path("targets").get(0);
        JsonNode chart = charts.path("r0-m0-t0");
        assertThat(chart.path("launched").asText()).isEqualTo("2020-01-01");
        assertThat(chart.path("asOf").asText()).isEqualTo("2026-06-30");
        assertThat(chart.path("goal").get(0).asText()).isEqualTo("2030-12-31");
        assertThat(chart.path("goal").get(1).asDouble()).isEqualTo(500.0);
        assertThat(chart.path("baseline").get(0).asText()).isEqualTo("2015-12-31");
        // four observations before the launch, six since
        assertThat(chart.path("before")).hasSize(4);
        assertThat(chart.path("since")).hasSize(6);

        // the trend runs from the launch to the projection at the goal date, with the engine's slope
        JsonNode trend = chart.path("trend");
        assertThat(trend.get(0).get(0).asText()).isEqualTo("2020-01-01");
        assertThat(trend.get(1).get(0).asText()).isEqualTo("2030-12-31");
        // the chart plots exact values; the JSON report writes a metric's values to 6 significant digits
        assertThat(trend.get(1).get(1).asDouble()).isCloseTo(target.path("projected").asDouble(), withinPercentage(0.0001));
        double years = ChronoUnit.DAYS.between(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31)) / 365.25;
        assertThat((trend.get(1).get(1).asDouble() - trend.get(0).get(1).asDouble()) / years)
                .isCloseTo(target.path("trendPerYear").asDouble(), withinPercentage(0.0001));

        // business as usual runs from the earliest pre-launch point (the baseline) to its projection at the goal date
        JsonNode bau = chart.path("bau");
        assertThat(bau.get(0).get(0).asText()).isEqualTo("2015-12-31");
        assertThat(bau.get(1).get(1).asDouble()).isCloseTo(target.path("bauProjection").asDouble(), withinPercentage(0.0001));
        double bauYears = ChronoUnit.DAYS.between(LocalDate.of(2015, 12, 31), LocalDate.of(2030, 12, 31)) / 365.25;
        assertThat((bau.get(1).get(1).asDouble() - bau.get(0).get(1).asDouble()) / bauYears)
                .isCloseTo(target.path("bauTrendPerYear").asDouble(), withinPercentage(0.0001));

        // a target with a goal but no data: the goal is drawn, no line
        JsonNode empty = charts.path("r0-m1-t0");
        assertThat(empty.path("since")).isEmpty();
        assertThat(empty.path("trend").isNull()).isTrue();
        assertThat(empty.path("bau").isNull()).isTrue();
    }

    @Test
    void targetNumbersAreListedBesideTheChart() {
        Element target = page.selectFirst("article.target");
        assertThat(target.select("dl.numbers dt").eachText()).contains("Latest", "Trend per year",
                "Projected at goal date", "Gap closed", "Required per year", "Business-as-usual projection");
        String unit = " kt </script><script>alert(2)</script>";
        // the metric's values are whole numbers: its projection (574.29) is shown to whole units
        assertThat(target.select("dl.numbers dd").eachText()).contains(
                "750" + unit + " (2025-12-31)", "574" + unit, "50%");
    }

    @Test
    void severalFilesMakeOnePageWithASectionEach() throws Exception {
        Path html = dir.resolve("two.html");
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, Cli.resource("portfolios/two-missions.json"), "--format", "html",
                "-o", html.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Document two = Jsoup.parse(Files.readString(html));
        assertThat(two.select("section.doc")).hasSize(2);
        assertThat(two.select("section.doc h1").eachText()).satisfiesExactly(
                a -> assertThat(a).endsWith("report.json"), b -> assertThat(b).endsWith("two-missions.json"));
        assertThat(two.select("section.mission").eachAttr("id")).doesNotHaveDuplicates().hasSize(4);
        assertThat(two.select("script")).hasSize(3);
    }

    @Test
    void timelineIsRefusedForHtml() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "html", "--timeline", "yearly");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err()).contains("--timeline works with --format text or json");
        assertThat(r.out()).isEmpty();
    }
}
