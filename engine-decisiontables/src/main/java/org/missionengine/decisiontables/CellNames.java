package org.missionengine.decisiontables;

/**
 * Names cells as a spreadsheet program shows them: {@code Rules!C12} in a workbook, {@code C12} in a CSV file (which
 * has no sheets).
 */
final class CellNames {
    private final String sheet;

    CellNames(String sheet) {
        this.sheet = sheet;
    }

    /** The name of the cell at {@code row} and {@code column}, both from 0. */
    String of(int row, int column) {
        return (sheet == null ? "" : quoted(sheet) + "!") + column(column) + (row + 1);
    }

    /** A column's letters: A..Z, AA..ZZ, AAA... */
    static String column(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    /** Spreadsheet programs quote a sheet name with spaces or punctuation: 'SME bands'!C12. */
    private static String quoted(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_.]*") ? name : "'" + name.replace("'", "''") + "'";
    }
}
