package org.missionengine.model;

/** Whether a spillover intensity is an estimate or was observed. */
public enum EvidenceLevel {
    ESTIMATED, OBSERVED
}
