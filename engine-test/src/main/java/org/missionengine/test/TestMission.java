package org.missionengine.test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Budget;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Governance;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Target;

/**
 * A mission for test code, with what it refers to: start from {@link TestPortfolios#mission} (nothing but an id) or
 * {@link TestPortfolios#strongMission} (passes every built-in check) and state only what the test is about.
 * {@link #build()} makes a one-mission portfolio, adding the metrics and actors that are referred to but not declared
 * (metrics as OUTCOME in "%", recipients as BUSINESS unless the project says otherwise).
 *
 * <pre>{@code
 * Portfolio portfolio = TestPortfolios.strongMission("m1")
 *         .changeProject("m1-p1", p -> p.preexisting())
 *         .withProject(TestPortfolios.project("old").grant(50e6).preexisting())
 *         .build();
 * }</pre>
 */
public final class TestMission {
    private final String id;
    private String title;
    private String statement;
    private String challenge;
    private String owner;
    private LocalDate launched;
    private LocalDate deadline;
    private Budget budget;
    private final List<TargetSpec> targets = new ArrayList<>();
    private boolean targetsRecorded = true;
    private List<String> sectors = List.of();
    private List<String> disciplines = List.of();
    private Governance governance;
    private final List<Object> projects = new ArrayList<>();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final List<Observation> observations = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private LocalDate asOf = TestPortfolios.AS_OF;

    /** A target whose missing dates default to the mission's launch (baseline) and deadline (goal). */
    private record TargetSpec(String id, String metric, Double baseline, LocalDate baselineDate, Double goal,
                              LocalDate goalDate, Target target) {
    }

    TestMission(String id) {
        this.id = id;
        this.title = id;
    }

    /**
     * The mission's id.
     *
     * @return the id given to {@link TestPortfolios#mission} or {@link TestPortfolios#strongMission}
     */
    public String id() {
        return id;
    }

    /**
     * The mission's title; its id until set.
     *
     * @param value the title
     * @return this mission
     */
    public TestMission title(String value) { title = value; return this; }

    /**
     * The public mission statement.
     *
     * @param value the statement, or null for not recorded
     * @return this mission
     */
    public TestMission statement(String value) { statement = value; return this; }

    /**
     * The societal challenge the mission tackles.
     *
     * @param value the challenge, or null for not recorded
     * @return this mission
     */
    public TestMission challenge(String value) { challenge = value; return this; }

    /**
     * Who owns the mission.
     *
     * @param value the owner, or null for not recorded
     * @return this mission
     */
    public TestMission owner(String value) { owner = value; return this; }

    /**
     * The day the mission was launched: the date of targets' baselines that give none.
     *
     * @param date an ISO-8601 date such as {@code 2022-01-01}, or null for not recorded
     * @return this mission
     */
    public TestMission launched(String date) { launched = date(date); return this; }

    /**
     * The day the mission is to be achieved by: the date of targets' goals that give none.
     *
     * @param date an ISO-8601 date such as {@code 2030-12-31}, or null for not recorded
     * @return this mission
     */
    public TestMission deadline(String date) { deadline = date(date); return this; }

    /**
     * A budget committed over several years.
     *
     * @param total    all the money, in the portfolio's currency
     * @param newMoney the part of it that is new; 0 records "no new money"
     * @return this mission
     */
    public TestMission budget(double total, double newMoney) {
        budget = new Budget(total, newMoney, true);
        return this;
    }

    /**
     * The mission's money, any part of which may be null (not recorded).
     *
     * @param value the budget, or null for not recorded
     * @return this mission
     */
    public TestMission budget(Budget value) { budget = value; return this; }

    /**
     * Leaves the budget not recorded (DATA_NO_BUDGET), unlike a budget of 0.
     *
     * @return this mission
     */
    public TestMission noBudget() { budget = null; return this; }

    /**
     * The sectors the mission says it spans.
     *
     * @param values the sectors' names
     * @return this mission
     */
    public TestMission sectors(String... values) { sectors = List.of(values); return this; }

    /**
     * The disciplines the mission draws on.
     *
     * @param values the disciplines' names
     * @return this mission
     */
    public TestMission disciplines(String... values) { disciplines = List.of(values); return this; }

