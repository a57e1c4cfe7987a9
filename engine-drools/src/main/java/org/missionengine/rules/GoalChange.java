package org.missionengine.rules;

import java.time.LocalDate;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;

/**
 * One revision of a target's goal: what it was, what it became, and whether that asks for less or later.
 *
 * @param date      the day the goal was changed
 * @param before    the goal until then
 * @param after     the goal that replaced it
 * @param reason    why, as the portfolio records it; null when not recorded
 * @param lowered   true when the new value asks for less, in the metric's direction
 * @param postponed true when the new date is later
 */
public record GoalChange(LocalDate date, DatedValue before, DatedValue after, String reason, boolean lowered,
                         boolean postponed) {

    /**
     * Whether the revision weakened the target.
     *
     * @return true when it lowered the ambition or pushed the date later
     */
    public boolean weakened() {
        return lowered || postponed;
    }

    /**
     * The change in words, for a finding's message.
     *
     * @return for example "the goal was lowered and pushed later", or "the goal was kept or raised"
     */
    public String describe() {
        if (lowered && postponed) {
            return "the goal was lowered and pushed later";
        }
        if (lowered) {
            return "the goal was lowered";
        }
        return postponed ? "the goal date was pushed later" : "the goal was kept or raised";
    }

    static GoalChange between(LocalDate date, DatedValue before, DatedValue after, String reason, Direction direction) {
        boolean lowered = before.value() != null && after.value() != null
                && (direction == Direction.DECREASE ? after.value() > before.value() : after.value() < before.value());
        boolean postponed = before.date() != null && after.date() != null && after.date().isAfter(before.date());
        return new GoalChange(date, before, after, reason, lowered, postponed);
    }
}
