package org.missionengine.model;

/**
 * Something a mission measures. A binary metric is a yes/no achievement (baseline 0, goal 1). {@code min} and
 * {@code max}, when given, bound the values the metric can take (0 for emissions, 100 for a percentage):
 * projections never leave them.
 *
 * @param id        the metric's id, unique in the portfolio
 * @param name      what it measures, in words
 * @param unit      the unit of its values, such as {@code MtCO2e} or {@code %}
 * @param kind      what it measures: an outcome or impact (what a mission is for), an output or an input
 * @param direction whether the mission wants it to go up or down; {@link Direction#INCREASE} when not given
 * @param binary    true for a yes/no achievement: baseline 0, goal 1
 * @param min       the lowest value it can take; null for no bound
 * @param max       the highest value it can take; null for no bound
 */
public record Metric(String id, String name, String unit, MetricKind kind, Direction direction, boolean binary,
                     Double min, Double max) {
    /**
     * Checks the id and the bounds; a null {@code direction} is INCREASE.
     *
     * @param id        the metric's id: not empty
     * @param name      what it measures
     * @param unit      the unit of its values
     * @param kind      what it measures
     * @param direction up or down, or null for up
     * @param binary    whether it is a yes/no achievement
     * @param min       the lowest value, finite, or null
     * @param max       the highest value, finite, or null
     * @throws InvalidFieldException naming the field and the value when the id is empty or a bound is not finite
     */
    public Metric {
        Checks.requireId(id, "metric", "id");
        if (direction == null) {
            direction = Direction.INCREASE;
        }
        Checks.finiteOrNull(min, "metric \"" + id + "\" min", "min");
        Checks.finiteOrNull(max, "metric \"" + id + "\" max", "max");
        // min above max is refused where the portfolio is checked (PortfolioChecks), with the metric's path
    }

    /**
     * Whether the bounds make a range (a portfolio refuses a metric whose bounds do not).
     *
     * @return true unless both bounds are given and {@code min} is above {@code max}
     */
    public boolean boundsConsistent() {
        return min == null || max == null || min <= max;
    }

    /**
     * A metric without bounds.
     *
     * @param id        the metric's id
     * @param name      what it measures
     * @param unit      the unit of its values
     * @param kind      what it measures
     * @param direction up or down, or null for up
     * @param binary    whether it is a yes/no achievement
     */
    public Metric(String id, String name, String unit, MetricKind kind, Direction direction, boolean binary) {
        this(id, name, unit, kind, direction, binary, null, null);
    }

    /**
     * The value held within {@code min} and {@code max}, where they are given: what a projection may reach.
     *
     * @param value a value of the metric, such as a projection
     * @return the nearest value within the bounds; {@code value} itself when the bounds are inconsistent
     */
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

    /**
     * Whether a value lies within {@code min} and {@code max}, where they are given.
     *
     * @param value a value of the metric
     * @return true when it does, or when the bounds are inconsistent (the bounds are then the mistake)
     */
    public boolean admits(double value) {
        if (!boundsConsistent()) {
            return true; // no range to hold values to: the bounds themselves are the mistake
        }
        return (min == null || value >= min) && (max == null || value <= max);
    }

    /**
     * Whether the metric measures what the mission is for rather than what it spends or produces.
     *
     * @return true for OUTCOME and IMPACT metrics
     */
    public boolean isOutcome() {
        return kind == MetricKind.OUTCOME || kind == MetricKind.IMPACT;
    }
}
