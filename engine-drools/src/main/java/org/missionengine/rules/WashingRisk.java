package org.missionengine.rules;

import java.util.Set;

/** Fact inserted by the rating pack: the mission-washing risk (0..1) and the washing codes it rests on. */
public record WashingRisk(double value, Set<String> codes) {
    public WashingRisk {
        value = Scores.round(value);
        codes = Set.copyOf(codes);
    }
}
