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

    /** The mission's facts, its observations looked up in the portfolio's index (what a batch uses). */
    static MissionFacts of(Mission mission, PortfolioIndex index, LocalDate asOf, ValueModel values) {
        Set<String> metricIds = metricIds(mission);
        return of(mission, metricIds, index.metrics, index.actors, index.observations(mission.id(), metricIds), asOf,
                values);
    }

    /**
     * The mission's facts, its observations searched in the whole portfolio: one pass over every observation per
     * call, so evaluating many missions should go through a {@link PortfolioIndex} instead.
     */
    static MissionFacts of(Mission mission, Portfolio portfolio, Map<String, Metric> metrics,
                           Map<String, Actor> actors, LocalDate asOf, ValueModel values) {
        Set<String> metricIds = metricIds(mission);
        return of(mission, metricIds, metrics, actors, observations(mission, portfolio, metricIds, asOf), asOf, values);
    }

    private static MissionFacts of(Mission mission, Set<String> metricIds, Map<String, Metric> metrics,
                                   Map<String, Actor> actors, List<Observation> observations, LocalDate asOf,
                                   ValueModel values) {
        List<Object> facts = new ArrayList<>(1 + mission.projects().size() * 2 + mission.targets().size() * 2
                + metricIds.size() + observations.size() + 16);
        facts.add(mission);
        facts.addAll(mission.projects());
        facts.addAll(mission.targets());
        Set<String> actorIds = new HashSet<>();
        for (Project project : mission.projects()) {
            if (project.recipient() != null && actorIds.add(project.recipient())) {
                facts.add(actors.get(project.recipient()));
            }
        }
        for (String id : metricIds) {
            facts.add(metrics.get(id));
        }
        facts.addAll(observations);
        List<TargetTrajectory> trajectories = Trajectories.of(mission, metrics, observations, asOf);
        facts.addAll(trajectories);
        ValueAssessment value = values == null ? null : values.of(mission); // null: no value view wanted
        if (value != null) {
            facts.addAll(value.projects());
        }
        return new MissionFacts(facts, trajectories, value);
    }

    /** The metrics the mission's targets and projects refer to, targets' first. */
    private static Set<String> metricIds(Mission mission) {
        Set<String> metricIds = new LinkedHashSet<>();
        for (Target target : mission.targets()) {
            if (target.metric() != null) {
                metricIds.add(target.metric());
            }
        }
        for (Project project : mission.projects()) {
            metricIds.addAll(project.contributesTo());
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
