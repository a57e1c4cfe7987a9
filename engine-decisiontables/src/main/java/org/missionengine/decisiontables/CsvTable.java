package org.missionengine.decisiontables;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.template.parser.DataListener;

import org.missionengine.InvalidRulesException;
import org.missionengine.Problem;
import org.missionengine.internal.Utf8Text;

/**
 * Reads a CSV decision table as spreadsheet programs save one, and hands its cells to the listeners as Drools' CSV
 * parser does (one line a row; a cell ending in {@code ...} spans the cells after it). What the text is, is decided
 * here rather than left to the JVM's default charset: UTF-8 (with or without the byte-order mark Excel's "CSV UTF-8"
 * writes). A file with bytes that are not UTF-8 (Excel's plain "CSV" on Windows is in Windows-1252), in UTF-16 (Excel's
 * "Unicode Text") or separated by semicolons or tabs (Excel's CSV where the list separator is not a comma) is refused
 * with how to save it instead.
 */
final class CsvTable {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** What starts a row of a table's settings or a RuleTable: the first cell of such a row, lower case. */
    private static final Set<String> KEYWORDS = Set.of("ruleset", "import", "variables", "notes", "functions",
            "queries", "declare");
    private static final String SAVE_AS = "Save it as comma-separated CSV in UTF-8 (in Excel: \"CSV UTF-8 (Comma "
            + "delimited)\").";

    private CsvTable() {
    }

    /**
     * The file's text, without its byte-order mark: refused when it is UTF-16, or when a byte is not UTF-8 (at that
     * byte's line and column).
     */
    static String text(byte[] bytes, String displayPath) {
        if (utf16(bytes)) {
            throw new InvalidRulesException(new Problem(displayPath, null, "the file is saved as UTF-16 (as Excel's "
                    + "\"Unicode Text\" is), which is not read as a CSV table", SAVE_AS));
        }
        boolean bom = bytes.length >= 3 && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3);
        return Utf8Text.decode(bytes, bom ? 3 : 0, displayPath, SAVE_AS, InvalidRulesException::new);
    }

    /** UTF-16 (or UTF-32): its byte-order mark, or the zero bytes that ASCII characters have in it. */
    private static boolean utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            return true;
        }
        int sample = Math.min(bytes.length, 512);
        int zeros = 0;
        for (int i = 0; i < sample; i++) {
            zeros += bytes[i] == 0 ? 1 : 0;
        }
        return sample > 0 && zeros * 4 >= sample;
    }

    /**
     * Refuses a file whose rows are separated by semicolons or tabs: a row with no comma before its first semicolon
     * (or tab), whose first field is a keyword (RuleSet, Import, RuleTable ...), while no row starts with a keyword
     * and a comma. Drools would read each such row as one cell and fail far below, at the column kinds.
     */
    static void refuseOtherSeparators(String text, String displayPath, CellNames names) {
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            if (keyword(line, ',') != null) {
                return;
            }
        }
        for (int row = 0; row < lines.size(); row++) {
            for (char separator : new char[] {';', '\t'}) {
                if (keyword(lines.get(row), separator) != null) {
                    throw new InvalidRulesException(new Problem(displayPath, names.of(row, 0), "the file seems to be "
                            + "separated by " + (separator == ';' ? "semicolons" : "tabs") + ", not commas", SAVE_AS));
                }
            }
        }
    }

    /** The keyword the line starts with, as a field followed by {@code separator}; null when it does not. */
    private static String keyword(String line, char separator) {
        int end = line.indexOf(separator);
        int comma = line.indexOf(',');
        if (end < 0 || separator != ',' && comma >= 0 && comma < end) {
            return null;
        }
        String first = line.substring(0, end).strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return KEYWORDS.contains(first) || first.startsWith("ruletable") ? first : null;
    }

    /** Hands the text's cells to the listeners, row by row, as Drools' CSV parser does. */
    static void parse(String text, List<? extends DataListener> listeners) {
        CsvLineParser lineParser = new CsvLineParser();
        listeners.forEach(l -> l.startSheet("csv"));
        int row = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            List<String> cells = lineParser.parse(line);
            for (DataListener listener : listeners) {
                listener.newRow(row, cells.size());
            }
            int mergedFrom = DataListener.NON_MERGED;
            for (int column = 0; column < cells.size(); column++) {
                String cell = cells.get(column);
                // "..." at a cell's end spans it over the cells after it, up to one without
                if (!cell.endsWith("...")) {
                    mergedFrom = DataListener.NON_MERGED;
                } else if (mergedFrom == DataListener.NON_MERGED) {
                    mergedFrom = column;
                }
                String value = mergedFrom == DataListener.NON_MERGED ? cell : cell.substring(0, cell.length() - 3);
                for (DataListener listener : listeners) {
                    listener.newCell(row, column, value, mergedFrom);
                }
            }
            row++;
        }
        listeners.forEach(DataListener::finishSheet);
    }
}
