package org.missionengine.drools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.missionengine.InvalidRulesException;
import org.missionengine.Problem;
import org.missionengine.model.Mission;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;
import org.missionengine.rules.CriterionScore;
import org.missionengine.rules.MissionScores;
import org.missionengine.rules.RatingVerdict;
import org.missionengine.rules.TargetTrajectory;
import org.missionengine.rules.TargetVerdict;

/** Reads a session's resulting facts into the report model, applying severity overrides. */
final class ReportAssembler {
    /**
     * Most severe first, then by code and subject; to the last tie-break on message and evidence, because one rule may
     * report one subject twice (a country share per member state) and the order the rules fired in is no order: it
     * differs between a session of the whole portfolio and one of a Spark partition.
     */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::code).thenComparing(f -> f.subject() == null ? "" : f.subject())
            .thenComparing(f -> f.rule() == null ? "" : f.rule())
            .thenComparing(f -> f.message() == null ? "" : f.message())
            .thenComparing(f -> f.evidence().toString());

    private final Map<String, Severity> severities;
    private final boolean ratingPackEnabled;

    /**
     * @param ratingPackEnabled whether the built-in rating pack has rules enabled, so that a mission left without a
     *                          rating can be explained
     */
    ReportAssembler(Map<String, Severity> severities, boolean ratingPackEnabled) {
        this.severities = severities;
        this.ratingPackEnabled = ratingPackEnabled;
    }

    MissionReport mission(Mission mission, MissionFacts facts, List<Object> results) {
        Map<String, TargetStatus> statuses = new java.util.HashMap<>();
        Map<Criterion, Double> criteria = new EnumMap<>(Criterion.class);
        List<MissionScores> scores = new ArrayList<>(1);
        List<RatingVerdict> verdicts = new ArrayList<>(1);
        for (Object fact : results) {
            if (fact instanceof CriterionScore score) {
                criteria.put(score.criterion(), score.score());
            } else if (fact instanceof TargetVerdict verdict) {
                statuses.put(verdict.targetId(), verdict.status());
            } else if (fact instanceof MissionScores s) {
                scores.add(s);
            } else if (fact instanceof RatingVerdict verdict) {
                verdicts.add(verdict);
            }
        }
        List<TargetAssessment> targets = facts.trajectories().stream()
                .map(t -> assessment(t, statuses.get(t.targetId()))).toList();
        if (!ratingPackEnabled && verdicts.isEmpty() && scores.isEmpty()) {
            // no rating rules at all (the rating pack disabled, none of the agency's own): findings only, not rated
            return new MissionReport(mission.id(), mission.title(), null, null, null, 0, null, null, null, criteria,
                    targets, facts.value(), findings(results));
        }
        RatingVerdict verdict = one(mission, verdicts);
        MissionScores s = oneScores(mission, scores);
        return new MissionReport(mission.id(), mission.title(), verdict.rating(), verdict.reason(), s.score(),
                s.washingRisk(), s.evidence(), s.delivery(), s.design(), criteria, targets, facts.value(),
                findings(results));
    }

    /** Exactly one rating per mission: none or two is a mistake in the rating rules, named for whoever wrote them. */
    private RatingVerdict one(Mission mission, List<RatingVerdict> verdicts) {
        if (verdicts.size() == 1) {
            return verdicts.get(0);
        }
        if (verdicts.isEmpty()) {
            throw new InvalidRulesException(Problem.at(ratingPacks(), "mission \"" + mission.id() + "\" got no rating: "
                    + "no rule rated it", "A rating pack must rate every mission once (ctx.rate(drools, Rating.X, "
                    + "reason)); " + (ratingPackEnabled ? "check the conditions of the rules that call ctx.rate, or "
                    + "the rules disabled" : "the built-in pack \"rating\" is disabled, so a pack of yours must "
                    + "take its place") + "."));
        }
        String who = verdicts.stream().map(v -> v.rating() + " from rule \"" + v.rule() + "\" (pack \"" + v.pack()
                + "\")").sorted().collect(java.util.stream.Collectors.joining(" and "));
        throw new InvalidRulesException(Problem.at(verdicts.stream().map(v -> "pack \"" + v.pack() + "\"").distinct()
                .sorted().collect(java.util.stream.Collectors.joining(", ")), "mission \"" + mission.id()
                + "\" got " + verdicts.size() + " ratings: " + who, "Each mission takes exactly one rating: make the "
                + "conditions of these rules exclude each other, or disable one of them (--disable with the rule's "
                + "name, or the pack's id)."));
    }

    private MissionScores oneScores(Mission mission, List<MissionScores> scores) {
        if (scores.size() == 1) {
            return scores.get(0);
        }
        throw new InvalidRulesException(Problem.at(ratingPacks(), "mission \"" + mission.id() + "\" got "
                + (scores.isEmpty() ? "no" : String.valueOf(scores.size())) + " MissionScores facts, one expected",
                "The rating pack's rule \"Score the mission\" inserts one MissionScores per mission; a pack that "
                + "replaces it must insert exactly one too."));
    }

    private String ratingPacks() {
        return ratingPackEnabled ? "pack \"rating\"" : "the rating rules (pack \"rating\" is disabled)";
    }

    private static TargetAssessment assessment(TargetTrajectory t, TargetStatus status) {
        // an achieved target requires nothing more: a rate "required" to reach it would mislead
        Double required = status == TargetStatus.ACHIEVED ? null : t.requiredRatePerYear();
        // a target that cannot be judged (a trend over too short a span, say) shows no projection to judge it by
        boolean judged = status != TargetStatus.NO_DATA;
        return new TargetAssessment(t.targetId(), t.target().metric(), t.metric() == null ? null : t.metric().unit(),
                status, t.target().baseline(), t.goal(), t.latest(), t.trendPerYear(), judged ? t.projected() : null,
                t.gapClosure(), judged ? t.projectedClosure() : null, required, t.bestYearlyRate(), t.bauTrendPerYear(),
                t.bauProjection(), t.observations());
    }

    List<Finding> findings(List<Object> results) {
        return results.stream().filter(Finding.class::isInstance).map(Finding.class::cast)
                .map(f -> f.code() != null && severities.containsKey(f.code()) ? f.withSeverity(severities.get(f.code())) : f)
                .sorted(ORDER).toList();
    }
}
