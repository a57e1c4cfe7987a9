package org.missionengine.test;

import java.util.function.Function;

import org.missionengine.report.MissionReport;

/** The figures of a mission's report that scenarios and assertions can expect, each 0..1. */
enum Figure {
    SCORE("score", "score", MissionReport::score),
    WASHING_RISK("washingRisk", "washing risk", MissionReport::washingRisk),
    EVIDENCE("evidence", "evidence", MissionReport::evidence),
    DELIVERY("delivery", "delivery", MissionReport::delivery),
    DESIGN("design", "design", MissionReport::design);

    private final String field;
    private final String label;
    private final Function<MissionReport, Double> value;

    Figure(String field, String label, Function<MissionReport, Double> value) {
        this.field = field;
        this.label = label;
        this.value = value;
    }

    /** The scenario file's field name. */
    String field() {
        return field;
    }

    String label() {
        return label;
    }

    /** The mission's figure; null when it has none (no delivery while no outcome target has data). */
    Double of(MissionReport mission) {
        return value.apply(mission);
    }
}
