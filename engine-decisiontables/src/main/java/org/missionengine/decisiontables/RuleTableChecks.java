package org.missionengine.decisiontables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.RuleSheetParserUtil;

import org.missionengine.Problem;

/**
 * Mistakes in a RuleTable's layout that Drools' spreadsheet compiler accepts without a word and that would change
 * which rules there are: a blank row among the rule rows (Drools ends the table there, so the rows below it are read
 * as settings, not rules, and silently vanish), a blank row where the first rule belongs (Drools makes it a rule with
 * no conditions and no actions), a RuleTable with no rule rows at all.
 */
final class RuleTableChecks {
    /** Rows below a RuleTable cell: column kinds, fact types, snippets, labels; rules start after them. */
    static final int KIND_ROW = 1;
    static final int SNIPPET_ROW = 3;
    static final int FIRST_RULE_ROW = 5;

    /**
     * What may start a row below a table after a blank row: the keywords Drools reads outside a table (a new
     * RuleTable, the RuleSet's settings) and the rule attributes a sheet may set for all its rules. Lower case.
     */
    private static final Set<String> KEYWORDS = keywords();

    private final TableCells cells;
    private final CellNames names;
    private final String displayPath;

    RuleTableChecks(TableCells cells, CellNames names, String displayPath) {
        this.cells = cells;
        this.names = names;
        this.displayPath = displayPath;
    }

    /** A RuleTable: the cell that names it, the rows that belong to it (up to the next RuleTable) and its rule rows. */
    record RuleTable(int row, int column, String name, int endRow, List<Integer> ruleRows) {
        /** The row of this table's header (kinds, fact types, snippets, labels) at {@code offset} below its cell. */
        int headerRow(int offset) {
            return row + offset;
        }
    }

    /** Every layout mistake of every table of the sheet, each at its cell. */
    List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        for (RuleTable table : tables()) {
            problems.addAll(layout(table));
        }
        return problems;
    }

    /**
     * The sheet's RuleTables with their rule rows as Drools reads them: the rows right below the labels, one after
     * the other, up to the first row with nothing in the table's columns.
     */
    List<RuleTable> tables() {
        List<int[]> starts = new ArrayList<>();
        for (var row : cells.rows().entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (cell.getValue().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    starts.add(new int[] {row.getKey(), cell.getKey()});
                    break;
                }
            }
        }
        List<RuleTable> tables = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int row = starts.get(i)[0];
            int column = starts.get(i)[1];
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : Integer.MAX_VALUE;
            List<Integer> ruleRows = new ArrayList<>();
            int next = row + FIRST_RULE_ROW;
            for (int r : next < end ? cells.rows().subMap(next, end).keySet() : Set.<Integer>of()) {
                if (!inTable(r, column)) {
                    continue; // notes left of the table's columns: Drools skips them
                }
                if (r != next) {
                    break;
                }
                ruleRows.add(r);
                next++;
            }
            String name = RuleSheetParserUtil.getRuleName(cells.row(row).get(column));
            tables.add(new RuleTable(row, column, name, end, ruleRows));
        }
        return tables;
    }

    private List<Problem> layout(RuleTable table) {
        int firstRule = table.row() + FIRST_RULE_ROW;
        int blank = table.ruleRows().isEmpty() ? firstRule : table.ruleRows().get(table.ruleRows().size() - 1) + 1;
        Integer below = firstRuleLikeRowBelow(blank, table);
        if (below != null && !startsWithKeyword(below)) {
            String blankCell = names.of(blank, table.column());
            String belowCell = names.of(below, table.column());
            if (table.ruleRows().isEmpty()) {
                return List.of(new Problem(displayPath, blankCell, "a blank row where the first rule of the RuleTable "
                        + "\"" + table.name() + "\" belongs; Drools would read it as a rule with no conditions that "
                        + "does nothing, and the rows below it (" + belowCell + "...) as rules only up to the next "
                        + "blank row", "Remove the blank row: the rules start right below the row of labels (row "
                        + (firstRule) + "), one a row."));
            }
            return List.of(new Problem(displayPath, blankCell, "a blank row ends the RuleTable \"" + table.name()
                    + "\" here; the rows below it (" + belowCell + "...) would not be rules", "Remove the blank row, "
                    + "or start a new RuleTable above them."));
        }
        if (table.ruleRows().isEmpty()) {
            return List.of(new Problem(displayPath, names.of(table.row(), table.column()), "the RuleTable \""
                    + table.name() + "\" has no rule rows", "Write one rule a row below the table's four header rows, "
                    + "from row " + (firstRule + 1) + "."));
        }
        return List.of();
    }

    /**
     * The first row below the blank row {@code blank} that holds something in the table's columns (where Drools reads
     * on), within the table's rows; null for none.
     */
    private Integer firstRuleLikeRowBelow(int blank, RuleTable table) {
        if (blank + 1 >= table.endRow()) {
            return null;
        }
        for (int r : cells.rows().subMap(blank + 1, table.endRow()).keySet()) {
            if (inTable(r, table.column())) {
                return r;
            }
        }
        return null;
    }

    private boolean inTable(int row, int column) {
        return cells.row(row).keySet().stream().anyMatch(c -> c >= column);
    }

    /** True when the row's first cell is a keyword: the row starts something other than a rule. */
    private boolean startsWithKeyword(int row) {
        Map<Integer, String> values = cells.row(row);
        String first = values.isEmpty() ? "" : values.values().iterator().next().toLowerCase(Locale.ROOT);
        return first.startsWith("ruletable") || KEYWORDS.contains(first);
    }

    private static Set<String> keywords() {
        Set<String> keywords = new java.util.HashSet<>(Set.of("ruleset", "import", "variables", "notes", "functions",
                "queries", "declare", "unit", "dialect", "sequential", "sequentialminpriority",
                "sequentialmaxpriority", "escapequotes", "numericdisabled", "ignorenumericformat"));
        for (ActionType.Code code : ActionType.getAttributeCodeSet()) {
            keywords.add(code.getColHeader().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(keywords);
    }
}
