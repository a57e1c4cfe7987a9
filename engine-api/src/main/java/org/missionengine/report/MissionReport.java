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
 * @param id           the mission's id
 * @param title        the mission's title
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
 * @param targets      each target's trajectory and status, in the mission's order
 * @param value        the cost-benefit and mission views of the projects' value; null when no project has cash
 *                     flows or the value view is disabled
 * @param findings     the findings on the mission, its projects and its targets
 */
public record MissionReport(String id, String title, Rating rating, String ratingReason, Double score,
                           double washingRisk, Double evidence, Double delivery, Double design,
                           Map<Criterion, Double> criteria, List<TargetAssessment> targets, ValueAssessment value,
                           List<Finding> findings) {
    /**
     * Copies the lists and the criteria; a null list or map is empty.
     *
     * @param id           the mission's id
     * @param title        the mission's title
     * @param rating       the verdict, or null when not rated
     * @param ratingReason why, in one line
     * @param score        the score the rating rests on, or null
     * @param washingRisk  the weighted signs of mission washing, 0..1
     * @param evidence     the weighted share of evidence items recorded, or null
     * @param delivery     the outcome targets' progress, or null
     * @param design       the mean assessed criteria score, or null
     * @param criteria     the assessed criteria's scores
     * @param targets      the targets' assessments
     * @param value        the value view, or null
     * @param findings     the findings
     */
    public MissionReport {
        criteria = criteria == null || criteria.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(criteria));
        targets = targets == null ? List.of() : List.copyOf(targets);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * The findings with a given code.
     *
     * @param code a finding code such as {@code MW_NO_NEW_MONEY}
     * @return those findings, in report order; empty when there is none
     */
    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    /**
     * Whether the mission got a finding with a given code.
     *
     * @param code a finding code such as {@code MW_NO_NEW_MONEY}
     * @return true when at least one finding has it
     */
    public boolean hasFinding(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    /**
     * One target's assessment.
     *
     * @param id the target's id (the metric's id unless the portfolio gives the target its own)
     * @return the assessment, or empty when the mission has no such target
     */
    public Optional<TargetAssessment> target(String id) {
        return targets.stream().filter(t -> t.target().equals(id)).findFirst();
    }
}
