package org.missionengine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
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
    /**
     * The indentation of a mission in the {@code missions} list: one level for the report's object (a list is written
     * on the line of its field), so that a mission rendered alone has the bytes {@link #accept} writes for it there.
     */
    private static final int MISSION_NESTING = 1;
    private static final ObjectWriter RENDERING = Json.JSON.writer().with(new NestedPrettyPrinter(MISSION_NESTING));

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
     * One mission's report as the bytes this writer writes for it inside a report, indented for its place in the
     * {@code missions} list: what an evaluator that runs the missions elsewhere (engine-spark's executors) ships back
     * for {@link #acceptRendered}.
     *
     * @param mission one mission's report
     * @return its JSON object, UTF-8
     * @throws IllegalStateException when a number in it is not finite (an internal error)
     */
    public static byte[] render(MissionReport mission) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
        try {
            RENDERING.writeValue(bytes, mission);
        } catch (IOException e) {
            throw failure(e, "the report of mission \"" + mission.id() + "\"");
        }
        return bytes.toByteArray();
    }

    /**
     * Writes one mission's report as {@link #render} rendered it (on another machine, say), its bytes as they are:
     * the same bytes as {@link #accept} writes, without parsing or formatting the report again.
     *
     * @param renderedMission one mission's report as {@link #render} gives it
     * @throws IllegalStateException when the report is already finished
     */
    public void acceptRendered(byte[] renderedMission) {
        if (finished) {
            throw new IllegalStateException("the report is finished: no mission can be added");
        }
        try {
            // a value of the missions list to the generator: it writes the separator before it and counts it
            json.writeRawValue(new RawBytes(renderedMission));
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

    /** Jackson's indentation, starting a given number of levels in. */
    private static final class NestedPrettyPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private final int nesting;

        NestedPrettyPrinter(int nesting) {
            this.nesting = nesting;
            _nesting = nesting;
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new NestedPrettyPrinter(nesting);
        }
    }

    /** Bytes already UTF-8 JSON, written as they are. */
    private record RawBytes(byte[] utf8) implements SerializableString {
        @Override
        public String getValue() {
            return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1; // does not fit: the generator writes asUnquotedUTF8() instead
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(java.nio.ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int putUnquotedUTF8(java.nio.ByteBuffer buffer) {
            if (buffer.remaining() < utf8.length) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }
    }
}
