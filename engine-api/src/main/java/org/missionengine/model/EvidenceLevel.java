package org.missionengine.model;

/** Whether a spillover intensity is an estimate or was observed. */
public enum EvidenceLevel {
    /** An estimate or a model's figure. */
    ESTIMATED,
    /** Measured. */
    OBSERVED
}
