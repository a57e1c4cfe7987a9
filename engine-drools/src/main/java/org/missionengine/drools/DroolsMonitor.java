package org.missionengine.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.MissionMonitor;
import org.missionengine.MonitorEvent;
import org.missionengine.explain.Explanation;
import org.missionengine.MonitorListener;
import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;
import org.missionengine.model.Actor;
import org.missionengine.model.Metric;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.rules.CriterionChecks;
import org.missionengine.rules.EvaluationContext;

/**
 * The incremental monitor: one long-lived session per mission (rules are written for one mission at a time, so
 * missions never share a session) and one for the portfolio-level rules. A change touches only the sessions it
 * concerns; logical insertion retracts findings whose conditions stop holding, and {@link FindingDelta} turns the
 * session's insertions and retractions into what listeners are told. Sessions fire through the batch's
 * {@link SessionRunner}: the same limits, the same errors. A rule that fails during an update closes the monitor (its
 * sessions may be half-updated); a monitor whose construction fails leaves no session behind.
 */
final class DroolsMonitor implements MissionMonitor {
    private final SessionRunner runner;
    private final LocalDate asOf;
    private final EngineInfo info;
    private final ReportAssembler assembler;
    /** Null when reports carry no value view (see {@code DroolsMissionEngine.valueView}). */
    private final ValueModel values;
    private final Map<String, Metric> metrics;
    private final Map<String, Actor> actors;
    private final Map<String, MonitoredMission> missions = new LinkedHashMap<>();
    private final Map<String, String> missionOfProject = new HashMap<>();
    private final List<Observation> observations;
    private final List<MonitorListener> listeners = new CopyOnWriteArrayList<>();
    private final KieSession portfolioSession;
    private final FindingDelta portfolioDelta = new FindingDelta();
    private final FactHandle portfolioHandle;
    private Portfolio portfolio;
    /** The portfolio the monitor started from: its metrics, actors, spillovers, parameters and sources never change. */
    private final Portfolio initial;
    /** Why the monitor was closed, for the error of a later call. */
    private String closedBecause;

    private final Explaining explaining;

    /** How the engine explains a mission of a portfolio at the monitor's date. */
    interface Explaining {
        Explanation explain(Portfolio portfolio, String missionId, String code);
    }

    DroolsMonitor(SessionRunner runner, Portfolio portfolio, LocalDate asOf, EvaluationContext ctx, EngineInfo info,
                  ReportAssembler assembler, List<CriterionChecks> criterionChecks, boolean valueView,
                  Explaining explaining) {
        this.explaining = explaining;
        this.runner = runner;
        this.asOf = asOf;
        this.info = info;
        this.assembler = assembler;
        this.portfolio = portfolio;
        this.initial = portfolio;
        this.metrics = new HashMap<>(portfolio.metricsById());
        this.actors = new HashMap<>(portfolio.actorsById());
        this.observations = new ArrayList<>(portfolio.observations());
        // built even without a value view: it refuses a spillover network that amplifies without bound
        ValueModel model = new ValueModel(portfolio, SpilloverNetwork.of(portfolio), ctx.param("value.discountRate"),
                asOf.getYear());
        this.values = valueView ? model : null;
        List<KieSession> opened = new ArrayList<>();
        try {
            for (Mission mission : portfolio.missions()) {
                KieSession session = runner.newSession(ctx);
                opened.add(session);
                MissionFacts facts = MissionFacts.of(mission, portfolio, metrics, actors, asOf, values);
                MonitoredMission monitored = new MonitoredMission(session, mission, facts, asOf);
                criterionChecks.forEach(session::insert);
                missions.put(mission.id(), monitored);
                mission.projects().forEach(p -> missionOfProject.put(p.id(), mission.id()));
                runner.fire(session, subject(mission.id()));
                monitored.delta.takeEvents(mission.id());
            }
            portfolioSession = runner.newSession(ctx);
            opened.add(portfolioSession);
            portfolioSession.addEventListener(portfolioDelta);
            portfolioHandle = portfolioSession.insert(portfolio);
            runner.fire(portfolioSession, PORTFOLIO);
            portfolioDelta.takeEvents(null);
        } catch (RuntimeException | Error e) {
            opened.forEach(KieSession::dispose);
            throw e;
        }
    }

    private static final String PORTFOLIO = "the portfolio";

    private static String subject(String missionId) {
        return "mission \"" + missionId + "\"";
    }

    @Override
    public void addObservation(Observation observation) {
        open();
        if (!metrics.containsKey(observation.metric())) {
            throw invalid("observation.metric", "unknown metric \"" + observation.metric() + "\"",
                    ClosestName.hint(observation.metric(), metrics.keySet()));
        }
        if (observation.mission() != null && !missions.containsKey(observation.mission())) {
            throw invalid("observation.mission", "unknown mission \"" + observation.mission() + "\"",
                    ClosestName.hint(observation.mission(), missions.keySet()));
        }
        observations.add(observation);
        portfolio = null; // the snapshot is rebuilt on demand
        for (MonitoredMission mission : missions.values()) {
            if (mission.observes(observation)) {
                mission.addObservation(observation, metrics);
                settle(mission);
            }
        }
        settlePortfolio(); // the portfolio fact holds the observations: a portfolio rule may read them
    }

