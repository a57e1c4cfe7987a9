package org.missionengine.tables;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.csv.QuoteMode;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.internal.AtomicFiles;
import org.missionengine.internal.ClosestName;

/**
 * The portfolio tables as CSV files with a header, one per table ({@code missions.csv}). An empty unquoted cell is an
 * empty (null) cell; a text that is really empty is written quoted ({@code ""}), so the two stay apart. Every value
 * is written quoted for that reason; a hand-written file may quote only where CSV needs it.
 */
final class CsvTables {
    static final String EXTENSION = ".csv";

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator("\n").get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL).setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setIgnoreEmptyLines(true).get();

    private CsvTables() {
    }

    static void write(Map<String, List<String[]>> rows, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(directory.toString(), null,
                    "cannot create the directory: " + e.getMessage(), "Choose a directory you can write to.")));
        }
        for (TableLayout.Table table : TableLayout.tables()) {
            String[] header = table.allColumns().stream().map(TableLayout.Column::name).toArray(String[]::new);
            AtomicFiles.write(directory.resolve(table.name() + EXTENSION), out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, WRITE);
                // the header is never null: printed as names, unquoted where CSV allows
                writer.write(String.join(",", header));
                writer.write('\n');
                for (String[] cells : rows.get(table.name())) {
                    printer.printRecord((Object[]) cells);
                }
                printer.flush();
            });
        }
    }

    static Map<String, TableRows> read(Path directory) {
        String dir = directory.toString();
        if (!Files.isDirectory(directory)) {
            throw new InvalidPortfolioException(List.of(new Problem(dir, null, Files.exists(directory)
                    ? "not a directory" : "directory not found", "Give the directory holding the portfolio tables "
                    + "(missions.csv, projects.csv, ...), as written by mission-eval export --tables.")));
        }
        List<Problem> problems = new ArrayList<>();
        List<String> names = TableLayout.tables().stream().map(TableLayout.Table::name).toList();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(EXTENSION)).sorted().forEach(n -> {
                String table = n.substring(0, n.length() - EXTENSION.length());
                if (!names.contains(table)) {
                    problems.add(new Problem(directory.resolve(n).toString(), null, "not a portfolio table",
                            ClosestName.hint(table, names) + " The tables are " + String.join(", ", names) + "."));
                }
            });
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(dir, null, "cannot list the directory: "
                    + e.getMessage(), "Check that it is readable.")));
        }
        Map<String, TableRows> tables = new LinkedHashMap<>();
        for (TableLayout.Table table : TableLayout.tables()) {
            Path file = directory.resolve(table.name() + EXTENSION);
            if (Files.isRegularFile(file)) {
                try {
                    tables.put(table.name(), read(table, file));
                } catch (InvalidPortfolioException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (tables.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(dir, null, "no portfolio table in the directory", "Write the tables as "
                    + "mission-eval export --tables DIR FILE does: missions.csv, projects.csv, ..."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems);
        }
        return tables;
    }

    static TableRows read(TableLayout.Table table, Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "cannot read the file: "
                    + e.getMessage(), "Save it as UTF-8 text.")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.builder().setReader(reader)
                .setFormat(READ).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new InvalidPortfolioException(List.of(new Problem(name, "header", "the file has no header",
                        "Start it with the column names: " + String.join(",", table.allColumns().stream()
                                .map(TableLayout.Column::name).toList()) + ".")));
            }
            List<String[]> rows = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    problems.add(new Problem(name, "row " + (rows.size() + 1), "the row has " + record.size()
                            + " cells, the header " + header.size(), "Give every row one cell per column (empty "
                            + "cells are fine); quote a cell that holds a comma."));
                }
                String[] cells = new String[header.size()];
                for (int i = 0; i < cells.length && i < record.size(); i++) {
                    cells[i] = record.get(i);
                }
                rows.add(cells);
            }
            if (!problems.isEmpty()) {
                throw new InvalidPortfolioException(problems);
            }
            return TableRows.numbered(table, name, header, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "not a readable CSV file: "
                    + e.getMessage(), "Write one header line and one line per row, cells separated by commas.")));
        }
    }
}
