package org.missionengine.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;

/**
 * Reads observations from CSV: a header with the columns {@code metric, mission, date, value, source} (mission and
 * source may be empty), one observation per row. Every bad row is reported with its line number.
 */
public final class ObservationFiles {
    static final List<String> COLUMNS = List.of("metric", "mission", "date", "value", "source");
    private static final CsvMapper CSV = new CsvMapper();

    private ObservationFiles() {
    }

    /**
     * Reads a CSV file and checks its metrics and missions against the portfolio.
     *
     * @param file      the CSV file
     * @param portfolio the portfolio whose metric and mission ids the rows must name
     * @return the observations, in the file's order; add them with {@link Portfolio#withObservations}
     * @throws InvalidPortfolioException naming the file and each bad row's line, when the file is missing or
     *                                   unreadable, lacks a column, or a row has a bad value or an unknown id
     */
    public static List<Observation> read(Path file, Portfolio portfolio) {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, name, portfolio.metricsById().keySet(),
                    portfolio.missions().stream().map(m -> m.id()).collect(java.util.stream.Collectors.toSet()));
        } catch (NoSuchFileException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "file not found", "Check the path.")));
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "cannot read: " + e.getMessage(), null)));
        }
    }

    static List<Observation> read(Reader reader, String name, Set<String> metrics, Set<String> missions) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Observation> observations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                .with(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(reader)) {
            CsvSchema header = (CsvSchema) rows.getParserSchema();
            List<String> missing = COLUMNS.stream().filter(c -> header.column(c) == null).toList();
            if (!missing.isEmpty()) {
                throw new InvalidPortfolioException(List.of(new Problem(name, "1", "the header lacks the column(s) "
                        + missing, "The first line must name the columns: metric,mission,date,value,source")));
            }
            while (true) {
                Map<String, String> row;
                // the line a row starts on, from the parser: blank lines are skipped and a quoted field may span lines
                int line = rows.getParser().currentLocation().getLineNr();
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    line = rows.getParser().currentLocation().getLineNr();
                    row = rows.nextValue();
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(name, String.valueOf(line), "unreadable row: " + e.getMessage(),
                            "Check the quoting and the number of columns."));
                    break;
                }
                Observation o = observation(row, name, line, metrics, missions, problems);
                if (o != null) {
                    observations.add(o);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems);
        }
        return observations;
    }

    private static Observation observation(Map<String, String> row, String name, int line, Set<String> metrics,
                                           Set<String> missions, List<Problem> problems) {
        String where = String.valueOf(line);
        String metric = blankToNull(row.get("metric"));
        String mission = blankToNull(row.get("mission"));
        int before = problems.size();
        if (metric == null) {
            problems.add(new Problem(name, where, "the metric is empty", "Name a metric of the portfolio."));
        } else if (!metrics.contains(metric)) {
            problems.add(new Problem(name, where, "unknown metric \"" + metric + "\"", ClosestName.hint(metric, metrics)));
        }
        if (mission != null && !missions.contains(mission)) {
            problems.add(new Problem(name, where, "unknown mission \"" + mission + "\"", ClosestName.hint(mission, missions)));
        }
        LocalDate date = null;
        if (blankToNull(row.get("date")) == null) {
            problems.add(new Problem(name, where, "the date is empty", "Write dates as ISO-8601: 2030-12-31."));
        } else {
            try {
                date = LocalDate.parse(row.get("date").strip());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(name, where, "not a date: \"" + row.get("date") + "\"",
                        "Write dates as ISO-8601: 2030-12-31."));
            }
        }
        double value = Double.NaN;
        try {
            value = Double.parseDouble(String.valueOf(row.get("value")).strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (blankToNull(row.get("value")) == null) {
            problems.add(new Problem(name, where, "the value is empty",
                    "Write the value as a plain number with a decimal point: 1234.5"));
        } else if (Double.isNaN(value) || Double.isInfinite(value)) {
            problems.add(new Problem(name, where, "not a finite number: \"" + row.get("value") + "\"",
                    "Write the value as a plain number with a decimal point: 1234.5"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Observation(metric, mission, date, value, blankToNull(row.get("source")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
