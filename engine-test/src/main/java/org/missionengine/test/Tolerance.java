package org.missionengine.test;

/**
 * How far a number may be from the expected one and still match: {@code |actual - expected| <= amount}, or, for large
 * numbers, {@code amount} relative to the expected value. Get one with {@link MissionAssertions#within(double)}.
 *
 * @param amount a non-negative, finite number
 */
public record Tolerance(double amount) {
    /** What numbers are compared with when no tolerance is given: 1e-6 (absolute, or relative for large values). */
    public static final Tolerance DEFAULT = new Tolerance(1e-6);

    /**
     * Checks the amount.
     *
     * @param amount a non-negative, finite number
     * @throws IllegalArgumentException naming the amount when it is negative, NaN or infinite
     */
    public Tolerance {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("a tolerance must be a finite number >= 0, got " + amount);
        }
    }

    /**
     * Whether {@code actual} is within this tolerance of {@code expected}, absolutely or relative to {@code expected}.
     *
     * @param expected the expected value
     * @param actual   the value found
     * @return true when it is; false when either is NaN
     */
    public boolean matches(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        double difference = Math.abs(actual - expected);
        return difference <= amount || difference <= amount * Math.abs(expected);
    }

    @Override
    public String toString() {
        return "±" + Values.format(amount);
    }
}
