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

    static MissionFacts of(Mission mission, Portfolio portfolio, Map<String, Metric> metrics,
                           Map<String, Actor> actors, LocalDate asOf, ValueModel values) {
        List<Object> facts = new ArrayList<>();
        facts.add(mission);
        facts.addAll(mission.projects());
        facts.addAll(mission.targets());
        Set<String> metricIds = new LinkedHashSet<>();
        for (Target target : mission.targets()) {
            if (target.metric() != null) {
                metricIds.add(target.metric());
            }
        }
        Set<String> actorIds = new HashSet<>();
        for (Project project : mission.projects()) {
            metricIds.addAll(project.contributesTo());
            if (project.recipient() != null && actorIds.add(project.recipient())) {
                facts.add(actors.get(project.recipient()));
            }
        }
        for (String id : metricIds) {
            facts.add(metrics.get(id));
        }
        List<Observation> observations = observations(mission, portfolio, metricIds, asOf);
        facts.addAll(observations);
        List<TargetTrajectory> trajectories = Trajectories.of(mission, metrics, observations, asOf);
        facts.addAll(trajectories);
        ValueAssessment value = values.of(mission);
        if (value != null) {
            facts.addAll(value.projects());
        }
        return new MissionFacts(facts, trajectories, value);
    }

    /** The mission's observations known on {@code asOf}, oldest first. */
    static List<Observation> observations(Mission mission, Portfolio portfolio, Set<String> metricIds, LocalDate asOf) {
        return portfolio.observations().stream()
                .filter(o -> metricIds.contains(o.metric()) && o.appliesTo(mission.id()) && !o.date().isAfter(asOf))
                .sorted(Comparator.comparing(Observation::date))
                .toList();
    }
}
