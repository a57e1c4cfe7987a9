package org.missionengine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    public static final String FORMAT = "mission-portfolio/1";

    private PortfolioFiles() {
    }

    /**
     * The largest portfolio file read, in bytes (system property {@code missionengine.portfolio.maxBytes}, default
     * 100 MB): reading needs about 15 times the file's size in memory, and a bigger file is far more likely a broken
     * export than a portfolio.
     */
    public static final long MAX_BYTES = Long.getLong("missionengine.portfolio.maxBytes", 100L * 1024 * 1024);
    /** Problems collected from one file before giving up (each needs another pass over the file). */
    private static final int MAX_PROBLEMS = 20;
    /** Above this size a file's first binding problem is reported alone: another pass would cost seconds. */
    private static final int RETRY_BELOW_BYTES = 10 * 1024 * 1024;

    public static Portfolio read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            bytes = Files.readAllBytes(file);
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
        return read(bytes, name);
    }

    public static Portfolio read(InputStream in, String fileName) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_BYTES + 1));
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(fileName, bytes.length);
        }
        return read(bytes, fileName);
    }

    /** Parses a portfolio from bytes; {@code fileName} picks JSON or YAML and names the file in errors. */
    public static Portfolio read(byte[] bytes, String fileName) {
        try {
            return parse(bytes, fileName);
        } catch (OutOfMemoryError e) {
            // the tree being built is garbage once we are here: reading can fail without harming the application
            throw outOfMemory(fileName);
        }
    }

    private static Portfolio parse(byte[] bytes, String fileName) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(fileName, bytes.length);
        }
        ObjectMapper mapper = Json.forFile(fileName);
        byte[] content = withoutByteOrderMark(bytes);
        if (isBlank(content)) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, null, "the file is empty",
                    "Write a portfolio in it: docs/portfolio-format.md has a complete example.")));
        }
        JsonNode root;
        try {
            if (Json.isYaml(fileName)) {
                refuseYamlAliases(content, fileName);
            }
            try (JsonParser parser = mapper.createParser(content)) {
                try {
                    root = mapper.readTree(parser);
                } catch (JsonProcessingException e) {
                    // located while the parser is open: it knows where it stood when a reading limit stopped it
                    throw new InvalidPortfolioException(List.of(JsonProblems.syntax(e, fileName, parser)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidPortfolioException(List.of(JsonProblems.syntax(e, fileName)));
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, null, "cannot read the file: "
                    + e.getMessage(), "Save it as UTF-8 text.")));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, null, "the file is empty",
                    "Write a portfolio in it: docs/portfolio-format.md has a complete example.")));
        }
        if (!root.isObject()) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, null,
                    "a portfolio file holds one object, found " + kind(root),
                    "Start from the example in docs/portfolio-format.md: {\"format\": \"" + FORMAT + "\", ...}.")));
        }
        ObjectNode object = (ObjectNode) root;
        JsonNode format = object.remove("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, "format",
                    format == null ? "the \"format\" field is missing" : "unsupported format " + format,
                    "Put \"format\": \"" + FORMAT + "\" at the top of the file.")));
        }
        PortfolioShape shape = PortfolioShape.check(object);
        List<Problem> problems = new ArrayList<>(shape.problems());
        Portfolio portfolio = bind(mapper, object, problems, bytes.length < RETRY_BELOW_BYTES, shape.removedData());
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems).inFile(fileName);
        }
        return portfolio;
    }

    /**
     * Binds the tree to the model. A record refusing a value stops Jackson at the first problem; to report more in
     * one pass, the offending field is removed and binding runs again, until it succeeds, a problem cannot be taken
     * out this way, or {@link #MAX_PROBLEMS} are found. Problems about a value already reported (or about the object
     * that holds it) are not repeated. Once data has been taken out of the tree (a list under an unknown or a
     * mistyped field), the cross-reference checks are left out: they would report references to what was removed.
     */
    private static Portfolio bind(ObjectMapper mapper, ObjectNode tree, List<Problem> problems, boolean retry,
                                  boolean removedData) {
        boolean lossy = removedData;
        for (int attempt = 0; problems.size() < MAX_PROBLEMS; attempt++) {
            try {
                Portfolio portfolio = mapper.treeToValue(tree, Portfolio.class);
                return problems.isEmpty() ? portfolio : null;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                List<Problem> found = JsonProblems.binding(e);
                if (found.size() != 1 || JsonProblems.isCrossReference(e)) {
                    // the portfolio's own checks ran: every record was built, and these are all that is left
                    if (!lossy || problems.isEmpty()) {
                        found.stream().filter(p -> !alreadyCovered(p, problems)).forEach(problems::add);
                    }
                    return null;
                }
                Problem problem = found.get(0);
                if (alreadyCovered(problem, problems)) {
                    return null;
                }
                problems.add(problem);
                JsonNode removed = retry ? removeField(tree, problem.location()) : null;
                if (removed == null) {
                    return null;
                }
                lossy |= removed.isContainerNode() && !removed.isEmpty();
            }
        }
        return null;
    }

    /** True when an earlier problem is about the same value, one that holds it, or explains it (a misspelt field). */
    private static boolean alreadyCovered(Problem problem, List<Problem> earlier) {
        String at = problem.location() == null ? "$" : problem.location();
        for (Problem p : earlier) {
            String other = p.location() == null ? "$" : p.location();
            if (PortfolioShape.related(at, other)) {
                return true;
            }
            boolean misspelt = p.message().startsWith("unknown field");
            if (misspelt && (parent(other).equals(at) || parent(other).equals(parent(at))
                    && problem.message().equals("is missing"))) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "$" : path.substring(0, cut);
    }

    /** Removes the field a path such as {@code missions[0].projects[1].publicFunding} names; null if it cannot. */
    private static JsonNode removeField(ObjectNode tree, String path) {
        if (path == null || path.equals("$") || path.endsWith("]")) {
            return null;
        }
        int cut = path.lastIndexOf('.');
        String field = path.substring(cut + 1);
        JsonNode parent = cut < 0 ? tree : navigate(tree, path.substring(0, cut));
        if (parent instanceof ObjectNode object && object.has(field)) {
            return object.remove(field);
        }
        return null;
    }

    private static JsonNode navigate(JsonNode node, String path) {
        for (String segment : path.split("\\.|(?=\\[)")) {
            if (node == null || segment.isEmpty()) {
                return null;
            }
            if (segment.startsWith("[")) {
                node = node.get(Integer.parseInt(segment.substring(1, segment.length() - 1)));
            } else {
                node = node.get(segment);
            }
        }
        return node;
    }

    /**
     * Refuses YAML aliases ({@code *name}). Jackson does not expand them: it reads an alias as the anchor's name, so
     * {@code owner: *ministry} would silently become the text "ministry"; and an "anchors bomb" is refused without
     * ever being expanded.
     */
    private static void refuseYamlAliases(byte[] content, String fileName) throws IOException {
        try (JsonParser parser = Json.YAML.getFactory().createParser(content)) {
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

    private static String kind(JsonNode node) {
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
        return node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static InvalidPortfolioException tooLarge(String fileName, long size) {
        return new InvalidPortfolioException(List.of(new Problem(fileName, null, String.format(Locale.ROOT,
                "the file is %,.1f MB, more than the %,.0f MB a portfolio file may have", size / 1048576.0,
                MAX_BYTES / 1048576.0), "Split the portfolio into several files, or raise the limit with "
                + "-Dmissionengine.portfolio.maxBytes=BYTES (reading needs about 15 times the file's size in memory).")));
    }

    private static InvalidPortfolioException outOfMemory(String fileName) {
        return new InvalidPortfolioException(List.of(new Problem(fileName, null, String.format(Locale.ROOT,
                "the file is too large to read in the memory available (%,d MB)",
                Runtime.getRuntime().maxMemory() / 1048576), "Give Java more memory (-Xmx), or split the portfolio "
                + "into several files.")));
    }

    /** Writes a portfolio as JSON (or YAML for .yaml/.yml), atomically. */
    public static void write(Portfolio portfolio, Path file) {
        AtomicFiles.write(file, out -> out.write(toString(portfolio, file.toString()).getBytes(StandardCharsets.UTF_8)));
    }

    /** The portfolio as file text; {@code fileName} picks JSON or YAML. */
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

    private static byte[] withoutByteOrderMark(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }
}
