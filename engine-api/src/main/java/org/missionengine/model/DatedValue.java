package org.missionengine.model;

import java.time.LocalDate;

/**
 * A value at a date: a target's baseline or goal. Either part may be missing in a weakly specified
 * mission; the rules report what is missing rather than the reader refusing it.
 *
 * @param value the value, or null when not given
 * @param date  the date, or null when not given
 */
public record DatedValue(Double value, LocalDate date) {
    /**
     * Checks that the value is finite.
     *
     * @param value the value, or null when not given
     * @param date  the date, or null when not given
     * @throws InvalidFieldException if the value is not finite
     */
    public DatedValue {
        Checks.finiteOrNull(value, "value", "value");
    }

    /**
     * A value at a date.
     *
     * @param value the value
     * @param date  the date
     * @return the dated value
     */
    public static DatedValue of(double value, LocalDate date) {
        return new DatedValue(value, date);
    }

    /**
     * Whether both parts are present.
     *
     * @return true when the value and the date are both given
     */
    public boolean complete() {
        return value != null && date != null;
    }
}
