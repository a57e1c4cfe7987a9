package org.missionengine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Breaks a valid portfolio the way careless editing and broken exports do: fields deleted, renamed, duplicated or
 * given values of another type, values swapped between fields, lists emptied, elements repeated (duplicate ids), and
 * the text truncated or edited character by character. A mutant is a list of {@link Mutation}s applied to a base
 * portfolio, so jqwik can shrink a failing case to the fewest, simplest mutations. Shared with engine-drools (test jar).
 */
public final class PortfolioMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a mutation does; the first group edits the tree, the second the file's text. */
    public enum Kind {
        DELETE_FIELD, RENAME_FIELD, RETYPE, SWAP_VALUES, DUPLICATE_ELEMENT, EMPTY_CONTAINER, NULL_VALUE,
        TRUNCATE, DELETE_CHARACTER, INSERT_CHARACTER, DUPLICATE_LINE
    }

    /** One edit: {@code where} picks the node (or text position), {@code what} the value or character. */
    public record Mutation(Kind kind, int where, int what) {
        boolean onText() {
            return kind.ordinal() >= Kind.TRUNCATE.ordinal();
        }
    }

    /** A mutated file: its name (.json or .yaml), its bytes and what was done to it. */
    public record Mutant(String fileName, byte[] bytes, List<Mutation> mutations) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return fileName + " " + mutations;
        }
    }

    /** Values of every type a field might wrongly get. */
    private static final List<JsonNode> VALUES = List.of(
            NODES.textNode(""), NODES.textNode("   "), NODES.textNode("x"), NODES.textNode("2030-02-30"),
            NODES.textNode("31/12/2030"), NODES.textNode("2030-12-31"), NODES.textNode("NaN"),
            NODES.textNode("-Infinity"), NODES.textNode("1e309"), NODES.textNode("GRANT"), NODES.textNode("ghg"),
            NODES.textNode("retrofit-1"), NODES.textNode("1,000,000"), NODES.textNode("x".repeat(10_000)),
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(-1e308), NODES.numberNode(1e308),
            NODES.numberNode(2023.5), NODES.numberNode(1e-300), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new java.math.BigInteger("9".repeat(40))), NODES.numberNode(1.5),
            NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(), NODES.arrayNode(),
            NODES.objectNode(), NODES.arrayNode().add("x"), NODES.arrayNode().addNull(),
            NODES.objectNode().put("id", ""), NODES.objectNode().set("id", NODES.arrayNode()));

    private static final String CHARACTERS = "{}[],:\"'\\ \t\n#&*-!|>0.e";

    private PortfolioMutations() {
    }

    /** Mutants of {@code base} (a JSON portfolio), as JSON or YAML, with one to {@code maxMutations} mutations. */
    public static Arbitrary<Mutant> of(byte[] base, int maxMutations) {
        JsonNode tree = parse(base);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 10_000))
                .as(Mutation::new);
        return Combinators.combine(mutation.list().ofMinSize(1).ofMaxSize(maxMutations), Arbitraries.of(false, true))
                .as((mutations, yaml) -> apply(tree, mutations, yaml));
    }

    /** Applies the mutations: tree edits first, in order, then text edits on the written file. */
    public static Mutant apply(JsonNode base, List<Mutation> mutations, boolean yaml) {
        JsonNode tree = base.deepCopy();
        for (Mutation m : mutations) {
            if (!m.onText()) {
                tree = mutate(tree, m);
            }
        }
        String text;
        try {
            text = yaml ? YAML.writeValueAsString(tree) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Mutation m : mutations) {
            if (m.onText()) {
                text = mutate(text, m);
            }
        }
        return new Mutant(yaml ? "mutant.yaml" : "mutant.json", text.getBytes(StandardCharsets.UTF_8), mutations);
    }

    private static JsonNode mutate(JsonNode root, Mutation m) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return root;
        }
        Slot slot = slots.get(m.where() % slots.size());
        JsonNode value = VALUES.get(m.what() % VALUES.size());
        switch (m.kind()) {
            case DELETE_FIELD -> slot.remove();
            case RENAME_FIELD -> slot.rename(m.what());
            case RETYPE -> slot.set(value.deepCopy());
            case NULL_VALUE -> slot.set(NODES.nullNode());
            case SWAP_VALUES -> {
                Slot other = slots.get(m.what() % slots.size());
                JsonNode a = slot.get();
                slot.set(other.get().deepCopy());
                other.set(a.deepCopy());
            }
            case DUPLICATE_ELEMENT -> slot.duplicate();
            case EMPTY_CONTAINER -> {
                if (slot.get() instanceof ArrayNode array) {
                    array.removeAll();
                } else if (slot.get() instanceof ObjectNode object) {
                    object.removeAll();
                }
            }
            default -> throw new IllegalArgumentException(m.kind().toString());
        }
        return root;
    }

    private static String mutate(String text, Mutation m) {
        if (text.isEmpty()) {
            return text;
        }
        int at = m.where() % text.length();
        char c = CHARACTERS.charAt(m.what() % CHARACTERS.length());
        return switch (m.kind()) {
            case TRUNCATE -> text.substring(0, at);
            case DELETE_CHARACTER -> text.substring(0, at) + text.substring(at + 1);
            case INSERT_CHARACTER -> text.substring(0, at) + c + text.substring(at);
            case DUPLICATE_LINE -> {
                String[] lines = text.split("\n", -1);
                int line = m.where() % lines.length;
                List<String> out = new ArrayList<>(List.of(lines));
                out.add(line, lines[line]);
                yield String.join("\n", out);
            }
            default -> throw new IllegalArgumentException(m.kind().toString());
        };
    }

    /** Every place in the tree that holds a value: a field of an object or an element of a list. */
    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> copy = new ArrayList<>();
            names.forEachRemaining(copy::add);
            for (String name : copy) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private record Slot(JsonNode parent, String name, int index) {
        JsonNode get() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (name != null) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void duplicate() {
            if (name == null) {
                ((ArrayNode) parent).insert(index, get().deepCopy());
            } else {
                ((ObjectNode) parent).set(name + "_copy", get().deepCopy());
            }
        }

        void rename(int how) {
            if (name == null) {
                return;
            }
            String renamed = switch (how % 4) {
                case 0 -> name.toUpperCase();
                case 1 -> name.substring(0, Math.max(0, name.length() - 1));
                case 2 -> name + "s";
                default -> name.replace('e', 'a');
            };
            if (renamed.isEmpty() || parent.has(renamed)) {
                return;
            }
            JsonNode value = ((ObjectNode) parent).remove(name);
            ((ObjectNode) parent).set(renamed, value);
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
