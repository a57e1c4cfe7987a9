package org.missionengine.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portfolio tables: {@code mission-portfolio/1} as one table per record kind (docs/portfolio-tables.md). Each
 * table lists its records' fields as columns; a record nested in another (a mission's project, a project's cash flow)
 * carries the ids of the records it belongs to as key columns ({@code mission}, {@code project}, {@code target}), and a
 * {@code seq} column gives its place in its list. A list or an object that may be absent has a {@code ...Recorded}
 * column in the table of the record holding it, so that "not recorded" (false) and "recorded as none" (true, no
 * rows) stay apart.
 */
public final class TableLayout {
    /** The type of a column's cells. Every cell may be empty (null): the field is then left out of the record. */
    public enum ColumnType {
        /** Text as it is. */
        TEXT,
        /** A decimal number, such as {@code 1250000} or {@code 0.35}. */
        NUMBER,
        /** A whole number, such as a cash flow's year. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** An ISO-8601 date, such as {@code 2030-12-31}. */
        DATE
    }

    /**
     * A column: its name, the type of its cells and the field it fills, as a dotted path inside the record.
     *
     * @param name  the column's name in a table file's header
     * @param type  the type of its cells
     * @param field the record's field it fills, such as {@code budget.newMoney}; null for a key or {@code seq} column
     */
    public record Column(String name, ColumnType type, String field) {
    }

