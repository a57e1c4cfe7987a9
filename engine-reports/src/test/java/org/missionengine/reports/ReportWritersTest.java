package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.io.ReportFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;

/** The writers as an application that embeds the engine uses them: found by format, fed a real evaluation. */
class ReportWritersTest {
    private static final Path BARBADOS = Path.of("../samples/missions/barbados.json");
    private static Portfolio portfolio;
    private static EvaluationReport report;
    private static ReportSource source;

    @BeforeAll
    static void evaluate() {
        portfolio = PortfolioFiles.read(BARBADOS);
        report = MissionEngine.builder().build().evaluate(portfolio, portfolio.asOf());
        source = new ReportSource("barbados.json", report, portfolio);
    }

    @Test
    void theBuiltInFormatsComeFirstThenTheOnesFoundOnTheClassPath() {
        assertThat(ReportWriters.formats()).containsExactly("json", "text", "markdown", "html", "codes");
        assertThat(ReportWriters.forFormat("HTML").format()).isEqualTo("html");
        assertThat(ReportWriters.forFormat("markdown").fileExtension()).isEqualTo("md");
    }

    @Test
    void anUnknownFormatIsRefusedWithTheFormatsThereAre() {
        assertThatThrownBy(() -> ReportWriters.forFormat("pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no report writer for format \"pdf\"; the formats are json, text, markdown, html, codes");
    }

    @Test
    void theHtmlReportIsOneSelfContainedFileWithASectionPerMission(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("board/report.html");
        ReportWriters.forFormat("html").write(source, file);

        Document page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(page.title()).isEqualTo("Mission evaluation of barbados.json");
        assertThat(page.select("section.mission").eachAttr("id")).hasSize(report.missions().size());
        assertThat(page.select("section.mission h2").eachText().toString())
                .contains(report.missions().get(0).title());
        assertThat(page.select("script[src], link[href]")).as("nothing loaded from the network").isEmpty();
        assertThat(Files.list(dir.resolve("board"))).as("no temporary file left").containsExactly(file);
    }

    @Test
    void oneJsonReportIsTheEnginesMissionReportDocument() {
        assertThat(ReportWriters.forFormat("json").render(source)).isEqualTo(ReportFiles.toJson(report));
    }

    @Test
    void severalJsonReportsMakeAnArrayThatNamesEachFile() throws Exception {
        String json = ReportWriters.forFormat("json").render(List.of(source,
                new ReportSource("again.json", report, portfolio)));

        JsonNode array = new ObjectMapper().readTree(json);
        assertThat(array.isArray()).isTrue();
        assertThat(array.findValuesAsText("file")).containsExactly("barbados.json", "again.json");
        assertThat(array.get(1).path("format").asText()).isEqualTo("mission-report/1");
        assertThat(array.get(1).path("missions")).hasSize(report.missions().size());
    }

    @Test
    void textAndMarkdownNameWhatTheyReportOn() {
        MissionReport first = report.missions().get(0);
        assertThat(ReportWriters.forFormat("text").render(source))
                .startsWith("Mission evaluation of barbados.json, as of " + report.asOf() + "\n")
                .contains("Rating        " + first.rating()).contains("(" + first.id() + ")");
        assertThat(ReportWriters.forFormat("markdown").render(source))
                .startsWith("# Mission evaluation of barbados.json\n\nAs of " + report.asOf());
    }

    @Test
    void aWriterOfTheApplicationsOwnIsFoundThroughServiceLoader() {
        List<String> expected = report.missions().stream()
                .flatMap(m -> m.findings().stream().map(f -> m.id() + ";" + f.code())).toList();

        assertThat(expected).isNotEmpty();
        assertThat(ReportWriters.forFormat("codes").render(source).lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void nothingToWriteIsRefused() {
        assertThatThrownBy(() -> ReportWriters.forFormat("text").render(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no report to write as text");
    }
}
