package org.missionengine.report;

/** Where a target stands at the evaluation date. */
public enum TargetStatus {
    /** The goal is reached (on or before its date). */
    ACHIEVED,
    /** The trend reaches the goal by its date. */
    ON_TRACK,
    /** The trend closes most of the gap by the goal date (at least {@code trajectory.atRiskClosure}), not all. */
    AT_RISK,
    /** The trend closes less of the gap than that, or moves away from the goal. */
    OFF_TRACK,
    /** The goal date has passed and the goal was not reached. */
    MISSED,
    /** Too few observations since launch to draw a trend. */
    NO_DATA
}
