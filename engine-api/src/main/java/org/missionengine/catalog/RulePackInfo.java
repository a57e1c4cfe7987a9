package org.missionengine.catalog;

import java.util.List;

/** A rule pack: built-in or an agency's, where it came from, its rules and the parameters it reads. */
public record RulePackInfo(String id, String version, String description, String source, boolean builtIn,
                           List<RuleInfo> rules, List<ParameterInfo> parameters) {
    public RulePackInfo {
        rules = List.copyOf(rules);
        parameters = List.copyOf(parameters);
    }
}
