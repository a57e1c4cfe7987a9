package org.missionengine.rules;

import org.missionengine.report.Criterion;

/**
 * Fact inserted by the rating pack: a criterion's score, the share of its assessed checks passed. A criterion none of
 * whose checks could be assessed gets no score.
 *
 * @param criterion the criterion
 * @param score     the share of its assessed checks passed, 0..1, to 4 decimals
 * @param checks    the criterion's checks
 * @param assessed  the checks that could be assessed (the others lack a record they need)
 * @param failed    the assessed checks whose finding fired
 */
public record CriterionScore(Criterion criterion, double score, int checks, int assessed, int failed) {
    /**
     * Rounds the score to 4 decimals.
     *
     * @param criterion the criterion
     * @param score     the share of assessed checks passed, 0..1
     * @param checks    the criterion's checks
     * @param assessed  the checks that could be assessed
     * @param failed    the assessed checks whose finding fired
     */
    public CriterionScore {
        score = Scores.round(score);
    }
}
