package org.missionengine.model;

/** Whether progress on a metric means its value going up or down. */
public enum Direction {
    INCREASE, DECREASE
}
