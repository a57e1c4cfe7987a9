package org.missionengine.decisiontables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.RuleSheetParserUtil;

import org.missionengine.Problem;

/**
 * Mistakes in a RuleTable that Drools' spreadsheet compiler accepts without a word, each refused at its cell:
 * <ul>
 *   <li>in its layout, what would change which rules there are: a blank row among the rule rows (Drools ends the
 *   table there, so the rows below it are read as settings, not rules, and silently vanish), a blank row where the
 *   first rule belongs (Drools makes it a rule with no conditions and no actions), a RuleTable with no rule rows;</li>
 *   <li>in a rule row, what would fail only when the rule fires: an empty finding code, severity or category
 *   cell, a message that is not a valid pattern ({@link MessagePatterns}).</li>
 * </ul>
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
    /** A call that formats the row's cell as a message: ctx.format("$param", ...), String.format("$param", ...). */
    private static final Pattern FORMAT_CALL = Pattern.compile("\\bformat\\s*\\(\\s*\"\\$param\"");
    /** A METADATA snippet that gives the finding its code, severity or category from the row's cell. */
    private static final Pattern FINDING_METADATA = Pattern.compile("(code|severity|category)\\s*\\(\\s*\"\\$param\"\\s*\\)");

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
            problems.addAll(emptyFindingCells(table));
            problems.addAll(messagePatterns(table));
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
     * The rule rows whose cell under a {@code code("$param")}, {@code severity("$param")} or
     * {@code category("$param")} column is empty: Drools leaves the column out of the rule, which then fails when it
     * fires (no code) or is refused at its first cell (no severity, no category); the empty cell is the place to say.
     */
    private List<Problem> emptyFindingCells(RuleTable table) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, String> kinds = cells.row(table.headerRow(KIND_ROW));
        for (var snippet : cells.row(table.headerRow(SNIPPET_ROW)).entrySet()) {
            int column = snippet.getKey();
            Matcher m = FINDING_METADATA.matcher(snippet.getValue());
            if (column < table.column() || kind(kinds.get(column)) != ActionType.Code.METADATA
                    || !m.matches()) {
                continue;
            }
            String what = m.group(1);
            for (int row : table.ruleRows()) {
                if (cells.row(row).containsKey(column)) {
                    continue;
                }
                String example = example(table, row, column);
                String hint = switch (what) {
                    case "code" -> "Write the code of the finding the rule reports" + (example == null
                            ? ", in capitals (e.g. AGY_LARGE_GRANT)" : ", as " + example + " does") + ".";
                    case "severity" -> "Write INFO, WARNING or CRITICAL.";
                    default -> "Write the category of the finding the rule reports" + (example == null
                            ? " (e.g. PROCUREMENT)" : ", as " + example + " does") + ".";
                };
                problems.add(new Problem(displayPath, names.of(row, column), "rule \"" + ruleName(table, row)
                        + "\": the " + (what.equals("code") ? "finding code" : what) + " is empty", hint));
            }
        }
        return problems;
    }

    /**
     * Each rule row's message under an ACTION column whose snippet formats it ({@code ctx.format("$param", ...)}),
     * checked as a pattern: a mistake in it would fail the rule only when it fires.
     */
    private List<Problem> messagePatterns(RuleTable table) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, String> kinds = cells.row(table.headerRow(KIND_ROW));
        for (var snippet : cells.row(table.headerRow(SNIPPET_ROW)).entrySet()) {
            int column = snippet.getKey();
            Matcher call = FORMAT_CALL.matcher(snippet.getValue());
            if (column < table.column() || kind(kinds.get(column)) != ActionType.Code.ACTION || !call.find()) {
                continue;
            }
            int values = MessagePatterns.valuesAfter(snippet.getValue(), call.end());
            String snippetCell = names.of(table.headerRow(SNIPPET_ROW), column);
            for (int row : table.ruleRows()) {
                String message = cells.row(row).get(column);
                MessagePatterns.Mistake mistake = message == null ? null
                        : MessagePatterns.check(message, values, snippetCell);
                if (mistake != null) {
                    problems.add(new Problem(displayPath, names.of(row, column), "rule \"" + ruleName(table, row)
                            + "\": " + mistake.message(), mistake.hint()));
                }
            }
        }
        return problems;
    }

    /** Another rule row's cell in {@code column}, named with its value ("B11 (AGY_COUNTRY_CONCENTRATION)"). */
    private String example(RuleTable table, int row, int column) {
        for (int other : table.ruleRows()) {
            String value = cells.row(other).get(column);
            if (other != row && value != null) {
                return names.of(other, column) + " (" + value + ")";
            }
        }
        return null;
    }

    /** The rule's name as Drools gives it: the row's NAME cell, else the table's name and the row's number. */
    String ruleName(RuleTable table, int row) {
        for (var kind : cells.row(table.headerRow(KIND_ROW)).entrySet()) {
            String name = cells.row(row).get(kind.getKey());
            if (kind.getKey() >= table.column() && kind(kind.getValue()) == ActionType.Code.NAME && name != null) {
                return name;
            }
        }
        return table.name() + "_" + (row + 1);
    }

    /** A column's kind as Drools reads its header (the whole word, or its first letter); null for none. */
    static ActionType.Code kind(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        String upper = header.toUpperCase(Locale.ROOT);
        ActionType.Code code = ActionType.getTag2code().get(upper);
        return code != null ? code : ActionType.getTag2code().get(upper.substring(0, 1));
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
