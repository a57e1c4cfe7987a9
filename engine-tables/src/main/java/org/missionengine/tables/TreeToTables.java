package org.missionengine.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.missionengine.model.Portfolio;

/**
 * Spreads a portfolio (the fields of its {@code mission-portfolio/1} file) over the portfolio tables. A field
 * left out of the file gives an empty cell; a list or object field gives its marker column: true when present (even
 * empty), false when left out.
 */
final class TreeToTables {
    private final Map<String, List<String[]>> rows = new LinkedHashMap<>();

    private TreeToTables() {
        TableLayout.tables().forEach(t -> rows.put(t.name(), new ArrayList<>()));
    }

    /**
     * The mapper that writes the model as a portfolio file does (engine-api's file writer): record components only,
     * no nulls, ISO dates; here with the missions left out of the portfolio, so that they are turned into trees one at
     * a time and a large portfolio is never one tree.
     */
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .addMixIn(Portfolio.class, WithoutMissions.class)
            .build();

    @JsonIgnoreProperties({"missions"})
    private abstract static class WithoutMissions {
    }

    /** The rows of every table (each row's cells in {@link TableLayout.Table#allColumns()} order). */
    static Map<String, List<String[]>> of(Portfolio portfolio) {
        TreeToTables tables = new TreeToTables();
        tables.record(TableLayout.table(TableLayout.PORTFOLIO), MODEL.valueToTree(portfolio), List.of(), null);
        TableLayout.Table missions = TableLayout.table("missions");
        for (int i = 0; i < portfolio.missions().size(); i++) {
            tables.record(missions, MODEL.valueToTree(portfolio.missions().get(i)), List.of(), i);
        }
        return tables.rows;
    }

    private void record(TableLayout.Table table, JsonNode record, List<String> keys, Integer seq) {
        List<TableLayout.Column> columns = table.allColumns();
        String[] cells = new String[columns.size()];
        int at = 0;
        for (String key : keys) {
            cells[at++] = key;
        }
        if (seq != null) {
            cells[at++] = seq.toString();
        }
        for (TableLayout.Column c : table.columns()) {
            cells[at++] = text(c.field().isEmpty() ? record : at(record, c.field()));
        }
        for (TableLayout.Column m : table.markers()) {
            JsonNode value = at(record, m.field());
            cells[at++] = Boolean.toString(value != null && !value.isNull());
        }
        rows.get(table.name()).add(cells);

        List<String> inner = keys;
        if (table.keyName() != null) {
            inner = new ArrayList<>(keys);
            inner.add(text(record.get("id")));
        }
        for (TableLayout.Table child : TableLayout.children(table)) {
            JsonNode list = at(record, child.listField());
            if (child.name().equals(TableLayout.PARAMETERS)) {
                if (list != null) {
                    list.fields().forEachRemaining(e -> rows.get(child.name())
                            .add(new String[] {e.getKey(), text(e.getValue())}));
                }
            } else if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    record(child, list.get(i), inner, i);
                }
            }
        }
    }

    /** The node at a dotted path, or null. */
    static JsonNode at(JsonNode record, String path) {
        JsonNode node = record;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** A cell's text: numbers in plain digits that read back as the same double, null for no value. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            // plain digits (120000000, not 1.2E8) of the shortest text that reads back as the same double
            return new java.math.BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
