package org.missionengine.explain;

import java.util.List;

/**
 * Why one mission got the findings it got: for each rule explained, where it is written, what it matched and which
 * parameters it read; for a code that did not fire, which condition of its rule(s) failed and on what values.
 * Made by {@link org.missionengine.MissionEngine#explain}.
 *
 * @param mission the mission explained
 * @param code    the finding code asked about, or null when every finding of the mission is explained
 * @param rules   the rules explained: those that emit {@code code} (fired or not), or every rule that fired
 * @param notes   what the explanation cannot say (for example that a failed condition is found on a best-effort basis)
 */
public record Explanation(String mission, String code, List<RuleExplanation> rules, List<String> notes) {
    /**
     * Copies the lists.
     *
     * @param mission the mission explained
     * @param code    the finding code asked about, or null
     * @param rules   the rules explained, in pack and rule order
     * @param notes   what the explanation cannot say; empty when it is exact
     */
    public Explanation {
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }
}
