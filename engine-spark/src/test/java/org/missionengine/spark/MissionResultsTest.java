package org.missionengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Stepping over a report's value section by its brackets. */
class MissionResultsTest {
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
