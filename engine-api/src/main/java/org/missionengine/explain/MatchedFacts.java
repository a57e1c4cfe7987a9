package org.missionengine.explain;

import java.util.Map;

import org.missionengine.report.Finding;

/**
 * One match of a rule that produced a finding.
 *
 * @param finding the finding it produced
 * @param facts   each declaration of the rule's patterns ({@code $p}) and the fact it bound, described by type and
 *                id ({@code Project heat-advice}) or by its values
 */
public record MatchedFacts(Finding finding, Map<String, String> facts) {
    /**
     * Copies the facts, keeping the order of the rule's patterns.
     *
     * @param finding the finding the match produced
     * @param facts   the fact each pattern declaration bound, in the order the rule declares them
     */
    public MatchedFacts {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }
}
