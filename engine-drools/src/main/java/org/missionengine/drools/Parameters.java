package org.missionengine.drools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;

/**
 * The parameters in force: each pack's declared defaults, then the portfolio file's {@code parameters}, then the
 * engine's overrides. Every name must be declared by a pack (a typo would otherwise be silently ignored), and a value
 * must have the type of its default.
 */
final class Parameters {
    /** The engine's own limits, declared like a pack's parameters so they show in the catalog. */
    static final List<RulePack.ParameterDeclaration> ENGINE = List.of(
            new RulePack.ParameterDeclaration("engine.maxFirings", 10_000,
                    "Most rule firings one mission's evaluation may take; more means a rule loops."),
            new RulePack.ParameterDeclaration("engine.timeout", 10.0,
                    "Most seconds one mission's evaluation may take before it is stopped."),
            new RulePack.ParameterDeclaration("engine.threads", 0,
                    "Missions evaluated at once in a batch; 0 means one per available processor."));

    private final Map<String, RulePack.ParameterDeclaration> declared = new LinkedHashMap<>();
    private final Map<String, String> packOf = new LinkedHashMap<>();

    Parameters(List<RulePack> packs) {
        ENGINE.forEach(d -> {
            declared.put(d.name(), d);
            packOf.put(d.name(), "engine");
        });
        for (RulePack pack : packs) {
            pack.parameters().forEach((name, d) -> {
                declared.put(name, d);
                packOf.putIfAbsent(name, pack.id());
            });
        }
    }

    /** The id of the pack that declares a parameter ("engine" for the engine's limits). */
    String packOf(String name) {
        return packOf.get(name);
    }

    Map<String, RulePack.ParameterDeclaration> declared() {
        return declared;
    }

    Map<String, Object> defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        declared.forEach((name, d) -> values.put(name, d.defaultValue()));
        return values;
    }

    /** Checks overrides; returns problems located by {@code locationPrefix + name}. */
    List<Problem> check(Map<String, Object> overrides, String locationPrefix) {
        List<Problem> problems = new ArrayList<>();
        overrides.forEach((name, value) -> {
            RulePack.ParameterDeclaration declaration = declared.get(name);
            if (declaration == null && !name.startsWith("washing.weight.")) {
                problems.add(Problem.at(locationPrefix + name, "unknown parameter \"" + name + "\"",
                        ClosestName.to(name, declared.keySet()).map(c -> "Did you mean \"" + c + "\"? ").orElse("")
                                + "List the parameters with: mission-eval rules"));
                return;
            }
            Object expected = declaration == null ? 0.0 : declaration.defaultValue();
            if (expected instanceof Number && !(value instanceof Number)) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"" + name + "\" must be a number, got \""
                        + value + "\"", "Write a plain number such as " + expected + "."));
            } else if (value instanceof Number n && (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue()))) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"" + name + "\" must be finite, got " + value,
                        "Write a plain number such as " + expected + "."));
            } else if (name.equals("engine.threads") && value instanceof Number n
                    && (n.doubleValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue()))) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"engine.threads\" must be a whole number, 0 or "
                        + "more, got " + value, "Write the number of missions to evaluate at once, or 0 for one per "
                        + "processor."));
            } else if (name.equals("engine.timeout") && value instanceof Number n && !(n.doubleValue() > 0)) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"engine.timeout\" must be more than 0 "
                        + "seconds, got " + value, "Write the most seconds one mission's evaluation may take, e.g. 10."));
            } else if (name.equals("engine.maxFirings") && value instanceof Number n && n.doubleValue() < 1) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"engine.maxFirings\" must be 1 or more, "
                        + "got " + value, "Write the most rule firings one mission's evaluation may take, e.g. "
                        + "10000."));
            } else if (expected instanceof Boolean && !(value instanceof Boolean)) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"" + name + "\" must be true or false, got \""
                        + value + "\"", "Write true or false."));
            }
        });
        return problems;
    }

    /** Parses a command-line style value ("0.4", "true", "text") into the type of the parameter's default. */
    static Object parse(String text) {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.parseBoolean(text);
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        merged.putAll(overrides);
        return merged;
    }
}
