package org.missionengine.spark;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.missionengine.io.JsonReportWriter;
import org.missionengine.report.MissionReport;

/**
 * A mission's result as an executor ships it back: its report as the bytes the report file holds (unless the driver
 * holds them), and the rows of the
 * missions, targets and findings tables taken from that JSON once, where the mission was evaluated, so that the tables
 * carry the report's very values and nothing reads the report again.
 */
final class MissionResults {
    private static final ObjectMapper TREES = new ObjectMapper();
    /** The report's fields the missions, targets and findings tables are made of. */
    private static final Set<String> TABLE_FIELDS = Set.of("title", "rating", "ratingReason", "score", "washingRisk",
            "evidence", "delivery", "design", "criteria", "targets", "findings");

    /** A target of a mission's report, as a row of the targets table (after its position and mission). */
    static final StructType TARGET = new StructType()
            .add("seq", DataTypes.IntegerType).add("target", DataTypes.StringType).add("metric", DataTypes.StringType)
            .add("unit", DataTypes.StringType).add("status", DataTypes.StringType)
            .add("latestValue", DataTypes.DoubleType).add("latestDate", DataTypes.StringType)
            .add("goalValue", DataTypes.DoubleType).add("goalDate", DataTypes.StringType)
            .add("projected", DataTypes.DoubleType).add("gapClosure", DataTypes.DoubleType)
            .add("trendPerYear", DataTypes.DoubleType).add("requiredRatePerYear", DataTypes.DoubleType);

    /** A finding of a mission's report, as a row of the findings table (after its position and mission). */
    static final StructType FINDING = new StructType()
            .add("seq", DataTypes.IntegerType).add("code", DataTypes.StringType)
            .add("severity", DataTypes.StringType).add("category", DataTypes.StringType)
            .add("subject", DataTypes.StringType).add("message", DataTypes.StringType)
            .add("rule", DataTypes.StringType).add("pack", DataTypes.StringType)
            .add("evidence", DataTypes.StringType);

