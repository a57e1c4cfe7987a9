package org.missionengine.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.internal.AtomicFiles;
import org.missionengine.model.Portfolio;

/**
 * Reads and writes portfolio files ({@code "format": "mission-portfolio/1"}): JSON, or YAML when the name ends in
 * {@code .yaml}/{@code .yml}. Every mistake becomes an {@link InvalidPortfolioException} naming the file and the JSON
 * path, with a hint.
 */
public final class PortfolioFiles {
    /** The value of a portfolio file's {@code "format"} field: the only format this version reads and writes. */
    public static final String FORMAT = "mission-portfolio/1";

    private PortfolioFiles() {
    }

    /**
     * The largest portfolio file read, in bytes (system property {@code missionengine.portfolio.maxBytes}, default
     * 2 GB, about 3,000,000 projects): a bigger file is far more likely a broken export than a portfolio. Files are
     * read record by record, in memory for the records alone (less than the file's size).
     */
    public static final long MAX_BYTES = Long.getLong("missionengine.portfolio.maxBytes", 2048L * 1024 * 1024);
    /**
     * Threads that read one big JSON file (system property {@code missionengine.read.threads}, default the number of
     * processors, at most 8); 1 reads every file on the calling thread.
     */
    static final int READING_THREADS = Integer.getInteger("missionengine.read.threads",
            Math.min(8, Runtime.getRuntime().availableProcessors()));
    /** Read-ahead when streaming a file from the disk. */
    private static final int STREAM_BUFFER_BYTES = 1 << 16;

