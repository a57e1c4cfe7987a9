package org.missionengine.model;

/** Where a project is in its life. */
public enum ProjectStatus {
    /** Decided, not started. */
    PLANNED,
    /** Under way. */
    ACTIVE,
    /** Finished as planned. */
    COMPLETED,
    /** Ended early: the mission learnt from it and moved on. */
    STOPPED
}
