package org.missionengine.drools;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.missionengine.model.Mission;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Rating;
import org.missionengine.report.Severity;
import org.missionengine.rules.CriterionScore;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;
import org.missionengine.rules.RatingVote;
import org.missionengine.rules.TargetTrajectory;
import org.missionengine.rules.TargetVerdict;
import org.missionengine.rules.WashingRisk;

/** Reads a session's resulting facts into the report model, applying severity overrides. */
final class ReportAssembler {
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::code).thenComparing(f -> f.subject() == null ? "" : f.subject())
            .thenComparing(Finding::rule);

    private final Map<String, Severity> severities;

    ReportAssembler(Map<String, Severity> severities) {
        this.severities = severities;
    }

    MissionReport mission(Mission mission, MissionFacts facts, List<Object> results) {
        Map<String, TargetStatus> statuses = new java.util.HashMap<>();
        Map<Criterion, Double> criteria = new EnumMap<>(Criterion.class);
        double washingRisk = 0;
        Rating rating = null;
        for (Object fact : results) {
            if (fact instanceof CriterionScore score) {
                criteria.put(score.criterion(), score.score());
            } else if (fact instanceof WashingRisk risk) {
                washingRisk = risk.value();
            } else if (fact instanceof TargetVerdict verdict) {
                statuses.put(verdict.targetId(), verdict.status());
            } else if (fact instanceof RatingVote vote && (rating == null || vote.rating().compareTo(rating) > 0)) {
                rating = vote.rating();
            }
        }
        List<TargetAssessment> targets = facts.trajectories().stream()
                .map(t -> assessment(t, statuses.get(t.targetId()))).toList();
        return new MissionReport(mission.id(), mission.title(), rating, washingRisk, criteria, targets, facts.value(),
                findings(results));
    }

    private static TargetAssessment assessment(TargetTrajectory t, TargetStatus status) {
        return new TargetAssessment(t.targetId(), t.target().metric(), t.metric() == null ? null : t.metric().unit(),
                status, t.target().baseline(), t.goal(), t.latest(), t.trendPerYear(), t.projected(), t.gapClosure(),
                t.projectedClosure(), t.requiredRatePerYear(), t.bestYearlyRate(), t.bauTrendPerYear(),
                t.bauProjection(), t.observations());
    }

    List<Finding> findings(List<Object> results) {
        return results.stream().filter(Finding.class::isInstance).map(Finding.class::cast)
                .map(f -> f.code() != null && severities.containsKey(f.code()) ? f.withSeverity(severities.get(f.code())) : f)
                .sorted(ORDER).toList();
    }
}
