package org.missionengine.model;

import java.time.LocalDate;

/** A measured value of a metric at a date; {@code mission} narrows it to one mission when the metric is shared. */
public record Observation(String metric, String mission, LocalDate date, double value, String source) {
    public Observation {
        Checks.requireId(metric, "observation metric");
        if (date == null) {
            throw new IllegalArgumentException("observation of metric \"" + metric + "\" needs a date");
        }
        Checks.finiteOrNull(value, "observation value");
    }

    /** True when this observation counts for the given mission. */
    public boolean appliesTo(String missionId) {
        return mission == null || mission.equals(missionId);
    }
}
