package org.missionengine.rules;

import org.missionengine.report.Rating;

/**
 * Fact: a mission's rating and the one line that says why, inserted by the rating pack through
 * {@link EvaluationContext#rate}. Exactly one per mission: an agency that replaces the rating pack must insert
 * one, and the engine refuses an evaluation in which a mission gets none or two.
 *
 * @param rating the rating
 * @param reason the line that says why, starting with the rating's name
 * @param rule   the name of the rule that rated the mission
 * @param pack   the id of that rule's pack
 */
public record RatingVerdict(Rating rating, String reason, String rule, String pack) {
}
