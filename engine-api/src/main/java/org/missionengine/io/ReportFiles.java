package org.missionengine.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.internal.AtomicFiles;
import org.missionengine.report.EvaluationReport;

/** Writes an {@link EvaluationReport} as a {@code mission-report/1} JSON document. */
public final class ReportFiles {
    public static final String FORMAT = "mission-report/1";

    private ReportFiles() {
    }

    public static String toJson(EvaluationReport report) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("format", FORMAT);
        node.setAll((ObjectNode) Json.JSON.valueToTree(report));
        try {
            return Json.JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report: " + e.getMessage(), e);
        }
    }

    /** Writes the JSON report atomically: a failed run leaves any earlier file untouched. */
    public static void writeJson(EvaluationReport report, Path file) {
        String json = toJson(report);
        AtomicFiles.write(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
    }
}
