package org.missionengine.model;

import java.util.List;

/**
 * A mission's commitment on one metric: from a baseline to a goal. {@code id} defaults to the metric id;
 * {@code revisions} hold the earlier goals so that weakened targets can be seen.
 */
public record Target(String id, String metric, DatedValue baseline, DatedValue goal, List<Revision> revisions) {
    public Target {
        if (id == null || id.isBlank()) {
            id = metric;
        }
        revisions = Checks.list(revisions, "revisions");
    }

    public Target(String metric, DatedValue baseline, DatedValue goal) {
        this(metric, metric, baseline, goal, List.of());
    }

    /** True when the target has a numeric goal and a goal date. */
    public boolean hasMeasurableGoal() {
        return goal != null && goal.complete();
    }
}
