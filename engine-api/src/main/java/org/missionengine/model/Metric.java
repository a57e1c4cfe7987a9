package org.missionengine.model;

/**
 * Something a mission measures. A binary metric is a yes/no achievement (baseline 0, goal 1). {@code min} and
 * {@code max}, when given, bound the values the metric can take (0 for emissions, 100 for a percentage):
 * projections never leave them.
 */
public record Metric(String id, String name, String unit, MetricKind kind, Direction direction, boolean binary,
                     Double min, Double max) {
    public Metric {
        Checks.requireId(id, "metric", "id");
        if (direction == null) {
            direction = Direction.INCREASE;
        }
        Checks.finiteOrNull(min, "metric \"" + id + "\" min", "min");
        Checks.finiteOrNull(max, "metric \"" + id + "\" max", "max");
        // min above max is refused where the portfolio is checked (PortfolioChecks), with the metric's path
    }

    /** True when the metric's bounds make a range: no min above its max. */
    public boolean boundsConsistent() {
        return min == null || max == null || min <= max;
    }

    /** A metric without bounds. */
    public Metric(String id, String name, String unit, MetricKind kind, Direction direction, boolean binary) {
        this(id, name, unit, kind, direction, binary, null, null);
    }

    /** The value held within {@code min} and {@code max}, where they are given. */
    public double clamp(double value) {
        if (!boundsConsistent()) {
            return value;
        }
        double v = value;
        if (min != null && v < min) {
            v = min;
        }
        if (max != null && v > max) {
            v = max;
        }
        return v;
    }

    /** True when the value lies within {@code min} and {@code max}, where they are given. */
    public boolean admits(double value) {
        if (!boundsConsistent()) {
            return true; // no range to hold values to: the bounds themselves are the mistake
        }
        return (min == null || value >= min) && (max == null || value <= max);
    }

    /** True for metrics that measure what the mission is for rather than what it spends or produces. */
    public boolean isOutcome() {
        return kind == MetricKind.OUTCOME || kind == MetricKind.IMPACT;
    }
}
