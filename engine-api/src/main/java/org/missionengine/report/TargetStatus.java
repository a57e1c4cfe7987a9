package org.missionengine.report;

/** Where a target stands at the evaluation date. */
public enum TargetStatus {
    ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, MISSED, NO_DATA
}
