package org.missionengine.io;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Makes equal short texts of one file one String before the records are bound: a big portfolio names the same
 * sectors, solutions, actors and metrics in every project, and each would otherwise be a String of its own for as
 * long as the portfolio lives. Long texts (titles, statements) are rarely repeated and are left alone.
 */
final class SharedStrings {
    /** Ids, names and codes are shorter; what is longer is prose. */
    private static final int MAX_LENGTH = 40;
    /**
     * Fields whose texts are one of a kind: a record's own id, its title. Remembering each would only grow the table
     * (100,000 projects, 100,000 ids) and slow every lookup; the references to them (a recipient, a metric) are shared.
     */
    private static final Set<String> UNIQUE = Set.of("id", "title");

    private final Map<String, TextNode> seen = new HashMap<>();

    /** Replaces each short text value in the tree with the first equal one seen in the file. */
    void share(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!UNIQUE.contains(field.getKey())) {
                    field.setValue(shared(field.getValue()));
                }
            }
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, shared(array.get(i)));
            }
        }
    }

    private JsonNode shared(JsonNode node) {
        if (node instanceof TextNode text && text.textValue().length() <= MAX_LENGTH) {
            return seen.computeIfAbsent(text.textValue(), key -> text);
        }
        share(node);
        return node;
    }
}
