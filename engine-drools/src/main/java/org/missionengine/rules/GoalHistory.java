package org.missionengine.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Revision;
import org.missionengine.model.Target;

/** A target's goals in order (its revisions' earlier goals, then the current goal) and the changes between them. */
public final class GoalHistory {
    private GoalHistory() {
    }

    /**
     * Each change from one goal to the next. A revision dated D records the goal that was replaced on D; the goal
     * that replaced it is the next revision's goal, or the target's current goal for the last one.
     *
     * @param target    the target
     * @param direction its metric's direction, which says whether a new value is lower ambition; null for INCREASE
     * @return the changes, oldest first; a revision or goal without a value and date is skipped
     */
    public static List<GoalChange> changes(Target target, Direction direction) {
        List<Revision> revisions = new ArrayList<>(target.revisions());
        revisions.sort(Comparator.comparing(Revision::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<GoalChange> changes = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            Revision revision = revisions.get(i);
            DatedValue next = i + 1 < revisions.size() ? revisions.get(i + 1).goal() : target.goal();
            if (revision.goal() != null && next != null) {
                changes.add(GoalChange.between(revision.date(), revision.goal(), next, revision.reason(),
                        direction == null ? Direction.INCREASE : direction, target.baseline()));
            }
        }
        return changes;
    }
}
