package org.missionengine.tables;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;
import org.missionengine.io.PortfolioFiles;

/**
 * Builds a portfolio's tree (a {@code mission-portfolio/1} document) from the portfolio tables, checking what only
 * the tables can get wrong: a missing or unknown column, a cell of the wrong type, a row whose mission, project or
 * target is not in its table, a duplicate id, a marker saying "not recorded" above rows. Every problem names the
 * table, the row and the column. It also remembers which row became which record, so that the portfolio reader's
 * problems (given at JSON paths) can be told at rows and columns too.
 */
final class TablesToTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** Where a record of the tree came from. */
    record Origin(TableLayout.Table table, String source, String row) {
    }

    private final Map<String, TableRows> tables;
    private final List<Problem> problems = new ArrayList<>();
    /** Rows of each nested table by the keys of the record holding them, in list order. */
    private final Map<String, Map<List<String>, List<Integer>>> groups = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final Map<String, Origin> origins = new HashMap<>();

    private TablesToTree(Map<String, TableRows> tables) {
        this.tables = tables;
    }

    /** The tree and the problems found; the tree is complete only when there are none. */
    record Result(ObjectNode tree, List<Problem> problems, Map<String, Origin> origins) {
    }

    static Result of(Map<String, TableRows> tables) {
        TablesToTree builder = new TablesToTree(tables);
        ObjectNode root = NODES.objectNode();
        root.put("format", PortfolioFiles.FORMAT);
        if (builder.checkHeaders()) {
            builder.group();
            builder.portfolio(root);
            builder.unclaimed();
        }
        return new Result(root, builder.problems, builder.origins);
    }

    /** Every table has every column of the layout and no other. */
    private boolean checkHeaders() {
        for (TableRows rows : tables.values()) {
            problems.addAll(headerProblems(rows.table(), rows.source(), rows.header()));
        }
        return problems.isEmpty();
    }

    /** What is wrong with a table's columns: one missing, unknown or given twice. */
    static List<Problem> headerProblems(TableLayout.Table table, String source, List<String> header) {
        List<Problem> problems = new ArrayList<>();
        List<String> expected = table.allColumns().stream().map(TableLayout.Column::name).toList();
        for (String column : expected) {
            if (!header.contains(column)) {
                problems.add(new Problem(source, "header", "the column \"" + column + "\" is missing",
                        "Add it (its cells may be empty): the table's columns are " + String.join(", ", expected)
                                + " (docs/portfolio-tables.md)."));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!expected.contains(column)) {
                problems.add(new Problem(source, "header", "unknown column \"" + column + "\"",
                        ClosestName.hint(column, expected)));
            } else if (!seen.add(column)) {
                problems.add(new Problem(source, "header", "the column \"" + column + "\" appears twice",
                        "Keep one of them."));
            }
        }
        return problems;
    }

    /** Groups the rows of each nested table by their key columns, sorted by {@code seq} (stable). */
    private void group() {
        for (TableRows rows : tables.values()) {
            TableLayout.Table table = rows.table();
            if (table.parent() == null || table.name().equals(TableLayout.PARAMETERS)) {
                continue;
            }
            List<String> keys = table.keyColumns();
            int[] keyAt = keys.stream().mapToInt(rows::indexOf).toArray();
            Map<List<String>, List<Integer>> byKeys = new LinkedHashMap<>();
            Map<Integer, Long> seqs = new HashMap<>();
            boolean hasSeq = rows.indexOf(TableLayout.SEQ) >= 0;
            for (int r = 0; r < rows.rows().size(); r++) {
                String[] cells = rows.rows().get(r);
                List<String> key = new ArrayList<>(keys.size());
                boolean complete = true;
                for (int k = 0; k < keyAt.length; k++) {
                    String value = cells[keyAt[k]];
                    if (value == null || value.isBlank()) {
                        problems.add(problem(rows, r, keys.get(k), "the " + keys.get(k) + " is empty",
                                "Give the id of the " + keys.get(k) + " this row belongs to."));
                        complete = false;
                    }
                    key.add(value);
                }
                if (hasSeq) {
                    JsonNode seq = cell(rows, r, TableLayout.SEQ, TableLayout.ColumnType.INTEGER);
                    if (seq != null) {
                        seqs.put(r, seq.asLong());
                    }
                }
                if (complete) {
                    byKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                }
            }
            // rows with a seq first, by seq; rows without one after them, in the table's order
            Comparator<Integer> order = Comparator.comparing((Integer r) -> seqs.getOrDefault(r, Long.MAX_VALUE));
            byKeys.values().forEach(list -> list.sort(order));
            groups.put(table.name(), byKeys);
        }
    }

    private void portfolio(ObjectNode root) {
        TableLayout.Table table = TableLayout.table(TableLayout.PORTFOLIO);
        TableRows rows = tables.get(TableLayout.PORTFOLIO);
        origins.put("$", new Origin(table, rows == null ? TableLayout.PORTFOLIO : rows.source(), "row 1"));
        if (rows != null && rows.rows().size() > 1) {
            problems.add(new Problem(rows.source(), "row 2", "the portfolio table has " + rows.rows().size()
                    + " rows", "Keep one row: the portfolio's asOf, currency and whether its sources are recorded."));
        }
        fill(table, rows, rows == null || rows.rows().isEmpty() ? -1 : 0, root, "", List.of());
    }

    /**
     * Fills {@code record} (at {@code path} in the tree) from row {@code r} of {@code rows} (-1: no row, as for a
     * portfolio without a portfolio table), then the lists nested in it from their tables.
     */
    private void fill(TableLayout.Table table, TableRows rows, int r, ObjectNode record, String path,
                      List<String> keys) {
        if (r >= 0) {
            for (TableLayout.Column c : table.columns()) {
                JsonNode value = cell(rows, r, c.name(), c.type());
                if (value != null) {
                    put(record, c.field(), value);
                }
            }
        }
        List<String> inner = keys;
        if (table.keyName() != null) {
            inner = new ArrayList<>(keys);
            JsonNode id = record.get("id");
            inner.add(id != null ? id.asText() : record.has("metric") ? record.get("metric").asText() : null);
        }
        for (TableLayout.Table child : TableLayout.children(table)) {
            if (child.name().equals(TableLayout.PARAMETERS)) {
                parameters(record);
                continue;
            }
            List<Integer> children = children(child, inner);
            TableLayout.Column marker = table.markerFor(child.listField());
            Boolean recorded = r < 0 || marker == null ? null : bool(rows, r, marker.name());
            if (Boolean.FALSE.equals(recorded) && !children.isEmpty()) {
                TableRows childRows = tables.get(child.name());
                problems.add(problem(childRows, children.get(0), child.keyColumns().isEmpty() ? TableLayout.SEQ
                        : child.keyColumns().get(child.keyColumns().size() - 1), "the row belongs to a list marked "
                        + "as not recorded (" + marker.name() + " is false in " + rows.source() + ", " + rows.labels()
                        .get(r) + ")", "Set " + marker.name() + " to true, or remove the rows of that list."));
                claimBelow(child, children, inner); // their own rows are not reported again
                continue;
            }
            if (Boolean.TRUE.equals(recorded) || !children.isEmpty() || (marker == null && tables.containsKey(child.name()))) {
                ArrayNode list = NODES.arrayNode();
                put(record, child.listField(), list);
                TableRows childRows = tables.get(child.name());
                for (int i = 0; i < children.size(); i++) {
                    int row = children.get(i);
                    String at = path + (path.isEmpty() ? "" : ".") + child.listField() + "[" + i + "]";
                    origins.put(at, new Origin(child, childRows.source(), childRows.labels().get(row)));
                    if (child.element() != null) {
                        JsonNode value = cell(childRows, row, child.element(), TableLayout.ColumnType.TEXT);
                        list.add(value == null ? NODES.nullNode() : value);
                    } else {
                        ObjectNode element = list.addObject();
                        fill(child, childRows, row, element, at, inner);
                        if (child.keyName() != null) {
                            duplicate(child, childRows, row, element, inner);
                        }
                    }
                }
            }
        }
        if (r >= 0) {
            objectMarkers(table, rows, r, record);
        }
    }

    /** An object marked recorded is there even when empty; one marked not recorded must have no cells. */
    private void objectMarkers(TableLayout.Table table, TableRows rows, int r, ObjectNode record) {
        for (TableLayout.Column marker : table.markers()) {
            if (TableLayout.children(table).stream().anyMatch(c -> c.listField().equals(marker.field()))) {
                continue; // a list's marker, handled with its rows
            }
            Boolean recorded = bool(rows, r, marker.name());
            JsonNode present = TreeToTables.at(record, marker.field());
            if (Boolean.TRUE.equals(recorded) && present == null) {
                put(record, marker.field(), NODES.objectNode());
            } else if (Boolean.FALSE.equals(recorded) && present != null) {
                problems.add(problem(rows, r, marker.name(), marker.name() + " is false, but "
                        + table.columnsOf(marker.field()) + " hold values", "Set " + marker.name()
                        + " to true, or empty those cells."));
            }
        }
    }

    private void parameters(ObjectNode root) {
        TableRows rows = tables.get(TableLayout.PARAMETERS);
        if (rows == null) {
            return;
        }
        ObjectNode parameters = NODES.objectNode();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < rows.rows().size(); r++) {
            JsonNode name = cell(rows, r, "name", TableLayout.ColumnType.TEXT);
            if (name == null) {
                problems.add(problem(rows, r, "name", "the parameter's name is empty", "Name the parameter, e.g. "
                        + "crossCutting.minSectors."));
                continue;
            }
            Integer earlier = seen.putIfAbsent(name.asText(), r);
            if (earlier != null) {
                problems.add(problem(rows, r, "name", "duplicate parameter \"" + name.asText() + "\" (also "
                        + rows.labels().get(earlier) + ")", "Keep one row per parameter."));
                continue;
            }
            String value = rows.rows().get(r)[rows.indexOf("value")];
            parameters.set(name.asText(), parameterValue(value));
            origins.put("parameters." + name.asText(), new Origin(rows.table(), rows.source(), rows.labels().get(r)));
        }
        root.set("parameters", parameters);
    }

    /** A number, true or false as such; any other text as text. */
    static JsonNode parameterValue(String value) {
        if (value == null) {
            return NODES.nullNode();
        }
        String trimmed = value.trim();
        if (trimmed.equals("true") || trimmed.equals("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(trimmed));
        }
        if (JSON_NUMBER.matcher(trimmed).matches()) {
            if (trimmed.matches("-?[0-9]+")) {
                try {
                    long whole = Long.parseLong(trimmed);
                    return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
                } catch (NumberFormatException e) {
                    return DoubleNode.valueOf(Double.parseDouble(trimmed));
                }
            }
            return DoubleNode.valueOf(Double.parseDouble(trimmed));
        }
        return TextNode.valueOf(value);
    }

    private List<Integer> children(TableLayout.Table child, List<String> keys) {
        Map<List<String>, List<Integer>> byKeys = groups.get(child.name());
        if (byKeys == null) {
            return List.of();
        }
        List<Integer> rows = byKeys.get(keys);
        if (rows == null) {
            return List.of();
        }
        claimed.add(child.name() + "\u0000" + keys);
        return rows;
    }

    /** Claims the rows nested in the given rows of {@code table}, which were refused as a whole. */
    private void claimBelow(TableLayout.Table table, List<Integer> rows, List<String> keys) {
        if (table.keyName() == null) {
            return;
        }
        TableRows tableRows = tables.get(table.name());
        for (int row : rows) {
            String id = tableRows.rows().get(row)[tableRows.indexOf("id")];
            if (id == null && tableRows.indexOf("metric") >= 0) {
                id = tableRows.rows().get(row)[tableRows.indexOf("metric")];
            }
            List<String> inner = new ArrayList<>(keys);
            inner.add(id);
            for (TableLayout.Table child : TableLayout.children(table)) {
                claimBelow(child, children(child, inner), inner);
            }
        }
    }

    /** The same id twice in one list (two projects "p1" in one mission): the second row is refused. */
    private final Map<String, Map<List<String>, String>> ids = new HashMap<>();

    private void duplicate(TableLayout.Table table, TableRows rows, int r, ObjectNode element, List<String> keys) {
        JsonNode id = element.has("id") ? element.get("id") : element.get("metric");
        if (id == null) {
            return;
        }
        List<String> key = new ArrayList<>(keys);
        key.add(id.asText());
        String earlier = ids.computeIfAbsent(table.name(), k -> new HashMap<>()).putIfAbsent(key, rows.labels().get(r));
        if (earlier != null) {
            problems.add(problem(rows, r, element.has("id") ? "id" : "metric", "duplicate id \"" + id.asText()
                    + "\" (also " + earlier + ")", "Give each " + table.keyName() + " its own id."));
        }
    }

    /** Rows whose mission, project or target is not in its table. */
    private void unclaimed() {
        groups.forEach((name, byKeys) -> byKeys.forEach((keys, rows) -> {
            if (!claimed.contains(name + "\u0000" + keys)) {
                TableRows table = tables.get(name);
                List<String> keyColumns = table.table().keyColumns();
                String holder = table.table().parentTable().name();
                problems.add(problem(table, rows.get(0), keyColumns.get(keyColumns.size() - 1),
                        describe(keyColumns, keys) + " is not in the " + holder + " table" + (rows.size() > 1
                                ? " (" + rows.size() + " rows refer to it)" : ""),
                        "Add it to " + holder + ", or correct the id."));
            }
        }));
    }

    private static String describe(List<String> columns, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(columns.get(i) + " \"" + keys.get(i) + "\"");
        }
        java.util.Collections.reverse(parts);
        return String.join(" of ", parts);
    }

    private Boolean bool(TableRows rows, int r, String column) {
        JsonNode value = cell(rows, r, column, TableLayout.ColumnType.BOOLEAN);
        return value == null ? null : value.booleanValue();
    }

    /** A cell as a tree value of its column's type, or null when empty; a cell of the wrong type is a problem. */
    private JsonNode cell(TableRows rows, int r, String column, TableLayout.ColumnType type) {
        int at = rows.indexOf(column);
        String text = at < 0 ? null : rows.rows().get(r)[at];
        if (text == null) {
            return null;
        }
        String value = type == TableLayout.ColumnType.TEXT ? text : text.trim();
        switch (type) {
            case TEXT:
                return TextNode.valueOf(value);
            case NUMBER:
                if (JSON_NUMBER.matcher(value).matches() || value.matches("-?[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?")) {
                    double number = Double.parseDouble(value);
                    if (Double.isFinite(number)) {
                        return DoubleNode.valueOf(number);
                    }
                }
                problems.add(problem(rows, r, column, "expected a number, found \"" + text + "\"",
                        "Write a plain number such as 1250000 or 0.35 (a dot for decimals, no thousands "
                                + "separators), or leave the cell empty when it is not recorded."));
                return null;
            case INTEGER:
                if (value.matches("-?[0-9]{1,9}")) {
                    return IntNode.valueOf(Integer.parseInt(value));
                }
                problems.add(problem(rows, r, column, "expected a whole number, found \"" + text + "\"",
                        "Write a whole number such as 2030."));
                return null;
            case BOOLEAN:
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return BooleanNode.valueOf(lower.equals("true"));
                }
                problems.add(problem(rows, r, column, "expected true or false, found \"" + text + "\"",
                        "Write true or false, or leave the cell empty when it is not recorded."));
                return null;
            case DATE:
                try {
                    return TextNode.valueOf(LocalDate.parse(value).toString());
                } catch (DateTimeParseException e) {
                    problems.add(problem(rows, r, column, "expected a date, found \"" + text + "\"",
                            "Write the date as ISO-8601: 2030-12-31."));
                    return null;
                }
            default:
                throw new IllegalStateException("unknown column type " + type);
        }
    }

    /** Puts a value at a dotted path, creating the objects on the way. */
    private static void put(ObjectNode record, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = record;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                next = node.putObject(parts[i]);
            }
            node = (ObjectNode) next;
        }
        node.set(parts[parts.length - 1], value);
    }

    static Problem problem(TableRows rows, int r, String column, String message, String hint) {
        return new Problem(rows.source(), rows.labels().get(r) + ", column " + column, message, hint);
    }
}
