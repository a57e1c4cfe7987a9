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
 * @param postponed true when the new date is later and the goal was kept or lowered, or raised on a path from the
 *                  baseline that asks for less by the old date (a later date with a steeper path raises the ambition;
 *                  a raised goal without a complete baseline is not judged)
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

    static GoalChange between(LocalDate date, DatedValue before, DatedValue after, String reason, Direction direction,
                              DatedValue baseline) {
        boolean lowered = before.value() != null && after.value() != null
                && (direction == Direction.DECREASE ? after.value() > before.value() : after.value() < before.value());
        boolean later = before.date() != null && after.date() != null && after.date().isAfter(before.date());
        return new GoalChange(date, before, after, reason, lowered,
                later && laterAsksForLess(before, after, direction, baseline));
    }

    /**
     * Whether a later date asks for less. A goal kept or lowered with it does (goals without a value included); a goal
     * raised with it does unless its path from the baseline is steeper, which only a complete baseline can show, so
     * without one (or without both values) the revision is not judged: a baseline left out of the record is no
     * evidence of moving goalposts.
     */
    private static boolean laterAsksForLess(DatedValue before, DatedValue after, Direction direction,
                                            DatedValue baseline) {
        if (before.value() == null && after.value() == null) {
            return true;
        }
        if (before.value() == null || after.value() == null) {
            return false;
        }
        boolean raised = direction == Direction.DECREASE ? after.value() < before.value()
                : after.value() > before.value();
        if (!raised) {
            return true;
        }
        return baseline != null && baseline.complete() && !steeperPath(before, after, direction, baseline);
    }

    /**
     * Whether the new goal, though due later, asks for at least as much by the old goal's date: on the straight line
     * from the baseline to the new goal, the old date's value is at or beyond the old goal (a 50 % cut by mid-1999
     * that became a full phase-out by 2000). Such a revision raises the ambition; moving the date is not moving the
     * goalposts. A baseline dated on or after the old goal draws no path to it: the revision then counts as postponed.
     */
    private static boolean steeperPath(DatedValue before, DatedValue after, Direction direction, DatedValue baseline) {
        if (!before.date().isAfter(baseline.date())) {
            return false;
        }
        double toOldDate = before.date().toEpochDay() - baseline.date().toEpochDay();
        double toNewDate = after.date().toEpochDay() - baseline.date().toEpochDay();
        double onPath = baseline.value() + (after.value() - baseline.value()) * toOldDate / toNewDate;
        return direction == Direction.DECREASE ? onPath <= before.value() : onPath >= before.value();
    }
}
