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
    /**
     * The engine's limits, which only the application running the engine sets (options of the builder and of
     * mission-eval), never a parameter: data under evaluation must not loosen them. Name, option, type in code.
     */
    private static final Map<String, String[]> ENGINE_LIMITS = Map.of(
            "engine.timeout", new String[] {"--timeout SECONDS", "timeout(Duration)"},
            "engine.maxFirings", new String[] {"--max-firings N", "maxFirings(int)"},
            "engine.threads", new String[] {"--threads N", "threads(int)"});

    private final Map<String, RulePack.ParameterDeclaration> declared = new LinkedHashMap<>();
    private final Map<String, String> packOf = new LinkedHashMap<>();

    /** Packs none of whose rules run: their declared ranges are not enforced (a replacement pack may read them). */
    private final java.util.Set<String> packsWithoutRules = new java.util.HashSet<>();

    Parameters(List<RulePack> packs) {
        for (RulePack pack : packs) {
            pack.parameters().forEach((name, d) -> {
                declared.put(name, d);
                packOf.putIfAbsent(name, pack.id());
            });
        }
    }

    /**
     * Says which packs have every rule disabled: a pack that replaces one of them may read its parameters with another
     * meaning, so their ranges no longer hold.
     */
    void rulesRunOnlyIn(java.util.Set<String> packsWithRules) {
        packsWithoutRules.clear();
        packOf.values().stream().filter(pack -> !packsWithRules.contains(pack)).forEach(packsWithoutRules::add);
    }

    /** The id of the pack that declares a parameter. */
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
            // a pack may declare a parameter named "threads" of its own; "engine." names are never parameters
            String limit = declared.containsKey(name) ? null : engineLimitNamed(name);
            if (limit != null) {
                problems.add(engineLimit(name, limit, locationPrefix));
                return;
            }
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
            } else if (value instanceof Number n && declaration != null && !packsWithoutRules.contains(packOf(name))
                    && declaration.outOfBounds(n.doubleValue())) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"" + name + "\" must be "
                        + declaration.range() + ", got " + RulePack.ParameterDeclaration.plain(n.doubleValue()), "Write a number " + declaration.rangeClause()
                        + (declaration.isShare() ? " (a share, not a percentage)" : "") + "; the default of pack "
                        + packOf(name) + " is " + expected + "."));
            } else if (expected instanceof Boolean && !(value instanceof Boolean)) {
                problems.add(Problem.at(locationPrefix + name, "parameter \"" + name + "\" must be true or false, got \""
                        + value + "\"", "Write true or false."));
            }
        });
        return problems;
    }

    /**
     * The engine limit a parameter name means, spelt in any case and with or without "engine." ("Engine.Timeout",
     * "engine_threads", "threads"): "engine.timeout", ...; "engine.*" for another name under engine.; null for a name
     * that is no limit.
     */
    private static String engineLimitNamed(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        // "engine.timeout", "engine_timeout", "engineTimeout": the separator was dropped above but for the dot
        String bare = lower.startsWith("engine.") ? lower.substring("engine.".length())
                : lower.startsWith("engine") ? lower.substring("engine".length()) : lower;
        for (String limit : ENGINE_LIMITS.keySet()) {
            if (limit.substring("engine.".length()).toLowerCase(java.util.Locale.ROOT).equals(bare)) {
                return limit;
            }
        }
        return lower.startsWith("engine.") ? "engine.*" : null;
    }

    /** An engine limit given as a parameter: refused, naming where it belongs. */
    private static Problem engineLimit(String name, String limit, String locationPrefix) {
        String[] where = ENGINE_LIMITS.get(limit);
        String options = where != null ? "mission-eval's option " + where[0] + " (in code: MissionEngine.builder()."
                + where[1] + ")" : "mission-eval's options --threads, --timeout and --max-firings (in code: "
                + "MissionEngine.builder().threads, .timeout and .maxFirings)";
        boolean inFile = !locationPrefix.startsWith("--");
        return Problem.at(locationPrefix + name, "\"" + name + "\" is " + (where != null ? "an engine limit" : "not a "
                + "parameter: engine.* names are the engine's limits") + ", which only the application running the "
                + "engine sets" + (inFile ? ", never a portfolio file" : ""), (inFile ? "Remove it from the file and "
                + "set the limit with " : "Set the limit with ") + options + ".");
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
