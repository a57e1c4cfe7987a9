package org.missionengine.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation of one mission: verdict, the figures behind it (all 0..1), criteria scores, targets, value and the
 * findings behind them.
 *
 * @param rating       the verdict; null when no rule rates missions (the rating pack disabled, none of one's own)
 * @param ratingReason one line saying why, e.g. "STRONG: outcome targets on course, score 0.87 (...)"
 * @param score        the outcome-oriented score the rating rests on; null when not rated
 * @param washingRisk  the weighted signs of mission washing on record (0 when not rated)
 * @param evidence     the weighted share of the mission's evidence items that the portfolio records; null when not
 *                     rated
 * @param delivery     how far the outcome and impact targets are getting; null while none has data
 * @param design       the mean of the criteria scores that could be assessed; null when none could
 * @param criteria     each criterion's score, the share of its assessed checks passed; a criterion none of whose
 *                     checks could be assessed is left out
 */
public record MissionReport(String id, String title, Rating rating, String ratingReason, Double score,
                           double washingRisk, Double evidence, Double delivery, Double design,
                           Map<Criterion, Double> criteria, List<TargetAssessment> targets, ValueAssessment value,
                           List<Finding> findings) {
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
