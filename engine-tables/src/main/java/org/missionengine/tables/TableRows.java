package org.missionengine.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one portfolio table as text, as read from a file or a data frame: the header (the columns in the
 * file's order), one array of cells per row (null for an empty cell), and how to name each row in a message.
 *
 * @param table  the layout's table
 * @param source how messages name the table (a file such as {@code tables/projects.csv}, or the table's name)
 * @param header the columns in the order of the cells
 * @param rows   the cells of each row; a null cell is an empty one (not recorded)
 * @param labels how messages name each row ({@code row 3}), in the order of {@code rows}
 */
public record TableRows(TableLayout.Table table, String source, List<String> header, List<String[]> rows,
                        List<String> labels) {
    /**
     * Copies the header.
     *
     * @param table  the layout's table
     * @param source how messages name the table
     * @param header the columns in the order of the cells
     * @param rows   the cells of each row
     * @param labels how messages name each row, one per row
     * @throws IllegalArgumentException when there are not as many labels as rows
     */
    public TableRows {
        header = List.copyOf(header);
        if (labels.size() != rows.size()) {
            throw new IllegalArgumentException("one label per row: " + labels.size() + " labels, " + rows.size()
                    + " rows in " + source);
        }
    }

    /**
     * Rows numbered as a reader counts them: row 1 is the first under the header.
     *
     * @param table  the layout's table
     * @param source how messages name the table
     * @param header the columns in the order of the cells
     * @param rows   the cells of each row
     * @return the table, its rows labelled {@code row 1}, {@code row 2}, ...
     */
    public static TableRows numbered(TableLayout.Table table, String source, List<String> header, List<String[]> rows) {
        List<String> labels = new ArrayList<>(rows.size());
        for (int i = 1; i <= rows.size(); i++) {
            labels.add("row " + i);
        }
        return new TableRows(table, source, header, rows, labels);
    }

    /**
     * The position of a column in the header.
     *
     * @param column the column's name
     * @return its index in each row's cells, or -1 when the header lacks it
     */
    public int indexOf(String column) {
        return header.indexOf(column);
    }
}
