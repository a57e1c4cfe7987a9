package org.missionengine.decisiontables;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.drools.template.parser.DataListener;

/**
 * Every non-empty cell of the sheet the decision table is read from, as the parser sees it (rows and columns from 0),
 * so that a line of the generated DRL can be traced back to the cells that wrote it.
 */
final class TableCells implements DataListener {
    private final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();

    @Override
    public void startSheet(String name) {
    }

    @Override
    public void finishSheet() {
    }

    @Override
    public void newRow(int rowNumber, int columns) {
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (value != null && !value.isBlank()) {
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value.strip());
        }
    }

    /** The rows that hold a non-empty cell, in order, each with its non-empty cells by column. */
    NavigableMap<Integer, TreeMap<Integer, String>> rows() {
        return Collections.unmodifiableNavigableMap(rows);
    }

    /** The non-empty cells of a row, by column. */
    Map<Integer, String> row(int row) {
        return rows.getOrDefault(row, new TreeMap<>());
    }

    /** The cell that holds the keyword "RuleSet", as {row, column}. */
    Optional<int[]> ruleSetCell() {
        return find("ruleset");
    }

    /** The row of the first "RuleTable ..." cell, or 0. */
    int ruleTableRow() {
        for (var row : rows.entrySet()) {
            for (String value : row.getValue().values()) {
                if (value.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    return row.getKey();
                }
            }
        }
        return 0;
    }

    /** The first cell, row by row, whose whole text is {@code keyword} (ignoring case), as {row, column}. */
    Optional<int[]> find(String keyword) {
        for (var row : rows.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (cell.getValue().equalsIgnoreCase(keyword)) {
                    return Optional.of(new int[] {row.getKey(), cell.getKey()});
                }
            }
        }
        return Optional.empty();
    }

    /** The first cell whose text {@code line} contains, searching rows up to {@code lastRow}, as {row, column}. */
    Optional<int[]> firstWithin(String line, int lastRow) {
        for (var row : rows.headMap(lastRow, true).entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (line.contains(cell.getValue())) {
                    return Optional.of(new int[] {row.getKey(), cell.getKey()});
                }
            }
        }
        return Optional.empty();
    }
}
