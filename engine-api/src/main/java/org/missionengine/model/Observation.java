package org.missionengine.model;

import java.time.LocalDate;

/**
 * A measured value of a metric at a date.
 *
 * @param metric  the metric's id
 * @param mission the mission it counts for when several share the metric; null for all of them
 * @param date    the date of the measurement
 * @param value   the value, finite
 * @param source  where it comes from (a statistics table, a report), or null
 */
public record Observation(String metric, String mission, LocalDate date, double value, String source) {
    /**
     * Checks the metric id, the date and the value.
     *
     * @param metric  the metric's id
     * @param mission the mission it counts for when several share the metric; null for all of them
     * @param date    the date of the measurement
     * @param value   the value, finite
     * @param source  where it comes from (a statistics table, a report), or null
     * @throws InvalidFieldException if the metric or the date is missing, or the value is not finite
     */
    public Observation {
        Checks.requireId(metric, "observation metric", "metric",
                "Name the metric observed: an id from \"metrics\".");
        if (date == null) {
            throw Checks.invalid("date", "observation of metric \"" + metric + "\"", "needs a date",
                    "Give the date of the measurement: \"date\": \"2024-12-31\".");
        }
        Checks.finiteOrNull(value, "observation value", "value");
    }

    /**
     * Whether this observation counts for a mission.
     *
     * @param missionId the mission
     * @return true when it names that mission or none
     */
    public boolean appliesTo(String missionId) {
        return mission == null || mission.equals(missionId);
    }
}
