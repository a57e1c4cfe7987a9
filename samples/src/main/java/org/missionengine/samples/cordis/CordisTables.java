package org.missionengine.samples.cordis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;

/**
 * The four tables of a CORDIS Horizon Europe extract, as files in one directory: projects and organisations
 * (pipe-separated, {@code he_projects_*.psv}, {@code he_orgs_*.psv}), topics and EuroSciVoc disciplines
 * (comma-separated, {@code he_topics_*.csv}, {@code he_euroSciVoc_*.csv}). Finds the files, opens them with
 * commons-csv and turns every data mistake into a {@link UserErrorException} naming the file and the line.
 */
enum CordisTables {
    PROJECTS("he_projects_", ".psv", '|', "id", "acronym", "title", "startDate", "endDate", "totalCost", "topics",
            "fundingScheme"),
    ORGANISATIONS("he_orgs_", ".psv", '|', "projectID", "name", "SME", "activityType", "country", "contactForm", "order",
            "role", "ecContribution"),
    TOPICS("he_topics_", ".csv", ',', "projectID", "topic", "title"),
    DISCIPLINES("he_euroSciVoc_", ".csv", ',', "projectID", "euroSciVocPath");

    private final String prefix;
    private final String suffix;
    private final char delimiter;
    private final List<String> required;

    CordisTables(String prefix, String suffix, char delimiter, String... required) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.delimiter = delimiter;
        this.required = List.of(required);
    }

    String pattern() {
        return prefix + "*" + suffix;
    }

    /** The columns the importer reads. */
    List<String> required() {
        return required;
    }

    /** The format of the file: its delimiter, the header in the first line, minimal quoting when written. */
    CSVFormat format() {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setQuoteMode(QuoteMode.MINIMAL)
                .setRecordSeparator('\n')
                .get();
    }

    /** The one file of this table in {@code dir}. */
    Path find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserErrorException(new Problem(dir.toString(), null, "not a directory",
                    "Give the directory that holds the CORDIS extract (he_projects_*.psv, he_orgs_*.psv, "
                            + "he_topics_*.csv, he_euroSciVoc_*.csv), such as samples/data/cordis."));
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, pattern())) {
            files.forEach(found::add);
        } catch (IOException e) {
            throw new UserErrorException(new Problem(dir.toString(), null, "cannot list the directory: " + e.getMessage(),
                    "Check that it is readable."));
        }
        if (found.size() != 1) {
            throw new UserErrorException(new Problem(dir.toString(), null,
                    (found.isEmpty() ? "no file " : found.size() + " files ") + "matching " + pattern()
                            + (found.isEmpty() ? "" : " " + found.stream().map(p -> p.getFileName().toString()).sorted().toList()),
                    "The directory must hold exactly one file of each table: he_projects_*.psv, he_orgs_*.psv, "
                            + "he_topics_*.csv and he_euroSciVoc_*.csv."));
        }
        return found.get(0);
    }

    /** Reads every record of {@code file}, checking that the columns the importer needs are there. */
    void read(Path file, Consumer<Row> action) {
        read(file, names -> { }, action);
    }

    /** Same, and hands the header's column names to {@code onHeader} first. */
    void read(Path file, Consumer<List<String>> onHeader, Consumer<Row> action) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = open(file, reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = required.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new UserErrorException(new Problem(file.toString(), "1", "missing column(s) " + missing
                        + " (the header has " + parser.getHeaderNames() + ")",
                        "Use the CORDIS Horizon Europe extract's own files, whose first line names the columns."));
            }
            onHeader.accept(parser.getHeaderNames());
            Iterator<CSVRecord> records = parser.iterator();
            while (next(file, parser, records)) {
                CSVRecord record = records.next();
                if (!record.isConsistent()) {
                    throw new UserErrorException(new Problem(file.toString(), Long.toString(parser.getCurrentLineNumber()),
                            "record " + record.getRecordNumber() + " has " + record.size() + " fields, the header "
                                    + header.size(),
                            "Check the delimiter and quoting of that line (a '" + delimiter + "' or an unclosed "
                                    + "quote inside a value)."));
                }
                action.accept(new Row(file, parser.getCurrentLineNumber(), record));
            }
        } catch (IOException e) {
            throw new UserErrorException(new Problem(file.toString(), null, "cannot read the file: " + e.getMessage(),
                    "Check that it is a readable, UTF-8 text file of the CORDIS extract."));
        }
    }

    private CSVParser open(Path file, Reader reader) throws IOException {
        try {
            return format().parse(reader);
        } catch (IllegalArgumentException e) {
            throw new UserErrorException(new Problem(file.toString(), "1", "bad header: " + e.getMessage(),
                    "Use the CORDIS Horizon Europe extract's own files, whose first line names each column once."));
        }
    }

    /** {@code hasNext()}, with a malformed record (such as an unclosed quote) reported at its line. */
    private boolean next(Path file, CSVParser parser, Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UserErrorException(new Problem(file.toString(), Long.toString(parser.getCurrentLineNumber()),
                    "cannot parse the record after line " + parser.getCurrentLineNumber() + ": "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                    "Check the quoting: a value with a '" + delimiter + "', a quote or a line break must be in double "
                            + "quotes, with inner quotes doubled."));
        }
    }

    /** One record with where it came from, so that a bad value can be reported at its line. */
    record Row(Path file, long line, CSVRecord record) {

        String get(String column) {
            return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
        }

        UserErrorException error(String message, String hint) {
            return new UserErrorException(new Problem(file.toString(), Long.toString(line), message, hint));
        }
    }
}
