package org.missionengine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.missionengine.report.EngineInfo;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/**
 * Writes a {@code mission-report/1} document as an evaluation goes: the header first, each mission's report as it
 * arrives ({@link #accept}), then the portfolio's findings ({@link #finish}). {@link ReportFiles#toJson} writes a whole
 * report through it, so a streamed report and a whole one are the same bytes. Get one from {@link ReportFiles#jsonWriter}; it does not close
 * the stream it writes to.
 */
public final class JsonReportWriter implements Consumer<MissionReport> {
    private final OutputStream out;
    private final ObjectWriter writer;
    private final JsonGenerator json;
    private boolean finished;

    JsonReportWriter(OutputStream out, EngineInfo engine, LocalDate asOf) {
        this.out = out;
        this.writer = Json.JSON.writer();
        try {
            this.json = writer.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("format", ReportFiles.FORMAT);
            json.writeFieldName("engine");
            writer.writeValue(json, engine);
            json.writeFieldName("asOf");
            writer.writeValue(json, asOf);
            json.writeArrayFieldStart("missions");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    /** Writes one mission's report. */
    @Override
    public void accept(MissionReport mission) {
        if (finished) {
            throw new IllegalStateException("the report is finished: no mission can be added (mission \""
                    + mission.id() + "\")");
        }
        try {
            writer.writeValue(json, mission);
        } catch (IOException e) {
            throw failure(e, "the report of mission \"" + mission.id() + "\"");
        }
    }

    /**
     * Writes one mission's report given as JSON text, as {@link ReportFiles#toJson(MissionReport)} writes it (on
     * another machine, say): the same bytes as writing the report itself.
     *
     * @param missionReportJson one mission's report as {@link ReportFiles#toJson(MissionReport)} gives it
     * @throws IllegalStateException when the report is already finished
     */
    public void acceptJson(String missionReportJson) {
        if (finished) {
            throw new IllegalStateException("the report is finished: no mission can be added");
        }
        // copied token by token, numbers as the text they were written as: the bytes writing a tree of the text gives
        // (a number written from a double reads back as that double, which writes as that text), without building the
        // tree or converting numbers twice
        try (JsonParser parser = Json.JSON.createParser(missionReportJson)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric()) {
                    json.writeNumber(parser.getText());
                } else {
                    json.copyCurrentEvent(parser);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a mission's report: " + e.getMessage(), e);
        }
    }

    /** An internal error when a number was not finite (the engine's fault, not the disk's), else the I/O failure. */
    private static RuntimeException failure(IOException e, String where) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FiniteNumberSerializer.NonFiniteNumberException nonFinite) {
                return new IllegalStateException(where + ": " + nonFinite.getMessage(), e);
            }
        }
        return new UncheckedIOException("cannot write " + where + ": " + e.getMessage(), e);
    }

    /**
     * Writes the portfolio-level findings and ends the document.
     *
     * @param portfolioFindings the findings the evaluation returned for the portfolio
     * @throws IllegalStateException if the document is already finished
     */
    public void finish(List<Finding> portfolioFindings) {
        if (finished) {
            throw new IllegalStateException("the report is already finished");
        }
        finished = true;
        try {
            json.writeEndArray();
            json.writeFieldName("findings");
            writer.writeValue(json, portfolioFindings);
            json.writeEndObject();
            json.close();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw failure(e, "the report");
        }
    }
}