    /**
     * A table. {@code parent} is the table of the records holding this one's (null for the portfolio itself),
     * {@code listField} the field of the parent record that holds the list, {@code keyName} how the tables nested in
     * this one name its records (their key column), {@code element} the column holding the value of a list of texts
     * (null for a list of records).
     *
     * @param name      the table's name, also its file's name without {@code .csv}
     * @param parent    the name of the table of the records holding this one's; null for the portfolio table
     * @param listField the parent record's field that holds this table's records, such as {@code projects}
     * @param keyName   the key column by which nested tables name this table's records; null when none nests in it
     * @param element   the column of a list of texts' values; null for a list of records
     * @param columns   the columns of the records' fields
     * @param markers   the {@code ...Recorded} columns, telling a list or object not recorded from one recorded as none
     */
    public record Table(String name, String parent, String listField, String keyName, String element,
                        List<Column> columns, List<Column> markers) {
        /**
         * Copies the column lists.
         *
         * @param name      the table's name
         * @param parent    the parent table's name, or null
         * @param listField the parent record's field holding the list, or null
         * @param keyName   the key column nested tables use, or null
         * @param element   the column of a list of texts' values, or null
         * @param columns   the field columns
         * @param markers   the marker columns
         */
        public Table {
            columns = List.copyOf(columns);
            markers = List.copyOf(markers);
        }

        /**
         * The key columns: the key of each table this one is nested in, outermost first.
         *
         * @return the key columns' names, such as {@code mission, project} for cash flows
         */
        public List<String> keyColumns() {
            List<String> keys = new ArrayList<>();
            for (Table t = parentTable(); t != null; t = t.parentTable()) {
                if (t.keyName != null) {
                    keys.add(0, t.keyName);
                }
            }
            return keys;
        }

        /**
         * Every column in the order a table file lists them: keys, {@code seq}, fields, then the markers.
         *
         * @return the columns
         */
        public List<Column> allColumns() {
            List<Column> all = new ArrayList<>();
            keyColumns().forEach(k -> all.add(new Column(k, ColumnType.TEXT, null)));
            if (parent != null && !name.equals(PARAMETERS)) {
                all.add(new Column(SEQ, ColumnType.INTEGER, null));
            }
            all.addAll(columns);
            all.addAll(markers);
            return all;
        }

        /**
         * A column of this table by name.
         *
         * @param columnName the column's name
         * @return the column, or empty when the table has none of that name
         */
        public Optional<Column> column(String columnName) {
            return allColumns().stream().filter(c -> c.name().equals(columnName)).findFirst();
        }

        Table parentTable() {
            return parent == null ? null : TableLayout.table(parent);
        }

        /** The marker column for a list or object field of this table's records, if it has one. */
        Column markerFor(String field) {
            return markers.stream().filter(m -> m.field().equals(field)).findFirst().orElse(null);
        }

        /** The column (or, for an object, the columns) that fill the field at this path of the record. */
        String columnsOf(String field) {
            if (field.isEmpty()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (Column c : columns) {
                if (c.field().equals(field)) {
                    return "column " + c.name();
                }
                if (c.field().startsWith(field + ".")) {
                    names.add(c.name());
                }
            }
            Column marker = markerFor(field);
            if (names.isEmpty()) {
                return marker == null ? "field " + field : "column " + marker.name();
            }
            return "columns " + String.join(", ", names);
        }
    }

    /** The column giving a row's place in its list (rows without one follow, in the table's order). */
    public static final String SEQ = "seq";

    /**
     * The name of the table of the portfolio's own fields (one row).
     */
    public static final String PORTFOLIO = "portfolio";

    /**
     * The name of the table of the portfolio's parameters: one row per name and value.
     */
    public static final String PARAMETERS = "parameters";

    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    static {
        add(new Builder(PORTFOLIO, null, null).date("asOf").text("currency").list("sources"));
        add(new Builder("portfolio_sources", PORTFOLIO, "sources").element("source"));
        add(new Builder(PARAMETERS, PORTFOLIO, PARAMETERS).text("name").text("value"));
        add(new Builder("metrics", PORTFOLIO, "metrics").text("id").text("name").text("unit").text("kind")
                .text("direction").bool("binary").number("min").number("max"));
        add(new Builder("actors", PORTFOLIO, "actors").text("id").text("name").text("type").text("country"));
        add(new Builder("missions", PORTFOLIO, "missions").key("mission").text("id").text("title").text("statement")
                .text("challenge").text("owner").date("launched").date("deadline")
                .object("budget").number("budgetTotal", "budget.total").number("budgetNewMoney", "budget.newMoney")
                .bool("budgetMultiYear", "budget.multiYear")
                .object("governance").list("leadBodies", "governance.leadBodies")
                .bool("missionBoard", "governance.missionBoard").bool("crossMinisterial", "governance.crossMinisterial")
                .list("participation", "governance.participation")
                .number("inHouseDeliveryShare", "governance.inHouseDeliveryShare")
                .list("targets").list("sectors").list("disciplines").list("projects").list("sources"));
        add(new Builder("mission_sectors", "missions", "sectors").element("sector"));
        add(new Builder("mission_disciplines", "missions", "disciplines").element("discipline"));
        add(new Builder("mission_sources", "missions", "sources").element("source"));
        add(new Builder("lead_bodies", "missions", "governance.leadBodies").element("body"));
        add(new Builder("participation", "missions", "governance.participation").element("mechanism"));
        add(new Builder("targets", "missions", "targets").key("target").text("id").text("metric")
                .object("baseline").number("baselineValue", "baseline.value").date("baselineDate", "baseline.date")
                .object("goal").number("goalValue", "goal.value").date("goalDate", "goal.date").list("revisions"));
        add(new Builder("revisions", "targets", "revisions").date("date")
                .object("goal").number("goalValue", "goal.value").date("goalDate", "goal.date").text("reason"));
        add(new Builder("projects", "missions", "projects").key("project").text("id").text("title")
                .text("instrument").text("recipient").text("sector").text("solution").bool("openCall")
                .number("publicFunding").number("privateFunding").date("start").date("end").text("status")
                .bool("preexisting").list("contributesTo").list("conditionalities").list("cashflows"));
        add(new Builder("contributions", "projects", "contributesTo").element("metric"));
        add(new Builder("conditionalities", "projects", "conditionalities").text("type").bool("enforceable")
                .bool("monitored").bool("clawback").text("description"));
        add(new Builder("cashflows", "projects", "cashflows").integer("year").number("cost").number("benefit"));
        add(new Builder("observations", PORTFOLIO, "observations").text("metric").text("mission").date("date")
                .number("value").text("source"));
        add(new Builder("spillovers", PORTFOLIO, "spillovers").text("fromProject").text("fromSector")
                .text("toSector").text("kind").number("intensity").number("lagYears").text("evidence"));
    }

    private TableLayout() {
    }

    /**
     * Every table, the portfolio's first, each after the table it is nested in.
     *
     * @return the tables
     */
    public static List<Table> tables() {
        return Collections.unmodifiableList(new ArrayList<>(TABLES.values()));
    }

    /**
     * A table by name.
     *
     * @param name the table's name, such as {@code projects}
     * @return the table
     * @throws IllegalArgumentException naming the table when there is none of that name
     */
    public static Table table(String name) {
        Table table = TABLES.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no portfolio table is called \"" + name + "\"");
        }
        return table;
    }

    static boolean exists(String name) {
        return TABLES.containsKey(name);
    }

    /** The tables nested directly in {@code table}. */
    static List<Table> children(Table table) {
        return TABLES.values().stream().filter(t -> table.name().equals(t.parent())).toList();
    }

    private static void add(Builder builder) {
        TABLES.put(builder.name, builder.build());
    }

    /** Declares a table's columns in the order of the record's fields. */
    private static final class Builder {
        private final String name;
        private final String parent;
        private final String listField;
        private String key;
        private String element;
        private final List<Column> columns = new ArrayList<>();
        private final List<Column> markers = new ArrayList<>();

        Builder(String name, String parent, String listField) {
            this.name = name;
            this.parent = parent;
            this.listField = listField;
        }

        Builder key(String keyName) {
            this.key = keyName;
            return this;
        }

        Builder element(String column) {
            this.element = column;
            columns.add(new Column(column, ColumnType.TEXT, ""));
            return this;
        }

        Builder text(String field) {
            return column(field, ColumnType.TEXT, field);
        }

        Builder number(String field) {
            return column(field, ColumnType.NUMBER, field);
        }

        Builder number(String column, String field) {
            return column(column, ColumnType.NUMBER, field);
        }

        Builder integer(String field) {
            return column(field, ColumnType.INTEGER, field);
        }

        Builder bool(String field) {
            return column(field, ColumnType.BOOLEAN, field);
        }

        Builder bool(String column, String field) {
            return column(column, ColumnType.BOOLEAN, field);
        }

        Builder date(String field) {
            return column(field, ColumnType.DATE, field);
        }

        Builder date(String column, String field) {
            return column(column, ColumnType.DATE, field);
        }

        /** A list field that may be absent: its marker column says whether it is recorded. */
        Builder list(String field) {
            return list(field, field);
        }

        Builder list(String markerPrefix, String field) {
            markers.add(new Column(markerPrefix + "Recorded", ColumnType.BOOLEAN, field));
            return this;
        }

        /** An object field that may be absent (the budget, the governance, a goal). */
        Builder object(String field) {
            markers.add(new Column(field + "Recorded", ColumnType.BOOLEAN, field));
            return this;
        }

        private Builder column(String column, ColumnType type, String field) {
            columns.add(new Column(column, type, field));
            return this;
        }

        Table build() {
            return new Table(name, parent, listField, key, element, columns, markers);
        }
    }
}
