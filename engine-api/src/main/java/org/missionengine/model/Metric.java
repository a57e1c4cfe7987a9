package org.missionengine.model;

/** Something a mission measures. A binary metric is a yes/no achievement (baseline 0, goal 1). */
public record Metric(String id, String name, String unit, MetricKind kind, Direction direction, boolean binary) {
    public Metric {
        Checks.requireId(id, "metric", "id");
        if (direction == null) {
            direction = Direction.INCREASE;
        }
    }

    /** True for metrics that measure what the mission is for rather than what it spends or produces. */
    public boolean isOutcome() {
        return kind == MetricKind.OUTCOME || kind == MetricKind.IMPACT;
    }
}
