package org.missionengine.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import org.missionengine.Problem;

/**
 * A JSON or YAML document read into a Jackson tree, remembering the line of every node (for an object member, the
 * line of its key) by JSON Pointer, so that a mistake anywhere in a scenario can be reported as {@code file:line}.
 */
final class LocatedTree {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = yamlFactory();

    final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Reads the document; a syntax error or a duplicate key is a problem located at its line and column. */
    static LocatedTree read(byte[] bytes, String fileName, boolean yaml, List<Problem> problems) {
        Map<String, Integer> lines = new HashMap<>();
        List<Problem> found = new ArrayList<>();
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(withoutByteOrderMark(bytes))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(fileName, "1", "the file is empty",
                        "A scenario starts with \"format\": \"" + ScenarioReader.FORMAT + "\"; see docs/testing-policies.md."));
                return null;
            }
            JsonNode root = new Reader(parser, fileName, lines, found).value("");
            if (parser.nextToken() != null) {
                found.add(new Problem(fileName, location(parser.currentTokenLocation()),
                        "more than one document in the file", "Put one scenario in each file."));
            }
            problems.addAll(found);
            return found.isEmpty() ? new LocatedTree(root, lines) : null;
        } catch (JsonProcessingException e) {
            problems.addAll(found);
            JsonLocation at = e.getLocation();
            problems.add(new Problem(fileName, at == null ? null : location(at), "not valid " + (yaml ? "YAML" : "JSON")
                    + ": " + firstLine(e.getOriginalMessage()), "Fix the syntax at that line (a missing comma, quote, "
                    + "bracket or a wrong indentation?)."));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(fileName, null, "cannot read the file: " + e.getMessage(), null));
            return null;
        }
    }

    /** The line of the node at {@code pointer}, or of its nearest located ancestor. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    private static final class Reader {
        private final JsonParser parser;
        private final String fileName;
        private final Map<String, Integer> lines;
        private final List<Problem> problems;

        Reader(JsonParser parser, String fileName, Map<String, Integer> lines, List<Problem> problems) {
            this.parser = parser;
            this.fileName = fileName;
            this.lines = lines;
            this.problems = problems;
        }

        JsonNode value(String pointer) throws IOException {
            JsonToken token = parser.currentToken();
            lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        int line = parser.currentTokenLocation().getLineNr();
                        String child = child(pointer, name);
                        parser.nextToken();
                        if (object.has(name)) {
                            problems.add(new Problem(fileName, String.valueOf(line), "duplicate key \"" + name + "\"",
                                    "Each key may appear once in an object; remove or merge the second one."));
                            value(child + "~duplicate");
                            continue;
                        }
                        lines.put(child, line);
                        object.set(name, value(child));
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(child(pointer, index++)));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return switch (parser.getNumberType()) {
                        case INT -> nodes.numberNode(parser.getIntValue());
                        case LONG -> nodes.numberNode(parser.getLongValue());
                        default -> nodes.numberNode(parser.getBigIntegerValue());
                    };
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDoubleValue());
                }
                case VALUE_TRUE -> {
                    return nodes.booleanNode(true);
                }
                case VALUE_FALSE -> {
                    return nodes.booleanNode(false);
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default -> {
                    return nodes.textNode(parser.getText());
                }
            }
        }
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setAllowDuplicateKeys(true); // reported by the reader with a line, not by SnakeYAML
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static String location(JsonLocation at) {
        return at.getLineNr() + (at.getColumnNr() > 0 ? ":" + at.getColumnNr() : "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unexpected content";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static byte[] withoutByteOrderMark(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }
}
