package org.missionengine.rules;

import org.missionengine.report.Criterion;

/** Fact: how many enabled rules check a criterion; the rating pack scores the criterion as the share that stayed quiet. */
public record CriterionChecks(Criterion criterion, int checks) {
}
