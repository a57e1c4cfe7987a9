package org.missionengine.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
     * Reads an OECD symmetric input-output table (CSV with a header row of industry codes).
     *
     * @param file the CSV file
     * @return the table's technical coefficients
     * @throws org.missionengine.UserErrorException if the file cannot be read or is not such a table
     */
    public static InputOutputTable read(Path file) {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, name);
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
        List<Integer> industryColumns = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            // industry codes are D + two digits (D01, D10T12, D24A, D97T98); DPABR (direct purchases abroad by
            // residents) is a final-demand column, not an industry
            if (header[c].strip().matches("D\\d{2}\\w*")) {
                industryColumns.add(c);
            }
        }
        if (industryColumns.isEmpty()) {
            throw problem(name, "1", "no industry columns (D01, D02, ...) in the header",
                    "Use the OECD layout: industry columns named D01 ... D97T98.");
        }
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            rowOf.put(rows.get(r)[0], r);
        }
        Integer outputRow = rowOf.get("OUTPUT");
        if (outputRow == null) {
            throw problem(name, null, "the OUTPUT row is missing",
                    "The table needs a row labelled OUTPUT with each industry's total output x_j.");
        }
        List<String> codes = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<Integer> inputRows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int c : industryColumns) {
            String code = header[c];
            Integer r = rowOf.get("TTL_" + code.substring(1));
            if (r == null) {
                problems.add(new Problem(name, null, "no row TTL_" + code.substring(1) + " for industry column " + code,
                        "Each industry column needs its intermediate-use row."));
                continue;
            }
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
                a[i][j] = z / number(rows, outputRow, columns.get(j), name, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems.stream().distinct().toList());
        }
        return new InputOutputTable(codes, a);
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
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(name, String.valueOf(r + 1), "not a number in column " + (c + 1) + ": \"" + text + "\"",
                "Input-output cells are plain numbers."));
        return Double.NaN;
    }

    private static InvalidPortfolioException problem(String name, String where, String message, String hint) {
        return new InvalidPortfolioException(List.of(new Problem(name, where, message, hint)));
    }
}
