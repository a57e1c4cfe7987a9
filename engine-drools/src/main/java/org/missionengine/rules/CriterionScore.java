package org.missionengine.rules;

import org.missionengine.report.Criterion;

/** Fact inserted by the rating pack: a criterion's score, the share of its checks passed. */
public record CriterionScore(Criterion criterion, double score, int checks, int failed) {
}
