package org.missionengine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;

/** The cross-reference checks of a portfolio: unique ids, references that resolve, goals after baselines. */
final class PortfolioChecks {
    private final List<Metric> metrics;
    private final List<Actor> actors;
    private final List<Mission> missions;
    private final List<Observation> observations;
    private final List<Spillover> spillovers;
    /** How many unknown references get a "did you mean": enough for typos, bounded for a file of wrong ids. */
    static final int MAX_SUGGESTIONS = 50;

    private final List<Problem> problems = new ArrayList<>();
    private int suggestions;

    PortfolioChecks(List<Metric> metrics, List<Actor> actors, List<Mission> missions, List<Observation> observations,
                    List<Spillover> spillovers) {
        this.metrics = metrics;
        this.actors = actors;
        this.missions = missions;
        this.observations = observations;
        this.spillovers = spillovers;
    }

    List<Problem> problems() {
        Set<String> metricIds = unique("metrics", metrics.stream().map(Metric::id).toList(), "metric");
        Map<String, Metric> metricsById = new HashMap<>();
        metrics.forEach(m -> metricsById.putIfAbsent(m.id(), m));
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.get(i);
            if (!m.boundsConsistent()) {
                problems.add(Problem.at("metrics[" + i + "].min", "metric \"" + m.id() + "\" has min "
                        + Checks.format(m.min()) + " above its max " + Checks.format(m.max()),
                        "Swap the two bounds, or leave out the one that is not known."));
            }
        }
        Set<String> actorIds = unique("actors", actors.stream().map(Actor::id).toList(), "actor");
        Set<String> missionIds = unique("missions", missions.stream().map(Mission::id).toList(), "mission");
        // where each project id was first seen, as (mission index << 32 | project index): the paths are written
        // only for the problems (a portfolio of 100,000 projects would otherwise build 100,000 of them)
        Map<String, Long> projectsSeen = new HashMap<>();
        for (int i = 0; i < missions.size(); i++) {
            Mission mission = missions.get(i);
            checkTargets(mission, "missions[" + i + "]", metricIds, metricsById);
            if (mission.launched() != null && mission.deadline() != null
                    && mission.deadline().isBefore(mission.launched())) {
                problems.add(Problem.at("missions[" + i + "].deadline", "mission \"" + mission.id() + "\" has its "
                        + "deadline " + mission.deadline() + " before its launch " + mission.launched(),
                        "A mission ends after it starts: check the two dates."));
            }
            for (int j = 0; j < mission.projects().size(); j++) {
                Project project = mission.projects().get(j);
                Long earlier = projectsSeen.putIfAbsent(project.id(), (long) i << 32 | j);
                if (earlier != null) {
                    problems.add(Problem.at(projectPath(i, j) + ".id", "duplicate project id \"" + project.id()
                            + "\" (also at " + projectPath((int) (earlier >>> 32), (int) (long) earlier) + ")",
                            "Give every project an id of its own across the portfolio."));
                }
                if (project.recipient() != null && !actorIds.contains(project.recipient())) {
                    unknown(projectPath(i, j) + ".recipient", project.recipient(), actorIds, "actor", "actors");
                }
                for (int k = 0; k < project.contributesTo().size(); k++) {
                    String metric = project.contributesTo().get(k);
                    if (!metricIds.contains(metric)) {
                        unknown(projectPath(i, j) + ".contributesTo[" + k + "]", metric, metricIds, "metric",
                                "metrics");
                    }
                }
            }
        }
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (!metricIds.contains(o.metric())) {
                unknown("observations[" + i + "].metric", o.metric(), metricIds, "metric", "metrics");
            }
            Metric metric = metricsById.get(o.metric());
            if (metric != null && !metric.admits(o.value())) {
                within("observations[" + i + "].value", o.value(), metric, "observed value");
            }
            if (o.mission() != null && !missionIds.contains(o.mission())) {
                unknown("observations[" + i + "].mission", o.mission(), missionIds, "mission", "missions");
            }
        }
        for (int i = 0; i < spillovers.size(); i++) {
            Spillover s = spillovers.get(i);
            if (s.fromProject() != null && !projectsSeen.containsKey(s.fromProject())) {
                unknown("spillovers[" + i + "].fromProject", s.fromProject(), projectsSeen.keySet(), "project",
                        "the missions' projects");
            }
        }
        return problems;
    }

    private static String projectPath(int mission, int project) {
        return "missions[" + mission + "].projects[" + project + "]";
    }

    private void checkTargets(Mission mission, String path, Set<String> metricIds, Map<String, Metric> metricsById) {
        Set<String> targetIds = new HashSet<>();
        for (int j = 0; j < mission.targets().size(); j++) {
            Target target = mission.targets().get(j);
            String targetPath = path + ".targets[" + j + "]";
            if (target.metric() != null) {
                reference(targetPath + ".metric", target.metric(), metricIds, "metric", "metrics");
                Metric metric = metricsById.get(target.metric());
                within(targetPath + ".baseline.value", target.baseline(), metric, "baseline");
                within(targetPath + ".goal.value", target.goal(), metric, "goal");
                for (int k = 0; k < target.revisions().size(); k++) {
                    within(targetPath + ".revisions[" + k + "].goal.value", target.revisions().get(k).goal(), metric,
                            "earlier goal");
                }
            }
            if (target.id() != null && !targetIds.add(target.id())) {
                problems.add(Problem.at(targetPath, "mission \"" + mission.id() + "\" has two targets with id \""
                        + target.id() + "\"", "Give each target its own \"id\" when two targets share a metric."));
            }
            if (target.baseline() != null && target.goal() != null && target.baseline().date() != null
                    && target.goal().date() != null && target.goal().date().isBefore(target.baseline().date())) {
                problems.add(Problem.at(targetPath + ".goal.date", "goal date " + target.goal().date()
                        + " is before the baseline date " + target.baseline().date(),
                        "A goal is reached after its baseline: check the two dates."));
            }
        }
    }

    private void within(String path, DatedValue dated, Metric metric, String what) {
        if (dated != null && dated.value() != null) {
            within(path, dated.value(), metric, what);
        }
    }

    /** A value outside the metric's declared range is a mistake in the value or in the range. */
    private void within(String path, double value, Metric metric, String what) {
        if (metric == null || metric.admits(value)) {
            return;
        }
        String range = (metric.min() == null ? "" : "min " + Checks.format(metric.min()))
                + (metric.min() != null && metric.max() != null ? ", " : "")
                + (metric.max() == null ? "" : "max " + Checks.format(metric.max()));
        problems.add(Problem.at(path, what + " " + Checks.format(value) + " is outside the range of metric \""
                + metric.id() + "\" (" + range + ")", "Correct the value, or widen the metric's \"min\"/\"max\" "
                + "if the metric can really take it."));
    }

    private Set<String> unique(String listPath, List<String> ids, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Integer earlier = seen.putIfAbsent(ids.get(i), i);
            if (earlier != null) {
                problems.add(Problem.at(listPath + "[" + i + "].id", "duplicate " + what + " id \"" + ids.get(i)
                        + "\" (also at " + listPath + "[" + earlier + "])", "Ids must be unique: rename or merge one of them."));
            }
        }
        return seen.keySet();
    }

    private void reference(String path, String id, Set<String> known, String what, String listName) {
        if (!known.contains(id)) {
            unknown(path, id, known, what, listName);
        }
    }

    /** A reference to an id that is not declared, with the closest declared id as a hint. */
    private void unknown(String path, String id, Set<String> known, String what, String listName) {
        // each search compares with every known id: a file whose references are all wrong (a renamed list)
        // would otherwise take minutes to be refused
        String guess = suggestions++ < MAX_SUGGESTIONS
                ? ClosestName.to(id, known).map(c -> "Did you mean \"" + c + "\"? ").orElse("") : "";
        String hint = guess + (listName.startsWith("the ") ? "Name a project of one of the missions."
                : "Declare it in \"" + listName + "\" or fix the reference.");
        problems.add(Problem.at(path, "unknown " + what + " \"" + id + "\"", hint));
    }
}
