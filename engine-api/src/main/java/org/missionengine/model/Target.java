package org.missionengine.model;

import java.util.List;

/**
 * A mission's commitment on one metric: from a baseline to a goal. {@code id} defaults to the metric id;
 * {@code revisions} hold the earlier goals so that weakened targets can be seen.
 *
 * @param id        the target's id, unique in its mission; the metric's id when null or blank
 * @param metric    the metric's id
 * @param baseline  where the metric stood, or null when not given
 * @param goal      where it is to be by when, or null when not given
 * @param revisions earlier goals, oldest first
 */
public record Target(String id, String metric, DatedValue baseline, DatedValue goal, List<Revision> revisions) {
    /**
     * Copies {@code revisions}; null is none.
     *
     * @param id        the target's id, unique in its mission; the metric's id when null or blank
     * @param metric    the metric's id
     * @param baseline  where the metric stood, or null when not given
     * @param goal      where it is to be by when, or null when not given
     * @param revisions earlier goals, oldest first
     */
    public Target {
        if (id == null || id.isBlank()) {
            id = metric;
        }
        revisions = Checks.list(revisions, "revisions");
    }

    /**
     * A target named after its metric, never revised.
     *
     * @param metric   the metric's id
     * @param baseline where the metric stood, or null
     * @param goal     where it is to be by when, or null
     */
    public Target(String metric, DatedValue baseline, DatedValue goal) {
        this(metric, metric, baseline, goal, List.of());
    }

    /**
     * The target as it stood on a date: the revisions made after that day were not known yet, and the goal in force
     * was the one the first of them replaced. An evaluation as of a past date judges the goal of that date, not one
     * set later.
     *
     * @param date the evaluation date
     * @return this target when no revision is dated after {@code date}; otherwise a copy with the goal in force then
     *         and the revisions made up to then
     */
    public Target asOf(java.time.LocalDate date) {
        Revision firstLater = null;
        for (Revision revision : revisions) {
            if (revision.date() != null && revision.date().isAfter(date)
                    && (firstLater == null || revision.date().isBefore(firstLater.date()))) {
                firstLater = revision;
            }
        }
        if (firstLater == null) {
            return this;
        }
        List<Revision> known = revisions.stream()
                .filter(r -> r.date() == null || !r.date().isAfter(date)).toList();
        return new Target(id, metric, baseline, firstLater.goal(), known);
    }

    /**
     * Whether the target has a numeric goal and a goal date.
     *
     * @return true when the goal is complete
     */
    public boolean hasMeasurableGoal() {
        return goal != null && goal.complete();
    }
}
