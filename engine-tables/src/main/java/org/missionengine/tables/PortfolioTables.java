package org.missionengine.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern SPILLOVER_PATH = Pattern.compile("spillovers\\[\\d+]");

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
     * Tells problems found after reading, while evaluating the portfolio read from {@code directory} (a parameter out
     * of its range or unknown, an engine limit set as a parameter, a spillover loop that amplifies), at the table row
     * they come from rather than at a JSON path of a file the user never wrote. Problems of another file, or at no
     * location, are kept as they are; so are all of them if the tables no longer read as they did.
     *
     * @param problems  the problems, located at JSON paths of the portfolio, in no file or in {@code directory}
     * @param directory the directory the portfolio was read from with {@link #readCsv}
     * @return the problems, each at its table, row and column where the tables tell it
     */
    public static List<Problem> locateInCsv(List<Problem> problems, Path directory) {
        Map<String, TableRows> tables;
        try {
            tables = CsvTables.read(directory);
        } catch (RuntimeException e) { // the files changed or no longer read: say it as evaluation found it
            return problems;
        }
        return locate(problems, tables, directory.toString());
    }

    /**
     * Tells problems found while evaluating the portfolio {@link #read read} from {@code tables} at the table row
     * they come from, as {@link #locateInCsv} does for CSV files.
     *
     * @param problems the problems, located at JSON paths of the portfolio, in no file or in {@code name}
     * @param tables   the tables the portfolio was read from
     * @param name     how the portfolio was named when read
     * @return the problems, each at its table, row and column where the tables tell it
     */
    public static List<Problem> locate(List<Problem> problems, Map<String, TableRows> tables, String name) {
        Map<String, TablesToTree.Origin> origins = TablesToTree.of(tables).origins();
        List<Problem> located = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            boolean ours = p.file() == null || p.file().equals(name);
            boolean fromARow = p.location() != null && !recordPath(p.location(), origins).isEmpty();
            located.add(ours && fromARow ? inRows(atRow(p, origins, false), origins) : p);
        }
        return located;
    }

    /** A message naming other spillovers by JSON path ("the link B -> A (spillovers[1])") names their rows instead. */
    private static Problem inRows(Problem problem, Map<String, TablesToTree.Origin> origins) {
        return new Problem(problem.file(), problem.location(), inRows(problem.message(), origins),
                problem.hint() == null ? null : inRows(problem.hint(), origins));
    }

    private static String inRows(String text, Map<String, TablesToTree.Origin> origins) {
        Matcher m = SPILLOVER_PATH.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            TablesToTree.Origin origin = origins.get(m.group());
            String row = origin == null ? m.group() : "spillovers " + origin.row();
            m.appendReplacement(sb, Matcher.quoteReplacement(row));
        }
        return m.appendTail(sb).toString();
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
            e.problems().forEach(p -> problems.add(atRow(p, result.origins(), true)));
            throw new InvalidPortfolioException(problems);
        }
    }

    /**
     * The longest start of a JSON path that is a record some table row holds ("spillovers[1]" of
     * "spillovers[1].kind"), or "" when none is.
     */
    private static String recordPath(String location, Map<String, TablesToTree.Origin> origins) {
        String candidate = location;
        while (!candidate.isEmpty() && !origins.containsKey(candidate)) {
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            candidate = cut < 0 ? "" : candidate.substring(0, cut);
        }
        return candidate;
    }

    /**
     * Tells a problem found at a JSON path at the row and column it came from; {@code valueOfParameter}: a problem at a
     * parameter is its value's (found reading it).
     */
    static Problem atRow(Problem problem, Map<String, TablesToTree.Origin> origins, boolean valueOfParameter) {
        String location = problem.location();
        if (location == null) {
            return problem;
        }
        String candidate = recordPath(location, origins);
        String remainder;
        TablesToTree.Origin origin;
        if (candidate.isEmpty()) {
            origin = origins.get("$");
            remainder = location.equals("$") ? "" : location;
        } else {
            origin = origins.get(candidate);
            remainder = location.substring(candidate.length()).replaceFirst("^\\.", "");
        }
        // a parameter's row is the parameter: a problem found reading it is its value's; one found evaluating may be
        // its name's (unknown, an engine limit) as well as its value's, and the message says which
        String columns = !origin.table().name().equals(TableLayout.PARAMETERS) ? origin.table().columnsOf(remainder)
                : valueOfParameter ? "column value" : null;
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
