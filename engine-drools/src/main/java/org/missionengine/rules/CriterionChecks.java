package org.missionengine.rules;

import java.util.Set;

import org.missionengine.report.Criterion;

/**
 * Fact: a criterion's checks (the distinct finding codes of its enabled rules); the rating pack scores the
 * criterion as the share of the checks that could be assessed and stayed quiet.
 *
 * @param criterion the criterion
 * @param codes     the finding codes of its enabled rules: a check fails when its code fires
 */
public record CriterionChecks(Criterion criterion, Set<String> codes) {
    /**
     * Copies the codes.
     *
     * @param criterion the criterion
     * @param codes     the finding codes of its enabled rules
     */
    public CriterionChecks {
        codes = Set.copyOf(codes);
    }

    /**
     * How many checks the criterion has.
     *
     * @return the number of distinct codes
     */
    public int checks() {
        return codes.size();
    }
}