    /**
     * Leaves the disciplines out of the record (not recorded, as opposed to {@code disciplines()}: none).
     *
     * @return this
     */
    public TestMission disciplinesNotRecorded() { disciplines = null; return this; }

    /**
     * How the mission is steered, replacing what was set.
     *
     * @param value the governance, or null for not recorded
     * @return this mission
     */
    public TestMission governance(Governance value) { governance = value; return this; }

    /**
     * Leaves the governance not recorded (DATA_NO_GOVERNANCE).
     *
     * @return this mission
     */
    public TestMission noGovernance() { governance = null; return this; }

    /**
     * The bodies that lead the mission, keeping the rest of the governance. On a mission without governance, the
     * other parts are recorded as none: no board, not cross-ministerial, no participation.
     *
     * @param bodies the ministries or agencies; none records an empty list
     * @return this mission
     */
    public TestMission leadBodies(String... bodies) {
        Governance g = governanceOrEmpty();
        governance = new Governance(List.of(bodies), g.missionBoard(), g.crossMinisterial(), g.participation(),
                g.inHouseDeliveryShare());
        return this;
    }

    /**
     * Whether a mission board steers the mission, keeping the rest of the governance. On a mission without
     * governance, the other parts are recorded as none.
     *
     * @param value true for a board, false for none
     * @return this mission
     */
    public TestMission missionBoard(boolean value) {
        Governance g = governanceOrEmpty();
        governance = new Governance(g.leadBodies(), value, g.crossMinisterial(), g.participation(), g.inHouseDeliveryShare());
        return this;
    }

    /**
     * Whether the mission is steered across ministries, keeping the rest of the governance. On a mission without
     * governance, the other parts are recorded as none.
     *
     * @param value true for cross-ministerial, false for within one body
     * @return this mission
     */
    public TestMission crossMinisterial(boolean value) {
        Governance g = governanceOrEmpty();
        governance = new Governance(g.leadBodies(), g.missionBoard(), value, g.participation(), g.inHouseDeliveryShare());
        return this;
    }

    /**
     * Participation mechanisms such as CITIZEN_ASSEMBLY or LIVING_LAB, keeping the rest of the governance; none
     * records "no participation". On a mission without governance, the other parts are recorded as none.
     *
     * @param mechanisms the mechanisms
     * @return this mission
     */
    public TestMission participation(String... mechanisms) {
        Governance g = governanceOrEmpty();
        governance = new Governance(g.leadBodies(), g.missionBoard(), g.crossMinisterial(), List.of(mechanisms),
                g.inHouseDeliveryShare());
        return this;
    }

    /**
     * The share of delivery done by public staff, keeping the rest of the governance. On a mission without
     * governance, the other parts are recorded as none.
     *
     * @param share the share, 0..1, or null for not recorded
     * @return this mission
     */
    public TestMission inHouseDeliveryShare(Double share) {
        Governance g = governanceOrEmpty();
        governance = new Governance(g.leadBodies(), g.missionBoard(), g.crossMinisterial(), g.participation(), share);
        return this;
    }

    /**
     * A target on {@code metric} from {@code baseline} (dated at launch) to {@code goal} (dated at the deadline).
     * An undeclared metric is added as an OUTCOME metric in "%".
     *
     * @param metric   the metric's id, also the target's id
     * @param baseline where the metric stood at launch
     * @param goal     where it is to be at the deadline
     * @return this mission
     */
    public TestMission target(String metric, double baseline, double goal) {
        targetsRecorded = true;
        targets.add(new TargetSpec(metric, metric, baseline, null, goal, null, null));
        return this;
    }

    /**
     * A target with its own dates; any value or date may be null, as in a weakly specified mission. A null date
     * falls back to the launch (baseline) or the deadline (goal); a baseline or goal whose value and date are both null
     * is not recorded.
     *
     * @param metric       the metric's id, also the target's id
     * @param baseline     where the metric stood, or null
     * @param baselineDate an ISO-8601 date, or null
     * @param goal         where it is to be, or null
     * @param goalDate     an ISO-8601 date, or null
     * @return this mission
     */
    public TestMission target(String metric, Double baseline, String baselineDate, Double goal, String goalDate) {
        targetsRecorded = true;
        targets.add(new TargetSpec(metric, metric, baseline, date(baselineDate), goal, date(goalDate), null));
        return this;
    }

