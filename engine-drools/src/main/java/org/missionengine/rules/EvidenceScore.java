package org.missionengine.rules;

/** Fact inserted by the evidence pack: the weighted share of the mission's evidence items that are recorded (0..1). */
public record EvidenceScore(double value) {
    public EvidenceScore {
        value = Scores.round(value);
    }
}
