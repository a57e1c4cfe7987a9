package org.missionengine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    public static Portfolio read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "file not found",
                    "Check the path (relative paths start from " + Path.of("").toAbsolutePath() + ").")));
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(name, null, "cannot read the file: " + e.getMessage(),
                    "Check that it is a readable file.")));
        }
        return read(bytes, name);
    }

    public static Portfolio read(InputStream in, String fileName) throws IOException {
        return read(in.readAllBytes(), fileName);
    }

    /** Parses a portfolio from bytes; {@code fileName} picks JSON or YAML and names the file in errors. */
    public static Portfolio read(byte[] bytes, String fileName) {
        ObjectMapper mapper = Json.forFile(fileName);
        JsonNode root;
        try {
            root = mapper.readTree(withoutByteOrderMark(bytes));
        } catch (JsonProcessingException e) {
            throw new InvalidPortfolioException(List.of(JsonProblems.syntax(e, fileName)));
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, null, e.getMessage(), null)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, "$",
                    "a portfolio file must hold one object, found " + (root == null ? "nothing" : root.getNodeType()),
                    "Start from the example in docs/portfolio-format.md.")));
        }
        ObjectNode object = (ObjectNode) root;
        JsonNode format = object.remove("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new InvalidPortfolioException(List.of(new Problem(fileName, "format",
                    format == null ? "the \"format\" field is missing" : "unsupported format " + format,
                    "Put \"format\": \"" + FORMAT + "\" at the top of the file.")));
        }
        try {
            return mapper.treeToValue(object, Portfolio.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw JsonProblems.binding(e, fileName);
        }
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
