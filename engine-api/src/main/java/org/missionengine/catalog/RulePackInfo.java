package org.missionengine.catalog;

import java.util.List;

/**
 * A rule pack: built-in or an agency's, where it came from, its rules and the parameters it reads.
 *
 * @param id          the pack's id
 * @param version     its version, from {@code pack.json}
 * @param description what it checks
 * @param source      where it was loaded from (a path, or the built-in resource)
 * @param builtIn     whether it comes with the engine
 * @param rules       its rules
 * @param parameters  the parameters it declares, with defaults
 */
public record RulePackInfo(String id, String version, String description, String source, boolean builtIn,
                           List<RuleInfo> rules, List<ParameterInfo> parameters) {
    /**
     * Copies the lists.
     *
     * @param id          the pack's id
     * @param version     its version, from {@code pack.json}
     * @param description what it checks
     * @param source      where it was loaded from (a path, or the built-in resource)
     * @param builtIn     whether it comes with the engine
     * @param rules       its rules
     * @param parameters  the parameters it declares, with defaults
     */
    public RulePackInfo {
        rules = List.copyOf(rules);
        parameters = List.copyOf(parameters);
    }
}
