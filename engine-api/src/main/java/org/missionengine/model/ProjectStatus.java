package org.missionengine.model;

/** Where a project is in its life. */
public enum ProjectStatus {
    PLANNED, ACTIVE, COMPLETED, STOPPED
}
