package org.missionengine.decisiontables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.missionengine.drools.spi.TranslatedRules;

/**
 * Traces a line of the DRL a decision table became back to a cell. Drools writes each rule after a comment naming its
 * row ("//rule values at A12, header at A8"); within the rule, a line is made of the row's own cells (a parameter name,
 * a message, a code) and of the table's header snippets. Of those, the cell that holds what a message is about is
 * chosen (a misspelt parameter is in the row's cell, a misspelt field in the header's snippet), else the row's cell,
 * else the header's.
 */
final class CellLocator implements TranslatedRules.Locator {
    private static final Pattern RULE_ORIGIN = Pattern.compile("^//\\s*rule values at ([A-Z]+)(\\d+), header at "
            + "([A-Z]+)(\\d+)");
    /** What Drools substitutes in a snippet: $param, $1, $2, ... */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(?:param|\\d+)");
    /** Rows below a RuleTable cell: column kinds, fact types, snippets, labels; rules start after them. */
    private static final int OBJECT_TYPE_ROW = 2;
    private static final int SNIPPET_ROW = 3;

    private final String[] lines;
    private final TableCells cells;
    private final CellNames names;

    CellLocator(String drl, TableCells cells, CellNames names) {
        this.lines = drl.split("\n", -1);
        this.cells = cells;
        this.names = names;
    }

    @Override
    public String locate(int drlLine, String about) {
        int index = Math.max(0, Math.min(drlLine, lines.length) - 1);
        String line = lines[index];
        int[] origin = ruleOrigin(index);
        if (origin == null) {
            // the package, imports and globals: the RuleSet, Import and Variables cells
            int[] cell = cells.firstWithin(line, cells.ruleTableRow())
                    .orElseGet(() -> cells.ruleSetCell().orElse(new int[] {0, 0}));
            return names.of(cell[0], cell[1]);
        }
        int dataRow = origin[0];
        int headerRow = origin[1];
        List<int[]> headerCells = new ArrayList<>();
        List<String> headerTexts = new ArrayList<>();
        for (int row : new int[] {headerRow + SNIPPET_ROW, headerRow + OBJECT_TYPE_ROW}) {
            for (Map.Entry<Integer, String> cell : cells.row(row).entrySet()) {
                if (writes(cell.getValue(), line)) {
                    headerCells.add(new int[] {row, cell.getKey()});
                }
                headerTexts.addAll(pieces(cell.getValue()));
            }
        }
        List<int[]> rowCells = new ArrayList<>();
        for (Map.Entry<Integer, String> cell : cells.row(dataRow).entrySet()) {
            // a row's value is where the snippets' placeholders were: "PROCUREMENT" in a category cell is not in a
            // line of the snippet that reads "instrument == Instrument.PROCUREMENT"
            String value = cell.getValue();
            String filled = withoutHeaderText(line, headerTexts, value);
            if (filled.contains(value) || filled.contains(value.replace("\"", "\\\""))) {
                rowCells.add(new int[] {dataRow, cell.getKey()});
            }
        }
        if (!about.isBlank()) {
            for (List<int[]> candidates : List.of(rowCells, headerCells)) {
                for (int[] cell : candidates) {
                    String value = cells.row(cell[0]).get(cell[1]);
                    if (value.contains(about) || about.contains(value)) {
                        return names.of(cell[0], cell[1]);
                    }
                }
            }
        }
        int[] cell = !rowCells.isEmpty() ? rowCells.get(0) : !headerCells.isEmpty() ? headerCells.get(0)
                : new int[] {dataRow, origin[2]};
        return names.of(cell[0], cell[1]);
    }

    /** The text of a header snippet between its placeholders and line breaks, long enough to tell. */
    private static List<String> pieces(String snippet) {
        List<String> pieces = new ArrayList<>();
        for (String piece : PLACEHOLDER.split(snippet)) {
            for (String part : piece.split("\\R")) {
                String text = part.strip();
                if (text.length() >= 6) {
                    pieces.add(text);
                }
            }
        }
        return pieces;
    }

    /** The line with the header snippets' own text blanked out, except text the row's value itself holds. */
    private static String withoutHeaderText(String line, List<String> headerTexts, String value) {
        String filled = line;
        for (String text : headerTexts) {
            if (!value.contains(text)) {
                filled = filled.replace(text, "\u0000");
            }
        }
        return filled;
    }

    /**
     * True when a header snippet's own text is part of the line: a piece of it between its placeholders (and line
     * breaks, since a workbook cell may hold a snippet over several lines) that is long enough to tell.
     */
    private static boolean writes(String snippet, String line) {
        for (String piece : PLACEHOLDER.split(snippet)) {
            for (String part : piece.split("\\R")) {
                String text = part.strip();
                if ((text.length() >= 6 || text.length() >= 2 && text.equals(snippet.strip())) && line.contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {data row, header row, first column} of the rule the line belongs to (rows from 0), or null before any. */
    private int[] ruleOrigin(int index) {
        for (int i = index; i >= 0; i--) {
            Matcher m = RULE_ORIGIN.matcher(lines[i].strip());
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(2)) - 1, Integer.parseInt(m.group(4)) - 1,
                        columnIndex(m.group(1))};
            }
            if (i < index && lines[i].startsWith("end")) {
                return null;
            }
        }
        return null;
    }

    private static int columnIndex(String letters) {
        int column = 0;
        for (char c : letters.toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
