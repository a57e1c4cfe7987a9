package org.missionengine.rules;

/**
 * Fact inserted by the evidence pack: the weighted share of the mission's evidence items that are recorded (0..1).
 *
 * @param value the share, 0..1, to 4 decimals
 */
public record EvidenceScore(double value) {
    /**
     * Rounds the share to 4 decimals.
     *
     * @param value the share, 0..1
     */
    public EvidenceScore {
        value = Scores.round(value);
    }
}