    /**
     * A target as it is, with no dates filled in.
     *
     * @param value the target
     * @return this mission
     */
    public TestMission target(Target value) {
        targetsRecorded = true;
        targets.add(new TargetSpec(value.id(), value.metric(), null, null, null, null, value));
        return this;
    }

    /**
     * Removes the targets set so far (a strong mission's, say). The mission is still built with its targets recorded,
     * as an empty list: "no targets", not "not recorded".
     *
     * @return this mission
     */
    public TestMission noTargets() {
        targets.clear();
        targetsRecorded = true;
        return this;
    }

    /**
     * Leaves the targets out of the record (not recorded, DATA_NO_TARGETS, as opposed to {@link #noTargets()}: none).
     * A target added afterwards records the targets again.
     *
     * @return this mission
     */
    public TestMission targetsNotRecorded() {
        targets.clear();
        targetsRecorded = false;
        return this;
    }

    /**
     * Declares (or replaces) a metric: its unit, kind and direction.
     *
     * @param value the metric
     * @return this mission
     */
    public TestMission metric(Metric value) {
        metrics.put(value.id(), value);
        return this;
    }

    /**
     * Declares a metric of a kind, in "%", increasing.
     *
     * @param metricId the metric's id
     * @param kind     what it measures
     * @return this mission
     */
    public TestMission metric(String metricId, MetricKind kind) {
        return metric(new Metric(metricId, metricId, "%", kind, Direction.INCREASE, false));
    }

    /**
     * An observation of one of the mission's metrics, for this mission only, with the source "test".
     *
     * @param metric the metric's id
     * @param date   an ISO-8601 date
     * @param value  the measured value
     * @return this mission
     */
    public TestMission observe(String metric, String date, double value) {
        observations.add(new Observation(metric, id, date(date), value, "test"));
        return this;
    }

    /**
     * Adds a project, or replaces the one with the same id; it can be changed later with {@link #changeProject}.
     *
     * @param project the project
     * @return this mission
     */
    public TestMission withProject(TestProject project) {
        return replaceProject(project.id(), project);
    }

    /**
     * Adds a project as it is, or replaces the one with the same id.
     *
     * @param project the project
     * @return this mission
     */
    public TestMission withProject(Project project) {
        return replaceProject(project.id(), project);
    }

    /**
     * Adds projects, each replacing the one with the same id.
     *
     * @param values the projects
     * @return this mission
     */
    public TestMission withProjects(TestProject... values) {
        for (TestProject p : values) {
            withProject(p);
        }
        return this;
    }

    /**
     * Changes a project added as a {@link TestProject} (such as those of a strong mission):
     * {@code p -> p.preexisting()}.
     *
     * @param projectId the project's id
     * @param change    what to do to it
     * @return this mission
     * @throws IllegalArgumentException naming the test projects there are, when none has that id
     */
    public TestMission changeProject(String projectId, Consumer<TestProject> change) {
        for (Object p : projects) {
            if (p instanceof TestProject t && t.id().equals(projectId)) {
                change.accept(t);
                return this;
            }
        }
        throw new IllegalArgumentException("mission \"" + id + "\" has no test project \"" + projectId + "\"; it has "
                + projects.stream().map(p -> p instanceof TestProject t ? t.id() : ((Project) p).id()).toList());
    }

    /**
     * Removes a project; nothing happens when there is none of that id.
     *
     * @param projectId the project's id
     * @return this mission
     */
    public TestMission withoutProject(String projectId) {
        projects.removeIf(p -> (p instanceof TestProject t ? t.id() : ((Project) p).id()).equals(projectId));
        return this;
    }

    /**
     * Removes every project. The mission is still built with its projects recorded, as an empty list: "no
     * projects", not "not recorded".
     *
     * @return this mission
     */
    public TestMission withoutProjects() {
        projects.clear();
        return this;
    }

