package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.missionengine.report.Finding;
import org.missionengine.report.Severity;

/** A report never holds NaN or an infinity: writing one is an internal error that says where, not the text "Infinity". */
class FiniteReportNumbersTest {

    @Test
    void anInfiniteEvidenceValueStopsTheReportNamingItsPath() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter writer = ReportFiles.jsonWriter(out, null, LocalDate.of(2026, 6, 30));

        assertThatThrownBy(() -> writer.finish(List.of(finding(1.5), finding(Double.POSITIVE_INFINITY))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the report: the report would hold Infinity at findings[1].evidence.share; no report is "
                        + "written with a number that is not finite");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Infinity");
    }

    @Test
    void notANumberInARecordIsRefusedToo() {
        record Value(double pvCosts, Double ratio) {
        }

        assertThatThrownBy(() -> Json.JSON.writeValueAsString(Map.of("values", List.of(new Value(1, 2.0),
                new Value(3, Double.NaN))))).hasRootCauseMessage("the report would hold NaN at values[1].ratio; no "
                + "report is written with a number that is not finite");
    }

    @Test
    void finiteNumbersAreWrittenAsNumbers() throws Exception {
        assertThat(Json.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(Map.of("largest", 1e15, "smallest", -1e-300, "plain", 0.25)))
                .contains("\"largest\":1000000000000000", "\"smallest\":-1.0E-300", "\"plain\":0.25");
    }

    private static Finding finding(double share) {
        return new Finding("MW_CAPTURED", Severity.WARNING, "WASHING", "m1", "One recipient holds most of the money.",
                "captured", "washing", Map.of("share", share), null);
    }
}