    /**
     * A mission's result: its place (its position in the portfolio, then the input order for missions without one),
     * id, report as the bytes the report file holds for it ({@link JsonReportWriter#render}), outline as JSON (for the portfolio-level rules; null when the driver holds the portfolio),
     * the columns of its row in the missions table, and its targets' and findings' rows.
     */
    static final StructType RESULT = new StructType()
            .add("pos", DataTypes.LongType)
            .add("ord", DataTypes.LongType)
            .add("id", DataTypes.StringType)
            .add("report", DataTypes.BinaryType)
            .add("outline", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("rating", DataTypes.StringType).add("ratingReason", DataTypes.StringType)
            .add("score", DataTypes.DoubleType).add("washingRisk", DataTypes.DoubleType)
            .add("evidence", DataTypes.DoubleType).add("delivery", DataTypes.DoubleType)
            .add("design", DataTypes.DoubleType).add("criteria", DataTypes.StringType)
            .add("findings", DataTypes.IntegerType)
            .add("targetRows", DataTypes.createArrayType(TARGET))
            .add("findingRows", DataTypes.createArrayType(FINDING));

    private MissionResults() {
    }

    /** The result row of a mission's report. */
    static Row of(Long position, Long order, MissionReport report, String outline) {
        return of(position, order, report, JsonReportWriter.render(report), outline, true);
    }

    /**
     * The result row of a mission's report rendered as {@link JsonReportWriter#render} does; without the rendered
     * report itself ({@code report} null) unless {@code withReport} (the driver holds it, see {@link HeldReports}).
     */
    static Row of(Long position, Long order, MissionReport report, byte[] rendered, String outline,
                  boolean withReport) {
        TableFields m = fields(rendered);
        return RowFactory.create(position, order, report.id(), withReport ? rendered : null, outline, m.title,
                m.rating, m.ratingReason, m.score, m.washingRisk, m.evidence, m.delivery, m.design, m.criteria,
                m.findings.size(), m.targets.toArray(Row[]::new), m.findings.toArray(Row[]::new));
    }

    /** The values of a rendered report that the tables take. */
    private static final class TableFields {
        String title;
        String rating;
        String ratingReason;
        Double score;
        Double washingRisk;
        Double evidence;
        Double delivery;
        Double design;
        String criteria;
        final List<Row> targets = new ArrayList<>();
        final List<Row> findings = new ArrayList<>();
    }

    /**
     * The top-level fields of a rendered mission report that the tables take, read from the parser's tokens (a tree
     * of each target and finding was two thirds of this work); the rest (the value section above all, a row per
     * project) is stepped over by its brackets, not tokenized: building a tree of the whole report took a quarter of
     * an executor's time at 1M projects, and skipping the value section token by token half of what was left of
     * taking the fields.
     */
    private static TableFields fields(byte[] rendered) {
        TableFields fields = new TableFields();
        byte[] json = rendered;
        boolean more = true;
        while (more) {
            more = false;
            try (JsonParser parser = TREES.createParser(json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalStateException("a rendered mission report is not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (TABLE_FIELDS.contains(name)) {
                        take(fields, name, parser);
                    } else if (value.isStructStart()) {
                        // the rest of the object after this value, read again as an object of its own
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        byte[] findings = lastFieldFrom(json, start, "findings");
                        json = findings != null ? findings : restAfter(json, start);
                        more = true;
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fields;
    }

    /** Takes one of {@link #TABLE_FIELDS}, the parser at its value. */
    private static void take(TableFields fields, String name, JsonParser p) throws IOException {
        switch (name) {
            case "title" -> fields.title = text(p);
            case "rating" -> fields.rating = text(p);
            case "ratingReason" -> fields.ratingReason = text(p);
            case "score" -> fields.score = number(p);
            case "washingRisk" -> fields.washingRisk = number(p);
            case "evidence" -> fields.evidence = number(p);
            case "delivery" -> fields.delivery = number(p);
            case "design" -> fields.design = number(p);
            case "criteria" -> fields.criteria = compact(p);
            case "targets" -> {
                fields.targets.clear();
                forEachObject(p, () -> fields.targets.add(target(fields.targets.size(), p)));
            }
            case "findings" -> {
                fields.findings.clear();
                forEachObject(p, () -> fields.findings.add(finding(fields.findings.size(), p)));
            }
            default -> throw new IllegalStateException("not a table field: " + name);
        }
    }

    private interface Element {
        void read() throws IOException;
    }

    /** Reads each object of the array the parser is at (other values are stepped over). */
    private static void forEachObject(JsonParser p, Element element) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                element.read();
            } else {
                p.skipChildren();
            }
        }
    }

    /** A target as a row of {@link #TARGET}, the parser at its object's start; leaves it at its end. */
    private static Row target(int seq, JsonParser p) throws IOException {
        Object[] cells = new Object[TARGET.size()];
        cells[0] = seq;
        eachField(p, name -> {
            switch (name) {
                case "target" -> cells[1] = text(p);
                case "metric" -> cells[2] = text(p);
                case "unit" -> cells[3] = text(p);
                case "status" -> cells[4] = text(p);
                case "latest" -> valueAndDate(p, cells, 5);
                case "goal" -> valueAndDate(p, cells, 7);
                case "projected" -> cells[9] = number(p);
                case "gapClosure" -> cells[10] = number(p);
                case "trendPerYear" -> cells[11] = number(p);
                case "requiredRatePerYear" -> cells[12] = number(p);
                default -> p.skipChildren();
            }
        });
        return RowFactory.create(cells);
    }

    /** An object's {@code value} and {@code date} into two cells (a value that is not an object gives neither). */
    private static void valueAndDate(JsonParser p, Object[] cells, int at) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        eachField(p, name -> {
            switch (name) {
                case "value" -> cells[at] = number(p);
                case "date" -> cells[at + 1] = text(p);
                default -> p.skipChildren();
            }
        });
    }

    private interface Field {
        /** Reads (or steps over) the value of the field {@code name}, the parser at that value. */
        void read(String name) throws IOException;
    }

    /** Hands each field of the object the parser is in to {@code field}, at its value; ends at the object's end. */
    private static void eachField(JsonParser p, Field field) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            field.read(name);
        }
    }

    /** A finding as a row of {@link #FINDING}, the parser at its object's start; leaves it at its end. */
    private static Row finding(int seq, JsonParser p) throws IOException {
        Object[] cells = new Object[FINDING.size()];
        cells[0] = seq;
        eachField(p, name -> {
            switch (name) {
                case "code" -> cells[1] = text(p);
                case "severity" -> cells[2] = text(p);
                case "category" -> cells[3] = text(p);
                case "subject" -> cells[4] = text(p);
                case "message" -> cells[5] = text(p);
                case "rule" -> cells[6] = text(p);
                case "pack" -> cells[7] = text(p);
                case "evidence" -> cells[8] = compact(p);
                default -> p.skipChildren();
            }
        });
        return RowFactory.create(cells);
    }

    /** A finding as a row of {@link #FINDING}, from the finding's JSON as the report writes it. */
    static Row finding(int seq, String json) {
        try (JsonParser parser = TREES.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a finding is not a JSON object: " + json);
            }
            return finding(seq, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value the parser is at as compact JSON: what a tree of it prints ({@code JsonNode.toString()}), copied token
     * by token without building the tree.
     */
    private static String compact(JsonParser p) throws IOException {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = TREES.getFactory().createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    /** The value as text, as a tree node's {@code asText()} gives it; null for JSON null. */
    private static String text(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue().toString() : Long.toString(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> {
                p.skipChildren();
                yield "";
            }
        };
    }

    /** The value as a number, or null when it is not one. */
    private static Double number(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        p.skipChildren();
        return null;
    }

    /**
     * The object's last field, when it is {@code name}, as an object of its own; null when it is not. A rendered
     * report ends with its findings: found from the end, they spare stepping over the value section before them. The
     * field is the one indented as the report's top-level fields (the line of {@code start}'s field), and a line
     * break is never inside a text (JSON escapes it), so a finding's text cannot be taken for the field.
     */
    static byte[] lastFieldFrom(byte[] json, int start, String name) {
        int line = start;
        while (line > 0 && json[line - 1] != '\n') {
            line--;
        }
        int indent = 0;
        while (json[line + indent] == ' ') {
            indent++;
        }
        byte[] key = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
        for (int at = json.length - key.length; at > start; at--) {
            if (json[at] == '"' && json[at - indent - 1] == '\n' && matches(json, at, key)
                    && spaces(json, at - indent, indent)) {
                byte[] rest = new byte[1 + json.length - at];
                rest[0] = '{';
                System.arraycopy(json, at, rest, 1, json.length - at);
                return rest;
            }
        }
        return null;
    }

    private static boolean matches(byte[] json, int at, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (json[at + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean spaces(byte[] json, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (json[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * The fields of a JSON object that follow the object or array starting at {@code start}, as an object of their own:
     * "{" and what follows its closing bracket and comma. Bytes of multi-byte UTF-8 characters are all 0x80 or more,
     * so they are never taken for a bracket or a quote.
     */
    static byte[] restAfter(byte[] json, int start) {
        int depth = 0;
        int i = start;
        for (; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                for (i++; json[i] != '"'; i++) {
                    if (json[i] == '\\') {
                        i++;
                    }
                }
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                break;
            }
        }
        int from = i + 1;
        while (from < json.length && (json[from] == ' ' || json[from] == '\n' || json[from] == '\r'
                || json[from] == '\t')) {
            from++;
        }
        if (from < json.length && json[from] == ',') {
            from++;
        }
        byte[] rest = new byte[1 + json.length - from];
        rest[0] = '{';
        System.arraycopy(json, from, rest, 1, json.length - from);
        return rest;
    }
}
