package org.missionengine.model;

import java.time.LocalDate;

/** A measured value of a metric at a date; {@code mission} narrows it to one mission when the metric is shared. */
public record Observation(String metric, String mission, LocalDate date, double value, String source) {
    public Observation {
        Checks.requireId(metric, "observation metric", "metric",
                "Name the metric observed: an id from \"metrics\".");
        if (date == null) {
            throw Checks.invalid("date", "observation of metric \"" + metric + "\"", "needs a date",
                    "Give the date of the measurement: \"date\": \"2024-12-31\".");
        }
        Checks.finiteOrNull(value, "observation value", "value");
    }

    /** True when this observation counts for the given mission. */
    public boolean appliesTo(String missionId) {
        return mission == null || mission.equals(missionId);
    }
}
