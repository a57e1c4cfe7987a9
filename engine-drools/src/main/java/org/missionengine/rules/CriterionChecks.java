package org.missionengine.rules;

import java.util.Set;

import org.missionengine.report.Criterion;

/**
 * Fact: a criterion's checks (the distinct finding codes of its enabled rules); the rating pack scores the
 * criterion as the share of the checks that could be assessed and stayed quiet.
 */
public record CriterionChecks(Criterion criterion, Set<String> codes) {
    public CriterionChecks {
        codes = Set.copyOf(codes);
    }

    /** How many checks the criterion has. */
    public int checks() {
        return codes.size();
    }
}
