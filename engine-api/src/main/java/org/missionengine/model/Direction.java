package org.missionengine.model;

/** Whether progress on a metric means its value going up or down. */
public enum Direction {
    /** Progress is the value going up. */
    INCREASE,
    /** Progress is the value going down. */
    DECREASE
}