    @Override
    public void updateProjectStatus(String projectId, ProjectStatus status) {
        open();
        String missionId = missionOfProject.get(projectId);
        if (missionId == null) {
            throw invalid("projectId", "unknown project \"" + projectId + "\"",
                    ClosestName.hint(projectId, missionOfProject.keySet()));
        }
        MonitoredMission mission = missions.get(missionId);
        Project project = mission.mission().projects().stream().filter(p -> p.id().equals(projectId)).findFirst()
                .orElseThrow();
        portfolio = null;
        mission.putProject(project.withStatus(status), actors, metrics, observations, values);
        portfolio = null; // before listeners hear of it: one that asks for an explanation sees the change
        settle(mission);
        settlePortfolio();
    }

    @Override
    public void addProject(String missionId, Project project) {
        open();
        MonitoredMission mission = missions.get(missionId);
        if (mission == null) {
            throw invalid("missionId", "unknown mission \"" + missionId + "\"", ClosestName.hint(missionId, missions.keySet()));
        }
        String owner = missionOfProject.get(project.id());
        if (owner != null && !owner.equals(missionId)) {
            throw invalid("project.id", "project \"" + project.id() + "\" already belongs to mission \"" + owner + "\"",
                    "Project ids are unique across the portfolio.");
        }
        if (project.recipient() != null && !actors.containsKey(project.recipient())) {
            throw invalid("project.recipient", "unknown actor \"" + project.recipient() + "\"",
                    ClosestName.hint(project.recipient(), actors.keySet()));
        }
        for (String metric : project.contributesTo()) {
            if (!metrics.containsKey(metric)) {
                throw invalid("project.contributesTo", "unknown metric \"" + metric + "\"",
                        ClosestName.hint(metric, metrics.keySet()));
            }
        }
        missionOfProject.put(project.id(), missionId);
        portfolio = null;
        mission.putProject(project, actors, metrics, observations, values);
        portfolio = null; // before listeners hear of it: one that asks for an explanation sees the change
        settle(mission);
        settlePortfolio();
    }

    @Override
    public EvaluationReport report() {
        open();
        List<MissionReport> reports = new ArrayList<>();
        for (MonitoredMission mission : missions.values()) {
            reports.add(assembler.mission(mission.mission(), mission.facts(), new ArrayList<>(mission.session.getObjects())));
        }
        List<Finding> portfolioFindings = assembler.findings(new ArrayList<>(portfolioSession.getObjects()));
        return new EvaluationReport(info, asOf, reports, portfolioFindings);
    }

    /** The portfolio as it stands after the changes fed in so far. */
    Portfolio portfolio() {
        if (portfolio == null) {
            Portfolio.Builder builder = Portfolio.builder().asOf(asOf);
            Portfolio base = initial; // what changes (missions, observations) is taken from the monitor's own state
            builder.currency(base.currency());
            base.metrics().forEach(builder::metric);
            base.actors().forEach(builder::actor);
            missions.values().forEach(m -> builder.mission(m.mission()));
            observations.forEach(builder::observation);
            base.spillovers().forEach(builder::spillover);
            base.parameters().forEach(builder::parameter);
            base.sources().forEach(builder::source);
            portfolio = builder.build();
        }
        return portfolio;
    }

    /** Explains from the portfolio as it stands now: the same answer an engine gives for a fresh evaluation of it. */
    @Override
    public Explanation explain(String missionId, String code) {
        open();
        return explaining.explain(portfolio(), missionId, code);
    }

    @Override
    public void addListener(MonitorListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(MonitorListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        close("close() was called");
    }

    private void close(String because) {
        if (closedBecause == null) {
            closedBecause = because;
            missions.values().forEach(MonitoredMission::close);
            portfolioSession.dispose();
        }
    }

    private void settle(MonitoredMission mission) {
        String id = mission.mission().id();
        fire(mission.session, subject(id));
        tell(mission.delta.takeEvents(id));
    }

    /** Refreshes the portfolio fact (missions, projects and observations as they now stand) and fires its rules. */
    private void settlePortfolio() {
        portfolio = null;
        portfolioSession.update(portfolioHandle, portfolio());
        fire(portfolioSession, PORTFOLIO);
        tell(portfolioDelta.takeEvents(null));
    }

    /** Fires a session; a rule failing leaves it half-updated, so the monitor is closed before the error goes on. */
    private void fire(KieSession session, String subject) {
        try {
            runner.fire(session, subject);
        } catch (RuntimeException | Error e) {
            close("a rule failed during an update: " + e.getMessage());
            throw e;
        }
    }

    private void tell(List<MonitorEvent> events) {
        for (MonitorEvent event : events) {
            listeners.forEach(l -> l.onEvent(event));
        }
    }

    private void open() {
        if (closedBecause != null) {
            throw new IllegalStateException("the monitor is closed (" + closedBecause + ")");
        }
    }

    private static InvalidPortfolioException invalid(String where, String message, String hint) {
        return new InvalidPortfolioException(List.of(Problem.at(where, message, hint)));
    }
}
