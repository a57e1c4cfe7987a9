package org.missionengine.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.internal.Utf8Text;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;

/**
 * A symmetric input-output table in the OECD layout: industry columns {@code D01 … D97T98} (then final demand), rows
 * {@code TTL_01 …} of intermediate use, and an {@code OUTPUT} row. Its technical coefficients a_ij = z_ij / x_j (input
 * from industry i per unit of output of j) become DEMAND spillovers from j to i: value created in j demands inputs
 * from i. Industries with zero output are skipped. Sectors are named by their column code ({@code D35}) unless a
 * name map says otherwise.
 *
 * @param sectors      industry codes, in table order (zero-output industries removed)
 * @param coefficients a[i][j], same order as {@code sectors}
 */
public record InputOutputTable(List<String> sectors, double[][] coefficients) {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /**
     * Copies {@code sectors}.
     *
     * @param sectors      industry codes, in table order (zero-output industries removed)
     * @param coefficients a[i][j], same order as {@code sectors}
     */
    public InputOutputTable {
        sectors = List.copyOf(sectors);
    }

    /**
     * Reads an OECD symmetric input-output table (CSV with a header row of industry codes). Refuses, each at its line
     * (and column), a cell that is not a number, an industry column, an industry's row or the OUTPUT row that appears
     * twice, and a coefficient outside 0..1 (a negative cell, or one larger than its column's output); and a file that
     * is not UTF-8, at its first byte that is not.
     *
     * @param file the CSV file
     * @return the table's technical coefficients, each between 0 and 1
     * @throws org.missionengine.UserErrorException if the file cannot be read or is not such a table
     */
    public static InputOutputTable read(Path file) {
        String name = file.toString();
        try {
            String text = Utf8Text.decode(Files.readAllBytes(file), 0, name, "Save it as UTF-8 (in Excel: \"CSV "
                    + "UTF-8 (Comma delimited)\"; in an editor, under \"Save as\" or \"Encoding\").",
                    p -> new InvalidPortfolioException(List.of(p)));
            return read(new StringReader(text), name);
        } catch (NoSuchFileException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "file not found", "Check the path.")));
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "cannot read: " + e.getMessage(), null)));
        }
    }

    static InputOutputTable read(Reader reader, String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(reader)) {
            it.forEachRemaining(rows::add);
        }
        if (rows.isEmpty()) {
            throw problem(name, "1", "the table is empty", "Export the OECD symmetric table as CSV with its header row.");
        }
        String[] header = rows.get(0);
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) {
            // industry codes are D + two digits (D01, D10T12, D24A, D97T98); DPABR (direct purchases abroad by
            // residents) is a final-demand column, not an industry
            String code = header[c].strip();
            if (code.matches("D\\d{2}\\w*")) {
                Integer first = columnOf.putIfAbsent(code, c);
                if (first != null) {
                    problems.add(new Problem(name, "1:" + (c + 1), "industry column " + code + " appears twice, as "
                            + "columns " + (first + 1) + " and " + (c + 1) + " of the header",
                            "Each industry has one column: remove the repeated one, or correct its code."));
                }
            }
        }
        if (columnOf.isEmpty()) {
            throw problem(name, "1", "no industry columns (D01, D02, ...) in the header",
                    "Use the OECD layout: industry columns named D01 ... D97T98.");
        }
        // each label's first row; a label the import reads (OUTPUT, an industry's TTL_ row) must not repeat
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        Map<String, Integer> repeatedAt = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            String label = rows.get(r).length == 0 ? "" : rows.get(r)[0].strip();
            if (rowOf.putIfAbsent(label, r) != null) {
                repeatedAt.putIfAbsent(label, r);
            }
        }
        Integer outputRow = rowOf.get("OUTPUT");
        if (outputRow == null) {
            problems.add(new Problem(name, null, "the OUTPUT row is missing",
                    "The table needs a row labelled OUTPUT with each industry's total output x_j."));
            throw new InvalidPortfolioException(problems);
        }
        repeated(name, "OUTPUT", rowOf, repeatedAt, "The table has one OUTPUT row, with each industry's total "
                + "output x_j: remove the repeated one.", problems);
        List<String> codes = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<Integer> inputRows = new ArrayList<>();
        for (Map.Entry<String, Integer> column : columnOf.entrySet()) {
            String code = column.getKey();
            int c = column.getValue();
            String label = "TTL_" + code.substring(1);
            Integer r = rowOf.get(label);
            if (r == null) {
                problems.add(new Problem(name, null, "no row " + label + " for industry column " + code,
                        "Each industry column needs its intermediate-use row."));
                continue;
            }
            repeated(name, label, rowOf, repeatedAt, "Each industry has one intermediate-use row: remove the "
                    + "repeated one, or correct its code.", problems);
            double output = number(rows, outputRow, c, name, problems);
            if (output > 0) {
                codes.add(code);
                columns.add(c);
                inputRows.add(r);
            }
        }
        int n = codes.size();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double z = number(rows, inputRows.get(i), columns.get(j), name, problems);
                double x = number(rows, outputRow, columns.get(j), name, problems);
                a[i][j] = z / x;
                if (!Double.isNaN(z) && !(a[i][j] >= 0 && a[i][j] <= 1)) {
                    problems.add(outOfRange(name, rows, inputRows.get(i), outputRow, columns.get(j), codes.get(j), z,
                            x));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems.stream().distinct().toList());
        }
        return new InputOutputTable(codes, a);
    }

    /** The problem of a row label the import reads that labels a later row too (reported once, at that row). */
    private static void repeated(String name, String label, Map<String, Integer> rowOf, Map<String, Integer> repeatedAt,
                                 String hint, List<Problem> problems) {
        Integer again = repeatedAt.get(label);
        if (again != null) {
            problems.add(new Problem(name, String.valueOf(again + 1), "row " + label + " appears twice, on lines "
                    + (rowOf.get(label) + 1) + " and " + (again + 1), hint));
        }
    }

    /**
     * A technical coefficient outside 0..1, located at its cell (line:column) and named by its row and column codes,
     * with the two numbers it comes from as the file writes them.
     */
    private static Problem outOfRange(String name, List<String[]> rows, int r, int outputRow, int c, String code,
                                      double z, double x) {
        String row = rows.get(r)[0].strip();
        BigDecimal exact = BigDecimal.valueOf(z).divide(BigDecimal.valueOf(x), new MathContext(4));
        BigDecimal size = exact.abs();
        String value = size.compareTo(new BigDecimal("1e6")) < 0 && size.compareTo(new BigDecimal("1e-6")) >= 0
                ? exact.stripTrailingZeros().toPlainString() : exact.stripTrailingZeros().toString();
        return new Problem(name, (r + 1) + ":" + (c + 1), "row " + row + ", column " + code + ": the input-output "
                + "coefficient a = z / x = " + rows.get(r)[c].strip() + " / " + rows.get(outputRow)[c].strip()
                + " (this cell over the OUTPUT of " + code + ", line " + (outputRow + 1) + ") is " + value
                + (z < 0 ? ", below 0: an industry cannot buy a negative input"
                        : ", above 1: an industry cannot buy more from one industry than its whole output"),
                "Correct the cell or " + code + "'s OUTPUT: a_ij = z_ij / x_j is the share of industry j's output "
                        + "spent on inputs from industry i, between 0 and 1 (the coefficients of a column add up to "
                        + "less than 1)." + (z < 0 ? "" : " Coefficients above 1 usually mean that the cells and the "
                        + "OUTPUT row are in different units."));
    }

    /**
     * The table as DEMAND spillovers from each industry j to each industry i with intensity a_ij (zero coefficients
     * left out).
     *
     * @param names the portfolio's sector names by industry code; codes not in it keep their code
     * @return the spillovers
     */
    public List<Spillover> asSpillovers(Map<String, String> names) {
        List<Spillover> spillovers = new ArrayList<>();
        for (int j = 0; j < sectors.size(); j++) {
            for (int i = 0; i < sectors.size(); i++) {
                if (coefficients[i][j] > 0) {
                    spillovers.add(new Spillover(null, names.getOrDefault(sectors.get(j), sectors.get(j)),
                            names.getOrDefault(sectors.get(i), sectors.get(i)), SpilloverKind.DEMAND, coefficients[i][j],
                            null, EvidenceLevel.OBSERVED));
                }
            }
        }
        return spillovers;
    }

    private static double number(List<String[]> rows, int r, int c, String name, List<Problem> problems) {
        String[] row = rows.get(r);
        String text = c < row.length ? row[c] : "";
        String what = "not a number";
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return v;
            }
            what = Double.isNaN(v) ? what : "a number too large to compute with";
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(name, String.valueOf(r + 1), what + " in column " + (c + 1) + ": \"" + text + "\"",
                "Input-output cells are plain numbers."));
        return Double.NaN;
    }

    private static InvalidPortfolioException problem(String name, String where, String message, String hint) {
        return new InvalidPortfolioException(List.of(new Problem(name, where, message, hint)));
    }
}
