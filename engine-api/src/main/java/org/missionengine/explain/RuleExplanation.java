package org.missionengine.explain;

import java.util.List;

/**
 * One rule in an {@link Explanation}.
 *
 * @param rule       the rule's name
 * @param pack       the id of its pack
 * @param code       the finding code it emits (null for rules that only compute)
 * @param file       the rule file it is written in, as the pack names it
 * @param line       the line of {@code rule "..."} in that file (0 when not found)
 * @param fired      whether it produced a finding for the mission
 * @param matches    each match that produced a finding: the finding and the facts the rule's patterns bound
 * @param parameters the parameters the rule reads, with their values and where each value came from
 * @param conditions for a rule that did not fire: its conditions in order, the first failed one with the values it
 *                   failed on (best effort); empty for a rule that fired
 * @param cell       for a rule of a decision table, the cell of its row ({@code Rules!A12}), where {@code line} is a
 *                   line of the DRL the table becomes; null for a rule written in DRL
 */
public record RuleExplanation(String rule, String pack, String code, String file, int line, boolean fired,
                              List<MatchedFacts> matches, List<ParameterUse> parameters,
                              List<ConditionCheck> conditions, String cell) {
    /**
     * Copies the lists.
     *
     * @param rule       the rule's name
     * @param pack       the id of its pack
     * @param code       the finding code it emits, or null
     * @param file       the rule file it is written in
     * @param line       the line of its {@code rule "..."}, or 0
     * @param fired      whether it produced a finding for the mission
     * @param matches    each match that produced a finding
     * @param parameters the parameters the rule reads
     * @param conditions its conditions in order when it did not fire; else empty
     * @param cell       the cell of a decision table's rule, or null
     */
    public RuleExplanation {
        matches = List.copyOf(matches);
        parameters = List.copyOf(parameters);
        conditions = List.copyOf(conditions);
    }

    /**
     * A rule written in DRL.
     *
     * @param rule       the rule's name
     * @param pack       the id of its pack
     * @param code       the finding code it emits, or null
     * @param file       the rule file it is written in
     * @param line       the line of its {@code rule "..."}, or 0
     * @param fired      whether it produced a finding for the mission
     * @param matches    each match that produced a finding
     * @param parameters the parameters the rule reads
     * @param conditions its conditions in order when it did not fire; else empty
     */
    public RuleExplanation(String rule, String pack, String code, String file, int line, boolean fired,
                           List<MatchedFacts> matches, List<ParameterUse> parameters,
                           List<ConditionCheck> conditions) {
        this(rule, pack, code, file, line, fired, matches, parameters, conditions, null);
    }

    /**
     * Where the rule is written, for a message or a report.
     *
     * @return {@code file:line}, {@code file: Sheet!A12} for a decision table's rule, or the file alone when the line
     *         is unknown
     */
    public String location() {
        return cell != null ? file + ": " + cell : line > 0 ? file + ":" + line : file;
    }
}
