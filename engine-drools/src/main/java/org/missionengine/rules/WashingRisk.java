package org.missionengine.rules;

import java.util.Set;

/**
 * Fact inserted by the rating pack: the mission-washing risk (0..1) and the washing codes it rests on.
 *
 * @param value the risk: the weighted MW_* findings on record, 0..1, to 4 decimals
 * @param codes the MW_* codes of the mission's findings that count in it
 */
public record WashingRisk(double value, Set<String> codes) {
    /**
     * Rounds the risk to 4 decimals and copies the codes.
     *
     * @param value the risk, 0..1
     * @param codes the codes it rests on
     */
    public WashingRisk {
        value = Scores.round(value);
        codes = Set.copyOf(codes);
    }
}
