package org.missionengine.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The evaluation of one mission: verdict, criteria scores (0..1), targets, value and the findings behind them. */
public record MissionReport(String id, String title, Rating rating, double washingRisk, Map<Criterion, Double> criteria,
                           List<TargetAssessment> targets, ValueAssessment value, List<Finding> findings) {
    public MissionReport {
        criteria = criteria == null || criteria.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(criteria));
        targets = targets == null ? List.of() : List.copyOf(targets);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The findings with a given code. */
    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    public boolean hasFinding(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    public Optional<TargetAssessment> target(String id) {
        return targets.stream().filter(t -> t.target().equals(id)).findFirst();
    }
}
