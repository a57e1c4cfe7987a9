package org.missionengine.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.missionengine.internal.AtomicFiles;

/**
 * Writes evaluation reports in one format. The built-in formats are {@code json} ({@code mission-report/1}),
 * {@code text}, {@code markdown} and {@code html} (one self-contained page with charts); {@link ReportWriters} finds a
 * writer by its format's name.
 *
 * <p>To add a format, implement this interface in a public class with a public no-argument constructor and name the
 * class in {@code META-INF/services/org.missionengine.reports.ReportWriter}: {@link ReportWriters} then finds it
 * through {@link java.util.ServiceLoader}. (The {@code mission-eval} tool offers the built-in formats only.)
 *
 * <p>Implementations are stateless and thread-safe: one writer may write many reports at once.
 */
public interface ReportWriter {
    /**
     * The format's name, lower case, as {@code ReportWriters.forFormat} and {@code mission-eval --format} take it.
     *
     * @return the name, such as {@code "html"}
     */
    String format();

    /**
     * The extension a file in this format usually has, without the dot.
     *
     * @return the extension, such as {@code "html"} or {@code "md"}
     */
    String fileExtension();

    /**
     * Writes the reports of one or more portfolios, in their order, as one document in UTF-8. Each format decides
     * how several reports make one document (text and Markdown: one after the other; JSON: an array of
     * {@code mission-report/1} documents, each with a {@code "file"} field; HTML: one page).
     *
     * @param reports the reports, at least one
     * @param out     where the document goes; it is flushed, not closed
     * @throws IOException              if {@code out} cannot be written
     * @throws IllegalArgumentException if {@code reports} is empty
     */
    void write(List<ReportSource> reports, OutputStream out) throws IOException;

    /**
     * The reports as one document in a string.
     *
     * @param reports the reports, at least one
     * @return the document
     * @throws IllegalArgumentException if {@code reports} is empty
     */
    default String render(List<ReportSource> reports) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            write(reports, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the report as " + format() + ": " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * One report as a document in a string.
     *
     * @param report the report
     * @return the document
     */
    default String render(ReportSource report) {
        return render(List.of(report));
    }

    /**
     * Writes the reports to a file atomically: readers of {@code file} see its old content or the whole report,
     * never part of it (the document is written beside it and moved into place). Missing directories are created.
     *
     * @param reports the reports, at least one
     * @param file    the file to write or replace
     * @throws UncheckedIOException     if the file cannot be written; {@code file} is then as it was
     * @throws IllegalArgumentException if {@code reports} is empty
     */
    default void write(List<ReportSource> reports, Path file) {
        AtomicFiles.write(file, out -> write(reports, out));
    }

    /**
     * Writes one report to a file atomically, as {@link #write(List, Path)} does.
     *
     * @param report the report
     * @param file   the file to write or replace
     * @throws UncheckedIOException if the file cannot be written; {@code file} is then as it was
     */
    default void write(ReportSource report, Path file) {
        write(List.of(report), file);
    }
}
