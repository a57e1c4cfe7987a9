package org.missionengine.model;

import java.time.LocalDate;

/**
 * A value at a date: a target's baseline or goal. Either part may be missing in a weakly specified
 * mission; the rules report what is missing rather than the reader refusing it.
 */
public record DatedValue(Double value, LocalDate date) {
    public DatedValue {
        Checks.finiteOrNull(value, "value", "value");
    }

    public static DatedValue of(double value, LocalDate date) {
        return new DatedValue(value, date);
    }

    /** True when both the value and the date are present. */
    public boolean complete() {
        return value != null && date != null;
    }
}
