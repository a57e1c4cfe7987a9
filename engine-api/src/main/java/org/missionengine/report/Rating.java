package org.missionengine.report;

/** The overall verdict on a mission, best first. */
public enum Rating {
    STRONG, PROMISING, WEAK, MISSION_WASHING
}
