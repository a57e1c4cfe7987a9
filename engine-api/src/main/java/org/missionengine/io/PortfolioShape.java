package org.missionengine.io;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;
import org.missionengine.model.Cashflow;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;

/**
 * Checks the shape of a portfolio tree before it is bound to the model records: every unknown field (with the
 * closest known name) and every missing required value, all at once. Jackson reports an unknown field of a record only
 * after the record's constructor ran, and a misspelt field usually makes the constructor fail first with a less
 * helpful message; and a missing number would silently become 0.
 */
final class PortfolioShape {
    /** Values a record cannot do without and that Jackson would otherwise default (a missing number becomes 0). */
    private static final Map<Class<?>, Map<String, String>> REQUIRED = Map.of(
            Observation.class, ordered("metric", "Name the metric observed: an id from \"metrics\".",
                    "date", "Give the date of the measurement: \"date\": \"2024-12-31\".",
                    "value", "Give the measured value: a missing value would read as 0."),
            Cashflow.class, ordered("year", "Give the calendar year of the cash flow: \"year\": 2027."),
            Spillover.class, ordered("toSector", "Name the sector the value spills into: \"toSector\": \"energy\".",
                    "intensity", "Give the share of the source's value that reappears in toSector, between 0 and 1: "
                            + "\"intensity\": 0.2."));

    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> record) {
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent c : record.getRecordComponents()) {
                components.put(c.getName(), c);
            }
            return Collections.unmodifiableMap(components);
        }
    };

    private final List<Problem> problems = new ArrayList<>();
    private boolean removedData;

    private PortfolioShape() {
    }

    /** Checks the tree, removing each unknown field so that binding can go on and find more problems. */
    static PortfolioShape check(ObjectNode root) {
        return check(root, Portfolio.class, "$");
    }

    /**
     * Checks one value of the given type that stands at {@code path} in the file, such as one element of a top-level
     * list ({@code Mission} at {@code missions[3]}): problems carry full paths.
     */
    static PortfolioShape check(JsonNode node, Type type, String path) {
        PortfolioShape shape = new PortfolioShape();
        shape.value(node, type, path);
        return shape;
    }

    /** An unknown field, with the closest known name as a hint. */
    static Problem unknownField(String path, String name, Collection<String> known) {
        return Problem.at(path, "unknown field \"" + name + "\"", ClosestName.hint(name, known));
    }

    /** Whether {@code record} cannot do without its component {@code name} (see {@link #check}). */
    static boolean isRequired(Class<?> record, String name) {
        Map<String, String> required = REQUIRED.get(record);
        return required != null && required.containsKey(name);
    }

    /** The components of a record by name, in declaration order (looked up once per class: reflection is slow). */
    static Map<String, RecordComponent> components(Class<?> record) {
        return COMPONENTS.get(record);
    }

    /** The problems of the tree, in document order. */
    List<Problem> problems() {
        return problems;
    }

    /**
     * True when an unknown field removed from the tree held objects or lists: what they held (projects under a
     * misspelt "projcts") is missing from the rest of the check, so references to it would be reported wrongly.
     */
    boolean removedData() {
        return removedData;
    }

    private void object(JsonNode node, Class<?> record, String path) {
        if (!node.isObject()) {
            return; // a value of the wrong type: binding reports it with the type it expected
        }
        Map<String, RecordComponent> components = components(record);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                problems.add(unknownField(JsonProblems.join(path, field.getKey()), field.getKey(),
                        components.keySet()));
                removedData |= field.getValue().isContainerNode() && !field.getValue().isEmpty();
                fields.remove();
            } else if (field.getValue().isContainerNode()) {
                // only objects and lists hold fields to check; a path for every value would cost millions of strings
                value(field.getValue(), component.getGenericType(), JsonProblems.join(path, field.getKey()));
            }
        }
        REQUIRED.getOrDefault(record, Map.of()).forEach((name, hint) -> {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                problems.add(Problem.at(JsonProblems.join(path, name), "is missing", hint));
            }
        });
    }

    private void value(JsonNode node, Type type, String path) {
        if (type instanceof Class<?> c && c.isRecord()) {
            object(node, c, path);
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class && node.isArray()) {
            Type element = p.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    value(node.get(i), element, path + "[" + i + "]");
                }
            }
        }
    }

    private static Map<String, String> ordered(String... namesAndHints) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndHints.length; i += 2) {
            map.put(namesAndHints[i], namesAndHints[i + 1]);
        }
        return map;
    }

    /** True when a problem at {@code a} and one at {@code b} are about the same value or one holds the other. */
    static boolean related(String a, String b) {
        return a.equals(b) || within(a, b) || within(b, a);
    }

    private static boolean within(String inner, String outer) {
        return outer.equals("$") || inner.startsWith(outer) && inner.length() > outer.length()
                && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }
}
