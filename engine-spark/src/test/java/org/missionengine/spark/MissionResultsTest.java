package org.missionengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.missionengine.MissionEngine;
import org.missionengine.io.JsonReportWriter;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.io.ReportFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/** The table rows taken from a rendered report, and stepping over its value section by its brackets. */
class MissionResultsTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "missions"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /**
     * Every mission of every sample: the row read from the rendered report's tokens holds what a tree of the whole
     * report gives, field by field (texts as the tree's text, numbers as doubles, criteria and evidence as the tree
     * prints them).
     */
    @ParameterizedTest
    @MethodSource("samples")
    void theRowsHoldTheRenderedReportsValues(Path file) throws IOException {
        Portfolio portfolio = PortfolioFiles.read(file);
        EvaluationReport report = MissionEngine.builder().build().evaluate(portfolio,
                portfolio.asOf() != null ? portfolio.asOf() : LocalDate.of(2026, 12, 1));
        assertThat(report.missions()).isNotEmpty();
        int findings = 0;
        for (MissionReport mission : report.missions()) {
            byte[] rendered = JsonReportWriter.render(mission);
            Row row = MissionResults.of(7L, 8L, mission, rendered, null, true);
            JsonNode tree = TREES.readTree(rendered);

            assertThat(cells(row).subList(0, 14)).containsExactly(7L, 8L, mission.id(), rendered, null,
                    text(tree.get("title")), text(tree.get("rating")), text(tree.get("ratingReason")),
                    number(tree.get("score")), number(tree.get("washingRisk")), number(tree.get("evidence")),
                    number(tree.get("delivery")), number(tree.get("design")), tree.get("criteria").toString());
            List<List<Object>> targets = new ArrayList<>();
            for (JsonNode t : tree.get("targets")) {
                targets.add(Arrays.asList(targets.size(), text(t.get("target")), text(t.get("metric")),
                        text(t.get("unit")), text(t.get("status")), number(t.path("latest").get("value")),
                        text(t.path("latest").get("date")), number(t.path("goal").get("value")),
                        text(t.path("goal").get("date")), number(t.get("projected")), number(t.get("gapClosure")),
                        number(t.get("trendPerYear")), number(t.get("requiredRatePerYear"))));
            }
            assertThat(Arrays.stream((Row[]) row.get(15)).map(MissionResultsTest::cells).toList()).isEqualTo(targets);
            List<List<Object>> expected = new ArrayList<>();
            for (JsonNode f : tree.get("findings")) {
                expected.add(findingCells(expected.size(), f));
            }
            assertThat(row.get(14)).isEqualTo(expected.size());
            assertThat(Arrays.stream((Row[]) row.get(16)).map(MissionResultsTest::cells).toList()).isEqualTo(expected);
            findings += expected.size();
        }
        assertThat(findings).as("findings of %s", file).isPositive();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            assertThat(cells(MissionResults.finding(i, ReportFiles.toJson(finding))))
                    .isEqualTo(findingCells(i, TREES.readTree(ReportFiles.toJson(finding))));
        }
    }

    private static List<Object> findingCells(int seq, JsonNode f) {
        return Arrays.asList(seq, text(f.get("code")), text(f.get("severity")), text(f.get("category")),
                text(f.get("subject")), text(f.get("message")), text(f.get("rule")), text(f.get("pack")),
                f.has("evidence") ? f.get("evidence").toString() : null);
    }

    private static List<Object> cells(Row row) {
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.get(i));
        }
        return cells;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Double number(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
    private static String restAfter(String json, String before) {
        int start = json.indexOf(before) + before.length();
        return new String(MissionResults.restAfter(json.getBytes(StandardCharsets.UTF_8), start),
                StandardCharsets.UTF_8);
    }

    @Test
    void theRestStartsAfterTheValueAndItsComma() {
        String json = "{\"id\" : \"M1\",\n  \"value\" : { \"rows\" : [ { \"a\" : 1 }, [ 2, 3 ] ] },\n"
                + "  \"findings\" : [ ]\n}";

        assertThat(restAfter(json, "\"value\" : ")).isEqualTo("{\n  \"findings\" : [ ]\n}");
    }

    @Test
    void bracketsQuotesAndEscapesInsideTextDoNotEndTheValue() {
        String json = "{\"value\" : { \"note\" : \"a } ] \\\" { [ \\\\\", \"é\" : \"ü}\" }, \"rating\" : \"WEAK\"}";

        assertThat(restAfter(json, "\"value\" : ")).isEqualTo("{ \"rating\" : \"WEAK\"}");
    }

    @Test
    void aValueThatEndsTheObjectLeavesAnEmptyObject() {
        String json = "{\"value\" : [ 1, { } ]\n}";

        assertThat(restAfter(json, "\"value\" : ")).isEqualTo("{}");
    }

    @Test
    void theFindingsAreFoundFromTheEndAtTheIndentationOfTheReportsFields() {
        String json = "{\n  \"id\" : \"M1\",\n  \"value\" : {\n    \"findings\" : [ 1 ]\n  },\n"
                + "  \"findings\" : [ {\n    \"message\" : \"no \\\"findings\\\" here\"\n  } ]\n}";
        int start = json.indexOf("{", json.indexOf("\"value\""));

        byte[] rest = MissionResults.lastFieldFrom(json.getBytes(StandardCharsets.UTF_8), start, "findings");

        assertThat(new String(rest, StandardCharsets.UTF_8))
                .isEqualTo("{\"findings\" : [ {\n    \"message\" : \"no \\\"findings\\\" here\"\n  } ]\n}");
    }

    @Test
    void aReportWhoseLastFieldIsNotTheFindingsIsSteppedThroughInstead() {
        String json = "{\n  \"value\" : {\n    \"findings\" : [ ]\n  }\n}";
        int start = json.indexOf("{", json.indexOf("\"value\""));

        assertThat(MissionResults.lastFieldFrom(json.getBytes(StandardCharsets.UTF_8), start, "findings")).isNull();
    }
}