    /**
     * Declares an actor (a recipient of the mission's projects) of a type.
     *
     * @param actorId the actor's id, which projects name as recipient
     * @param type    the kind of organisation
     * @return this mission
     */
    public TestMission actor(String actorId, ActorType type) {
        actors.put(actorId, new Actor(actorId, actorId, type, null));
        return this;
    }

    /**
     * A parameter of the portfolio (a rule threshold).
     *
     * @param name  the parameter's name, such as {@code crossCutting.minSectors}
     * @param value its value
     * @return this mission
     */
    public TestMission parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /**
     * The evaluation date of the portfolio built; {@link TestPortfolios#AS_OF} unless set.
     *
     * @param date an ISO-8601 date
     * @return this mission
     */
    public TestMission asOf(String date) {
        asOf = date(date);
        return this;
    }

    /**
     * The mission alone, without the metrics and actors it refers to.
     *
     * @return the mission; its projects are recorded (possibly as an empty list), and its targets unless
     *         {@link #targetsNotRecorded()} left them out
     */
    public Mission mission() {
        List<Target> builtTargets = targetsRecorded ? targets.stream().map(this::target).toList() : null;
        List<Project> builtProjects = projects.stream().map(p -> p instanceof TestProject t ? t.build() : (Project) p)
                .toList();
        return new Mission(id, title, statement, challenge, owner, launched, deadline, budget, builtTargets, sectors,
                disciplines, governance, builtProjects, List.of());
    }

    /**
     * A portfolio of this mission alone, with its metrics, actors, observations and parameters.
     *
     * @return the portfolio, with the undeclared metrics and recipients added
     */
    public Portfolio build() {
        return TestPortfolios.portfolio(this);
    }

    void contributeTo(Portfolio.Builder builder, Map<String, Metric> allMetrics, Map<String, Actor> allActors) {
        Mission mission = mission();
        metrics.forEach(allMetrics::putIfAbsent);
        actors.forEach(allActors::putIfAbsent);
        for (Target t : mission.targets()) {
            addMetric(allMetrics, t.metric());
        }
        for (Object p : projects) {
            Project project = p instanceof TestProject t ? t.build() : (Project) p;
            project.contributesTo().forEach(m -> addMetric(allMetrics, m));
            if (project.recipient() != null && !allActors.containsKey(project.recipient())) {
                ActorType type = p instanceof TestProject t && t.recipientType() != null ? t.recipientType()
                        : ActorType.BUSINESS;
                allActors.put(project.recipient(), new Actor(project.recipient(), project.recipient(), type, null));
            }
        }
        observations.forEach(o -> addMetric(allMetrics, o.metric()));
        builder.mission(mission);
        observations.forEach(builder::observation);
        parameters.forEach(builder::parameter);
    }

    LocalDate asOf() {
        return asOf;
    }

    private static void addMetric(Map<String, Metric> all, String metricId) {
        if (metricId != null) {
            all.putIfAbsent(metricId, new Metric(metricId, metricId, "%", MetricKind.OUTCOME, Direction.INCREASE, false));
        }
    }

    private Target target(TargetSpec spec) {
        if (spec.target() != null) {
            return spec.target();
        }
        DatedValue baseline = spec.baseline() == null && spec.baselineDate() == null ? null
                : new DatedValue(spec.baseline(), spec.baselineDate() != null ? spec.baselineDate() : launched);
        DatedValue goal = spec.goal() == null && spec.goalDate() == null ? null
                : new DatedValue(spec.goal(), spec.goalDate() != null ? spec.goalDate() : deadline);
        return new Target(spec.id(), spec.metric(), baseline, goal, List.of());
    }

    private TestMission replaceProject(String projectId, Object project) {
        for (int i = 0; i < projects.size(); i++) {
            Object p = projects.get(i);
            if ((p instanceof TestProject t ? t.id() : ((Project) p).id()).equals(projectId)) {
                projects.set(i, project);
                return this;
            }
        }
        projects.add(project);
        return this;
    }

    private Governance governanceOrEmpty() {
        return governance != null ? governance : new Governance(List.of(), false, false, List.of(), null);
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