    /**
     * Reads a portfolio file: JSON, or YAML when the name ends in {@code .yaml}/{@code .yml}. A JSON file of 4 MB or
     * more is parsed on every processor (up to 8, see {@code missionengine.read.threads}) when it has no mistake; a
     * smaller one, or one with a mistake, is bound on the calling thread while a second one looks for keys repeated in
     * an object. Either way the same portfolio, or the same problems.
     *
     * @param file the portfolio file; a named pipe or a device such as {@code /dev/stdin} is read into memory first
     * @return the portfolio, checked: every id and reference in it is consistent
     * @throws InvalidPortfolioException naming the file, each problem's JSON path and what to do, when the file is
     *                                   missing, unreadable, larger than {@link #MAX_BYTES} or not a valid portfolio
     */
    public static Portfolio read(Path file) {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file) && Files.exists(file) && !Files.isDirectory(file)) {
                // a pipe or a device (`<(gunzip -c f.json.gz)`, /dev/stdin): it can be read once only, so it is read
                // into memory and parsed from there
                try (InputStream in = Files.newInputStream(file)) {
                    return read(in, name);
                }
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            if (!Json.isYaml(name) && ParallelPortfolioRead.worthIt(size, READING_THREADS)) {
                Portfolio portfolio = ParallelPortfolioRead.read(file, name, READING_THREADS);
                if (portfolio != null) {
                    return portfolio;
                }
                // a mistake somewhere: read again record by record, which says what and where
            }
            return PortfolioStream.read(() -> withoutByteOrderMark(new BufferedInputStream(Files.newInputStream(file),
                    STREAM_BUFFER_BYTES)), name, true);
        } catch (NoSuchFileException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "file not found",
                    "Check the path (relative paths start from " + Path.of("").toAbsolutePath() + ").")));
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "cannot read the file: "
                    + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()),
                    "Check that it is a readable portfolio file.")));
        } catch (OutOfMemoryError e) {
            throw outOfMemory(name);
        }
    }

    /**
     * Reads a portfolio from a stream, to its end; the stream is left open.
     *
     * @param in       the file's bytes
     * @param fileName the name to report problems under; its ending picks JSON or YAML
     * @return the portfolio, checked
     * @throws IOException               when the stream cannot be read
     * @throws InvalidPortfolioException naming {@code fileName}, each problem's JSON path and what to do, when the
     *                                   bytes are not a valid portfolio or more than {@link #MAX_BYTES}
     */
    public static Portfolio read(InputStream in, String fileName) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_BYTES + 1));
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(fileName, bytes.length);
        }
        return read(bytes, fileName);
    }

    /**
     * Parses a portfolio from bytes, on the calling thread alone ({@link #read(Path)} also uses a second one).
     *
     * @param bytes    the file's content (UTF-8, or UTF-16 with a byte-order mark)
     * @param fileName the name to report problems under; its ending picks JSON or YAML
     * @return the portfolio, checked
     * @throws InvalidPortfolioException naming {@code fileName}, each problem's JSON path and what to do
     */
    public static Portfolio read(byte[] bytes, String fileName) {
        try {
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(fileName, bytes.length);
            }
            byte[] content = withoutByteOrderMark(bytes);
            // on the calling thread alone: bytes in memory are most often one part of a bigger job (engine-spark's
            // slices) that already uses every core, where a second thread would only take CPU from the others
            return PortfolioStream.read(() -> new ByteArrayInputStream(content), fileName, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array always opens
        } catch (OutOfMemoryError e) {
            // the records read so far are garbage once we are here: reading can fail without harming the application
            throw outOfMemory(fileName);
        }
    }

    static Problem empty(String fileName) {
        return new Problem(fileName, null, "the file is empty",
                "Write a portfolio in it: docs/portfolio-format.md has a complete example.");
    }

    static Problem notAnObject(String fileName, String found) {
        return new Problem(fileName, null, "a portfolio file holds one object, found " + found,
                "Start from the example in docs/portfolio-format.md: {\"format\": \"" + FORMAT + "\", ...}.");
    }

    /** The problem with the {@code format} field's value (null when it is missing), or null when it is right. */
    static Problem formatProblem(JsonNode format, String fileName) {
        if (format != null && FORMAT.equals(format.asText())) {
            return null;
        }
        return new Problem(fileName, "format",
                format == null ? "the \"format\" field is missing" : "unsupported format " + format,
                "Put \"format\": \"" + FORMAT + "\" at the top of the file.");
    }

    static Problem unreadable(String fileName, IOException e) {
        return new Problem(fileName, null, "cannot read the file: " + e.getMessage(), "Save it as UTF-8 text.");
    }

    /**
     * Refuses YAML aliases ({@code *name}). Jackson does not expand them: it reads an alias as the anchor's name, so
     * {@code owner: *ministry} would silently become the text "ministry"; and an "anchors bomb" is refused without
     * ever being expanded.
     */
    static void refuseYamlAliases(JsonParser yamlParser, String fileName) throws IOException {
        try (JsonParser parser = yamlParser) {
            String first = null;
            String where = null;
            int count = 0;
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    if (first == null) {
                        first = parser.getText();
                        where = parser.currentTokenLocation().getLineNr() + ":"
                                + parser.currentTokenLocation().getColumnNr();
                    }
                    count++;
                }
            }
            if (first != null) {
                throw new InvalidPortfolioException(List.of(new Problem(fileName, where, "the file uses YAML "
                        + "aliases (*" + first + (count > 1 ? " and " + (count - 1) + " more" : "") + "), which the "
                        + "reader does not expand", "Write each value out in full instead of referring to an anchor "
                        + "(&name ... *name).")));
            }
        }
    }

    static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static InvalidPortfolioException tooLarge(String fileName, long size) {
        return new InvalidPortfolioException(List.of(new Problem(fileName, null, String.format(Locale.ROOT,
                "the file is %,.1f MB, more than the %,.0f MB a portfolio file may have", size / 1048576.0,
                MAX_BYTES / 1048576.0), "Split the portfolio into several files, or raise the limit with "
                + "-Dmissionengine.portfolio.maxBytes=BYTES (a large file is read record by record, in less memory than "
                + "its size).")));
    }

    private static InvalidPortfolioException outOfMemory(String fileName) {
        return new InvalidPortfolioException(List.of(new Problem(fileName, null, String.format(Locale.ROOT,
                "the file is too large to read in the memory available (%,d MB)",
                Runtime.getRuntime().maxMemory() / 1048576), "Give Java more memory (-Xmx), or split the portfolio "
                + "into several files.")));
    }

    /**
     * Writes a portfolio as JSON (or YAML for .yaml/.yml), atomically: a reader sees the old file or the new one,
     * never a part.
     *
     * @param portfolio the portfolio to write
     * @param file      the file to write; its ending picks JSON or YAML
     * @throws java.io.UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Portfolio portfolio, Path file) {
        AtomicFiles.write(file, out -> out.write(toString(portfolio, file.toString()).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The portfolio as the text of a file, with its {@code "format"} field: what {@link #write} writes.
     *
     * @param portfolio the portfolio
     * @param fileName  a file name whose ending picks JSON or YAML
     * @return the file's text
     */
    public static String toString(Portfolio portfolio, String fileName) {
        ObjectMapper mapper = Json.forFile(fileName);
        ObjectNode node = mapper.createObjectNode();
        node.put("format", FORMAT);
        node.setAll((ObjectNode) mapper.valueToTree(portfolio));
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the portfolio: " + e.getMessage(), e);
        }
    }

    /**
     * The portfolio as a JSON file on one line (UTF-8), with its {@code "format"} field first: the same portfolio as
     * {@link #toString}, for a portfolio that goes from one program to another rather than to a person (about a third
     * smaller, and written and read faster).
     *
     * @param portfolio the portfolio
     * @return the file's bytes
     */
    public static byte[] toCompactJson(Portfolio portfolio) {
        byte[] fields;
        try {
            fields = Json.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(portfolio);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the portfolio: " + e.getMessage(), e);
        }
        // {"asOf":...} becomes {"format":"mission-portfolio/1","asOf":...}, without a tree of the portfolio
        byte[] format = ("{\"format\":\"" + FORMAT + "\"" + (fields.length > 2 ? "," : ""))
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(format, format.length + fields.length - 1);
        System.arraycopy(fields, 1, file, format.length, fields.length - 1);
        return file;
    }

    static byte[] withoutByteOrderMark(byte[] bytes) {
        return startsWithByteOrderMark(bytes) ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    private static InputStream withoutByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!startsWithByteOrderMark(in.readNBytes(3))) {
            in.reset();
        }
        return in;
    }

    /** The UTF-8 byte-order mark, which editors on Windows write at the start of a file. */
    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}
