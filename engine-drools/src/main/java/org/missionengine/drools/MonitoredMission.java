package org.missionengine.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import org.missionengine.model.Actor;
import org.missionengine.model.Metric;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Project;
import org.missionengine.model.Target;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.ValueAssessment;
import org.missionengine.rules.TargetTrajectory;

/**
 * One mission's long-lived session in a monitor, with the handles of the facts that change: the mission, its
 * projects, its targets' trajectories and its projects' values. The facts are the same as in a batch evaluation
 * ({@link MissionFacts}), kept up to date one change at a time.
 */
final class MonitoredMission {
    final KieSession session;
    final FindingDelta delta = new FindingDelta();
    private final LocalDate asOf;
    private Mission mission;
    private FactHandle missionHandle;
    private final Map<String, FactHandle> projectHandles = new HashMap<>();
    private final Map<String, FactHandle> trajectoryHandles = new HashMap<>();
    private final Map<String, TargetTrajectory> trajectories = new LinkedHashMap<>();
    private final List<FactHandle> valueHandles = new ArrayList<>();
    private ValueAssessment value;
    private final Set<String> metricIds = new LinkedHashSet<>();
    private final Set<String> actorIds = new LinkedHashSet<>();
    /** This mission's observations known on asOf, by metric, oldest first (ties in arrival order). */
    private final Map<String, List<Observation>> series = new HashMap<>();

    MonitoredMission(KieSession session, Mission mission, MissionFacts facts, LocalDate asOf) {
        this.session = session;
        this.asOf = asOf;
        this.mission = mission;
        session.addEventListener(delta);
        for (Object fact : facts.all()) {
            FactHandle handle = session.insert(fact);
            if (fact instanceof Mission m) {
                this.mission = m; // as the facts hold it: its targets with the goals in force on asOf
                missionHandle = handle;
            } else if (fact instanceof Project p) {
                projectHandles.put(p.id(), handle);
            } else if (fact instanceof TargetTrajectory t) {
                trajectoryHandles.put(t.targetId(), handle);
                trajectories.put(t.targetId(), t);
            } else if (fact instanceof ProjectValue) {
                valueHandles.add(handle);
            } else if (fact instanceof Metric m) {
                metricIds.add(m.id());
            } else if (fact instanceof Actor a) {
                actorIds.add(a.id());
            } else if (fact instanceof Observation o) {
                series.computeIfAbsent(o.metric(), k -> new ArrayList<>()).add(o);
            }
        }
        value = facts.value();
    }

    Mission mission() {
        return mission;
    }

    MissionFacts facts() {
        return new MissionFacts(List.of(), List.copyOf(trajectories.values()), value);
    }

    /** True when an observation of this metric counts for this mission. */
    boolean observes(Observation o) {
        return metricIds.contains(o.metric()) && o.appliesTo(mission.id());
    }

    /** Inserts the observation and recomputes the trajectories of the targets on its metric. */
    void addObservation(Observation o, Map<String, Metric> metrics) {
        if (o.date().isAfter(asOf)) {
            return;
        }
        session.insert(o);
        List<Observation> list = series.computeIfAbsent(o.metric(), k -> new ArrayList<>());
        int at = list.size();
        while (at > 0 && list.get(at - 1).date().isAfter(o.date())) {
            at--;
        }
        list.add(at, o);
        for (Target target : mission.targets()) {
            if (o.metric().equals(target.metric())) {
                TargetTrajectory t = Trajectories.of(mission, target, metrics.get(target.metric()), list, asOf);
                trajectories.put(t.targetId(), t);
                session.update(trajectoryHandles.get(t.targetId()), t);
            }
        }
    }

    /** Replaces or adds a project, with any actor, metric and observations it brings, and revalues the mission. */
    void putProject(Project project, Map<String, Actor> actors, Map<String, Metric> metrics,
                    List<Observation> allObservations, ValueModel values) {
        mission = mission.withProject(project);
        session.update(missionHandle, mission);
        FactHandle handle = projectHandles.get(project.id());
        if (handle == null) {
            projectHandles.put(project.id(), session.insert(project));
        } else {
            session.update(handle, project);
        }
        if (project.recipient() != null && actorIds.add(project.recipient())) {
            session.insert(actors.get(project.recipient()));
        }
        for (String metricId : project.contributesTo()) {
            if (metricIds.add(metricId)) {
                session.insert(metrics.get(metricId));
                for (Observation o : allObservations) {
                    if (o.metric().equals(metricId) && o.appliesTo(mission.id()) && !o.date().isAfter(asOf)) {
                        addObservation(o, metrics);
                    }
                }
            }
        }
        valueHandles.forEach(session::delete);
        valueHandles.clear();
        value = values == null ? null : values.of(mission);
        if (value != null) {
            value.projects().forEach(v -> valueHandles.add(session.insert(v)));
        }
    }

    void close() {
        session.dispose();
    }
}
