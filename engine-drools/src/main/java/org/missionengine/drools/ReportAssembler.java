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
import org.missionengine.rules.RatingVote;
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

    MissionReport mission(Mission mission, List<Object> results) {
        Map<Criterion, Double> criteria = new EnumMap<>(Criterion.class);
        double washingRisk = 0;
        Rating rating = null;
        for (Object fact : results) {
            if (fact instanceof CriterionScore score) {
                criteria.put(score.criterion(), score.score());
            } else if (fact instanceof WashingRisk risk) {
                washingRisk = risk.value();
            } else if (fact instanceof RatingVote vote && (rating == null || vote.rating().compareTo(rating) > 0)) {
                rating = vote.rating();
            }
        }
        return new MissionReport(mission.id(), mission.title(), rating, washingRisk, criteria, List.of(), null,
                findings(results));
    }

    List<Finding> findings(List<Object> results) {
        return results.stream().filter(Finding.class::isInstance).map(Finding.class::cast)
                .map(f -> f.code() != null && severities.containsKey(f.code()) ? f.withSeverity(severities.get(f.code())) : f)
                .sorted(ORDER).toList();
    }
}
