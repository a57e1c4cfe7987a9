package org.missionengine.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;


import org.missionengine.MissionEngine;
import org.missionengine.ProgressListener;
import org.missionengine.internal.AtomicFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.PortfolioReport;

/** Writes an {@link EvaluationReport} as a {@code mission-report/1} JSON document. */
public final class ReportFiles {
    /** The format a report names in its {@code "format"} field. */
    public static final String FORMAT = "mission-report/1";

    private ReportFiles() {
    }

    /**
     * The report as a {@code mission-report/1} document: written as {@link JsonReportWriter} streams one.
     *
     * @param report the report
     * @return the JSON document, indented, ending with a line break
     */
    public static String toJson(EvaluationReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * One mission's report as JSON text: the object the report file holds for it (indented as a document of its own;
     * {@link JsonReportWriter#render} gives the bytes for its place in a report).
     *
     * @param mission one mission's report
     * @return the JSON object the report file holds for that mission
     */
    public static String toJson(MissionReport mission) {
        try {
            return Json.JSON.writeValueAsString(mission);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report of mission \"" + mission.id() + "\": "
                    + e.getMessage(), e);
        }
    }

    /**
     * One finding as JSON text, as it appears in a report.
     *
     * @param finding the finding
     * @return its JSON object
     */
    public static String toJson(Finding finding) {
        try {
            return Json.JSON.writeValueAsString(finding);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the finding " + finding.code() + ": " + e.getMessage(), e);
        }
    }

    private static void write(EvaluationReport report, OutputStream out) {
        JsonReportWriter writer = jsonWriter(out, report.engine(), report.asOf());
        report.missions().forEach(writer);
        writer.finish(report.findings());
    }

    /**
     * A writer that streams a JSON report to {@code out}: mission by mission, then the portfolio's findings. Pass it
     * to {@link MissionEngine#evaluate(Portfolio, LocalDate, ProgressListener, java.util.function.Consumer)} and
     * call {@link JsonReportWriter#finish} with the findings it returns.
     *
     * @param out    where the document goes (UTF-8); not closed
     * @param engine what produced the report, for the document's {@code "engine"} field: the engine's
     *               {@link MissionEngine#info(Portfolio)} for the portfolio evaluated
     * @param asOf   the evaluation date
     * @return the writer, which takes each mission's report
     */
    public static JsonReportWriter jsonWriter(OutputStream out, EngineInfo engine, LocalDate asOf) {
        return new JsonReportWriter(out, engine, asOf);
    }

    /**
     * Evaluates the portfolio and writes its JSON report to {@code file} as it goes, atomically: each mission's report
     * is written when it is ready and not kept, so the report never has to fit in memory; a failed evaluation leaves
     * any earlier file untouched.
     *
     * @param file      the file to write or replace
     * @param engine    the engine
     * @param portfolio the portfolio
     * @param asOf      the evaluation date
     * @param progress  told how many missions are done; {@link ProgressListener#NONE} for nobody
     * @return the portfolio-level part of the report
     * @throws org.missionengine.UserErrorException as {@link MissionEngine#evaluate(Portfolio, LocalDate)}
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static PortfolioReport writeJson(Path file, MissionEngine engine, Portfolio portfolio, LocalDate asOf,
                                            ProgressListener progress) {
        PortfolioReport[] result = new PortfolioReport[1];
        AtomicFiles.write(file, out -> {
            JsonReportWriter writer = jsonWriter(out, engine.info(portfolio), asOf);
            result[0] = engine.evaluate(portfolio, asOf, progress, writer);
            writer.finish(result[0].findings());
        });
        return result[0];
    }

    /**
     * Writes the JSON report atomically: a failed run leaves any earlier file untouched.
     *
     * @param report the report
     * @param file   the file to write or replace
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void writeJson(EvaluationReport report, Path file) {
        AtomicFiles.write(file, out -> write(report, out));
    }
}
