package org.missionengine.model;

import java.time.LocalDate;

/**
 * An earlier goal of a target, replaced at {@code date} for {@code reason}. Lowered or postponed goals are how
 * weakened targets show.
 *
 * @param date   the day this goal was replaced by the next one (or the target's current goal)
 * @param goal   the goal as it stood until then: a value and the date it was due by
 * @param reason why it was changed, in words; null when not recorded
 */
public record Revision(LocalDate date, DatedValue goal, String reason) {
}
