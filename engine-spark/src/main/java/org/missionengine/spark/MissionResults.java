package org.missionengine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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
        Map<String, JsonNode> m = fields(rendered);
        List<Row> targets = new ArrayList<>();
        for (JsonNode t : m.getOrDefault("targets", MissingNode.getInstance())) {
            targets.add(RowFactory.create(targets.size(), text(t, "target"), text(t, "metric"), text(t, "unit"),
                    text(t, "status"), number(t.path("latest"), "value"), text(t.path("latest"), "date"),
                    number(t.path("goal"), "value"), text(t.path("goal"), "date"), number(t, "projected"),
                    number(t, "gapClosure"), number(t, "trendPerYear"), number(t, "requiredRatePerYear")));
        }
        List<Row> findings = new ArrayList<>();
        for (JsonNode f : m.getOrDefault("findings", MissingNode.getInstance())) {
            findings.add(finding(findings.size(), f));
        }
        return RowFactory.create(position, order, report.id(), withReport ? rendered : null, outline, text(m, "title"),
                text(m, "rating"),
                text(m, "ratingReason"), number(m, "score"), number(m, "washingRisk"), number(m, "evidence"),
                number(m, "delivery"), number(m, "design"), m.get("criteria") != null ? m.get("criteria").toString() : null,
                findings.size(), targets.toArray(Row[]::new), findings.toArray(Row[]::new));
    }

    /**
     * The top-level fields of a rendered mission report that the tables take, as trees; the rest (the value section
     * above all, a row per project) is stepped over by its brackets, not tokenized: building a tree of the whole report
     * took a quarter of an executor's time at 1M projects, and skipping the value section token by token half of what
     * was left of taking the fields.
     */
    private static Map<String, JsonNode> fields(byte[] rendered) {
        Map<String, JsonNode> fields = new HashMap<>();
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
                        fields.put(name, parser.readValueAsTree());
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

    private static String text(Map<String, JsonNode> fields, String field) {
        return text(fields.get(field));
    }

    private static Double number(Map<String, JsonNode> fields, String field) {
        return number(fields.get(field));
    }

    /** A finding as a row of {@link #FINDING}, from the finding's JSON as the report writes it. */
    static Row finding(int seq, JsonNode f) {
        return RowFactory.create(seq, text(f, "code"), text(f, "severity"), text(f, "category"), text(f, "subject"),
                text(f, "message"), text(f, "rule"), text(f, "pack"),
                f.has("evidence") ? f.get("evidence").toString() : null);
    }

    static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        return text(node.get(field));
    }

    private static Double number(JsonNode node, String field) {
        return number(node.get(field));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Double number(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
}
