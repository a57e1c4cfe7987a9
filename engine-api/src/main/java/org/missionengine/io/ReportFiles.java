package org.missionengine.io;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.MissionEngine;
import org.missionengine.ProgressListener;
import org.missionengine.internal.AtomicFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.PortfolioReport;

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

    /**
     * A writer that streams a JSON report to {@code out}: mission by mission, then the portfolio's findings. Pass it
     * to {@link MissionEngine#evaluate(Portfolio, LocalDate, ProgressListener, java.util.function.Consumer)} and
     * call {@link JsonReportWriter#finish} with the findings it returns.
     */
    public static JsonReportWriter jsonWriter(OutputStream out, EngineInfo engine, LocalDate asOf) {
        return new JsonReportWriter(out, engine, asOf);
    }

    /**
     * Evaluates the portfolio and writes its JSON report to {@code file} as it goes, atomically: each mission's report
     * is written when it is ready and not kept, so the report never has to fit in memory; a failed evaluation leaves
     * any earlier file untouched.
     *
     * @return the portfolio-level part of the report
     */
    public static PortfolioReport writeJson(Path file, MissionEngine engine, Portfolio portfolio, LocalDate asOf,
                                            ProgressListener progress) {
        PortfolioReport[] result = new PortfolioReport[1];
        AtomicFiles.write(file, out -> {
            JsonReportWriter writer = jsonWriter(out, engine.info(), asOf);
            result[0] = engine.evaluate(portfolio, asOf, progress, writer);
            writer.finish(result[0].findings());
        });
        return result[0];
    }

    /** Writes the JSON report atomically: a failed run leaves any earlier file untouched. */
    public static void writeJson(EvaluationReport report, Path file) {
        String json = toJson(report);
        AtomicFiles.write(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
    }
}
