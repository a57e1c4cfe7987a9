package org.missionengine.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.missionengine.model.Actor;
import org.missionengine.model.Metric;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Target;
import org.missionengine.report.ValueAssessment;
import org.missionengine.rules.TargetTrajectory;

/**
 * The facts one mission's session sees: the mission, its projects and targets, the metrics and actors they refer to,
 * the observations of its metrics known on the evaluation date, each target's trajectory and each project's value.
 * Portfolio-wide facts (other missions) are kept out so that each mission evaluates on its own.
 */
record MissionFacts(List<Object> all, List<TargetTrajectory> trajectories, ValueAssessment value) {

    /** The mission's facts, its observations looked up in the portfolio's index. */
    static MissionFacts of(Mission mission, PortfolioIndex index, LocalDate asOf, ValueModel values) {
        return of(mission, index, asOf, values, null);
    }

    /**
     * The mission's facts of the types some rule reads ({@code wanted}; null for every fact), with every target's
     * trajectory (what a batch uses): the rest is not even gathered, since walking a mission's projects for facts no
     * rule reads was most of what an engine of a few rules spent on a mission.
     */
    static MissionFacts of(Mission mission, PortfolioIndex index, LocalDate asOf, ValueModel values,
                           MatchedTypes wanted) {
        boolean projectMetrics = wanted == null || wanted.matches(Metric.class) || wanted.matches(Observation.class);
        Set<String> metricIds = metricIds(mission, projectMetrics);
        return of(mission, metricIds, index.metrics, index.actors, index.observations(mission.id(), metricIds), asOf,
                values, wanted);
    }

    /**
     * The mission's facts, its observations searched in the whole portfolio: one pass over every observation per
     * call, so evaluating many missions should go through a {@link PortfolioIndex} instead.
     */
    static MissionFacts of(Mission mission, Portfolio portfolio, Map<String, Metric> metrics,
                           Map<String, Actor> actors, LocalDate asOf, ValueModel values) {
        Set<String> metricIds = metricIds(mission, true);
        return of(mission, metricIds, metrics, actors, observations(mission, portfolio, metricIds, asOf), asOf, values,
                null);
    }

    private static MissionFacts of(Mission mission, Set<String> metricIds, Map<String, Metric> metrics,
                                   Map<String, Actor> actors, List<Observation> observations, LocalDate asOf,
                                   ValueModel values, MatchedTypes wanted) {
        // the targets' goals in force on asOf: a revision made later was not known then, and rules must not see it
        mission = mission.asOf(asOf);
        List<Object> facts = new ArrayList<>(1 + mission.projects().size() * 2 + mission.targets().size() * 2
                + metricIds.size() + observations.size() + 16);
        facts.add(mission);
        if (wanted == null || wanted.matches(Project.class)) {
            facts.addAll(mission.projects());
        }
        if (wanted == null || wanted.matches(Target.class)) {
            facts.addAll(mission.targets());
        }
        if (wanted == null || wanted.matches(Actor.class)) {
            Set<String> actorIds = new HashSet<>();
            for (Project project : mission.projects()) {
                if (project.recipient() != null && actorIds.add(project.recipient())) {
                    facts.add(actors.get(project.recipient()));
                }
            }
        }
        if (wanted == null || wanted.matches(Metric.class)) {
            for (String id : metricIds) {
                facts.add(metrics.get(id));
            }
        }
        if (wanted == null || wanted.matches(Observation.class)) {
            facts.addAll(observations);
        }
        List<TargetTrajectory> trajectories = Trajectories.of(mission, metrics, observations, asOf);
        facts.addAll(trajectories);
        ValueAssessment value = values == null ? null : values.of(mission); // null: no value view wanted
        if (value != null) {
            facts.addAll(value.projects());
        }
        return new MissionFacts(facts, trajectories, value);
    }

    /** The metrics the mission's targets and (if {@code projects}) projects refer to, targets' first. */
    private static Set<String> metricIds(Mission mission, boolean projects) {
        Set<String> metricIds = new LinkedHashSet<>();
        for (Target target : mission.targets()) {
            if (target.metric() != null) {
                metricIds.add(target.metric());
            }
        }
        if (projects) {
            for (Project project : mission.projects()) {
                metricIds.addAll(project.contributesTo());
            }
        }
        return metricIds;
    }

    /** The mission's observations known on {@code asOf}, oldest first. */
    static List<Observation> observations(Mission mission, Portfolio portfolio, Set<String> metricIds, LocalDate asOf) {
        return portfolio.observations().stream()
                .filter(o -> metricIds.contains(o.metric()) && o.appliesTo(mission.id()) && !o.date().isAfter(asOf))
                .sorted(Comparator.comparing(Observation::date))
                .toList();
    }
}
