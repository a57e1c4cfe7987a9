package org.missionengine.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;

/**
 * Converts a portfolio to the portfolio tables and back (docs/portfolio-tables.md). A portfolio read from tables is
 * checked as a portfolio file is, and every problem is told at the table, row and column it comes from.
 */
public final class PortfolioTables {
    private static final ObjectMapper TREES = new ObjectMapper();

    private PortfolioTables() {
    }

    /**
     * Writes the portfolio as CSV tables into {@code directory} (created if needed), one file per table.
     *
     * @param portfolio the portfolio
     * @param directory where the {@code TABLE.csv} files go
     */
    public static void writeCsv(Portfolio portfolio, Path directory) {
        CsvTables.write(rows(portfolio), directory);
    }

    /**
     * Reads the CSV tables in {@code directory}; a table without a file has no rows.
     *
     * @param directory where the {@code TABLE.csv} files are
     * @return the portfolio, checked as a portfolio file is
     * @throws InvalidPortfolioException naming the file, row and column of each problem
     */
    public static Portfolio readCsv(Path directory) {
        return read(CsvTables.read(directory), directory.toString());
    }

    /**
     * The rows of each table (cells in {@link TableLayout.Table#allColumns()} order), by table name: what the CSV
     * files hold, and what the Spark evaluator turns into data frames.
     *
     * @param portfolio the portfolio
     * @return each table's rows, by table name; a cell of a field not recorded is null
     */
    public static Map<String, List<String[]>> rows(Portfolio portfolio) {
        return TreeToTables.of(portfolio);
    }

    /**
     * Builds the portfolio from its tables (by table name; a table left out has no rows).
     *
     * @param tables the tables' rows, by table name
     * @param name   how messages name the portfolio when a problem is not tied to a row
     * @return the portfolio, checked as a portfolio file is
     * @throws InvalidPortfolioException naming the table, row and column of each problem
     */
    public static Portfolio read(Map<String, TableRows> tables, String name) {
        TablesToTree.Result result = TablesToTree.of(tables);
        if (!result.problems().isEmpty()) {
            throw new InvalidPortfolioException(result.problems());
        }
        byte[] json;
        try {
            json = TREES.writeValueAsBytes(result.tree());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the portfolio's tree: " + e.getMessage(), e);
        }
        try {
            return PortfolioFiles.read(json, name + ".json");
        } catch (InvalidPortfolioException e) {
            List<Problem> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add(atRow(p, result.origins())));
            throw new InvalidPortfolioException(problems);
        }
    }

    /** Tells a problem found at a JSON path at the row and column it came from. */
    static Problem atRow(Problem problem, Map<String, TablesToTree.Origin> origins) {
        String location = problem.location();
        if (location == null) {
            return problem;
        }
        String candidate = location;
        while (!candidate.isEmpty() && !origins.containsKey(candidate)) {
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            candidate = cut < 0 ? "" : candidate.substring(0, cut);
        }
        String remainder;
        TablesToTree.Origin origin;
        if (candidate.isEmpty()) {
            origin = origins.get("$");
            remainder = location.equals("$") ? "" : location;
        } else {
            origin = origins.get(candidate);
            remainder = location.substring(candidate.length()).replaceFirst("^\\.", "");
        }
        String columns = origin.table().name().equals(TableLayout.PARAMETERS) ? "column value"
                : origin.table().columnsOf(remainder);
        return new Problem(origin.source(), origin.row() + (columns == null ? "" : ", " + columns), problem.message(),
                problem.hint());
    }

    /**
     * What is wrong with a table's columns (one missing, unknown or given twice), each at its "header".
     *
     * @param table  the layout's table
     * @param source how messages name the table, such as its file
     * @param header the columns as the file or frame gives them
     * @return the problems; empty when the header is right
     */
    public static List<Problem> headerProblems(TableLayout.Table table, String source, List<String> header) {
        return TablesToTree.headerProblems(table, source, header);
    }

    /**
     * The tables as read from files or frames, keyed by name, for {@link #read}.
     *
     * @param tables the tables
     * @return the same tables by name, in the given order
     */
    public static Map<String, TableRows> byName(List<TableRows> tables) {
        Map<String, TableRows> map = new LinkedHashMap<>();
        tables.forEach(t -> map.put(t.table().name(), t));
        return map;
    }
}
