package org.missionengine.rules;

import org.missionengine.report.Criterion;

/**
 * Fact: how many checks (distinct finding codes of enabled rules) a criterion has; the rating pack scores the
 * criterion as the share of those codes that stayed quiet.
 */
public record CriterionChecks(Criterion criterion, int checks) {
}
