package org.missionengine.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.RuleExecutionException;
import org.missionengine.UserErrorException;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;

/**
 * Evaluates one scenario (once, on first use) and checks its expectations, turning every mismatch and every error
 * into {@link ScenarioFailure}s located at the scenario's lines.
 */
final class ScenarioExecution {
    private final Scenario scenario;
    private final EngineCache engines;
    private final RuleCoverage.Recorder coverage;
    private EvaluationReport report;
    private Set<String> enabledCodes;
    private Set<String> allCodes;
    private List<ScenarioFailure> errors;

    ScenarioExecution(Scenario scenario, EngineCache engines, RuleCoverage.Recorder coverage) {
        this.scenario = scenario;
        this.engines = engines;
        this.coverage = coverage;
    }

    Scenario scenario() {
        return scenario;
    }

    /** Evaluates the scenario if not done yet; returns the failures that stopped it (empty when it ran). */
    synchronized List<ScenarioFailure> evaluate() {
        if (errors != null) {
            return errors;
        }
        errors = new ArrayList<>();
        MissionEngine engine;
        try {
            engine = engines.engine(scenario.rules(), scenario.disable());
        } catch (UserErrorException e) {
            e.problems().forEach(p -> errors.add(engineProblem(p)));
            return errors;
        }
        Portfolio portfolio = withParameters(scenario.portfolio());
        try {
            report = engine.evaluate(portfolio, scenario.asOf() != null ? scenario.asOf() : portfolio.asOf());
        } catch (RuleExecutionException e) {
            e.problems().forEach(p -> errors.add(failure(1, null, "evaluation stopped: " + p.describe())));
            return errors;
        } catch (UserErrorException e) {
            e.problems().forEach(p -> errors.add(evaluationProblem(p)));
            return errors;
        }
        enabledCodes = Checks.codes(engine.catalog());
        coverage.add(engine.catalog());
        coverage.add(report);
        return errors;
    }

    /** The report, after a successful {@link #evaluate()}. */
    EvaluationReport report() {
        return report;
    }

    /** Evaluates if needed and checks one group; the scenario's errors when it could not be evaluated. */
    synchronized List<ScenarioFailure> check(Scenario.Group group) {
        return check(group, group.expectations());
    }

    /**
     * Evaluates if needed and checks some expectations of one group (one of them, when each expectation is a test of
     * its own); the scenario's errors when it could not be evaluated, the group's when its mission is not in the report.
     */
    synchronized List<ScenarioFailure> check(Scenario.Group group, List<Scenario.Expectation> expectations) {
        List<ScenarioFailure> stopped = evaluate();
        if (!stopped.isEmpty()) {
            return stopped;
        }
        List<ScenarioFailure> failures = new ArrayList<>();
        Scenario.Context context;
        Supplier<Set<String>> all = () -> {
            if (allCodes == null) {
                allCodes = scenario.disable().isEmpty() ? enabledCodes : engines.allCodes(scenario.rules());
            }
            return allCodes;
        };
        if (group.mission() == null) {
            context = new Scenario.Context(null, report.findings(), enabledCodes, all);
        } else {
            Optional<MissionReport> mission = Checks.mission(report, group.mission());
            if (mission.isEmpty()) {
                failures.add(failure(group.line(), group.label(), Checks.noMission(report, group.mission())));
                return failures;
            }
            context = new Scenario.Context(mission.get(), mission.get().findings(), enabledCodes, all);
        }
        for (Scenario.Expectation expectation : expectations) {
            expectation.check(context).ifPresent(m -> failures.add(failure(expectation.line(), group.label(), m)));
        }
        return failures;
    }

    private Portfolio withParameters(Portfolio p) {
        if (scenario.parameters().isEmpty()) {
            return p;
        }
        Map<String, Object> merged = new LinkedHashMap<>(p.parameters());
        merged.putAll(scenario.parameters());
        return new Portfolio(p.asOf(), p.currency(), p.metrics(), p.actors(), p.missions(), p.observations(),
                p.spillovers(), merged, p.sources());
    }

    /** A rule file that does not compile, or a disabled name that matches nothing: at the scenario's line for it. */
    private ScenarioFailure engineProblem(Problem p) {
        String location = p.location() == null ? "" : p.location();
        if (location.startsWith("--disable ")) {
            String name = location.substring("--disable ".length());
            int index = scenario.disable().indexOf(name);
            int line = scenario.line(index < 0 ? "/disable" : LocatedTree.child("/disable", index));
            return failure(line, null, "disable \"" + name + "\": " + p.message()
                    + (p.hint() == null || p.hint().isEmpty() ? "" : ". " + p.hint()));
        }
        return failure(scenario.line("/rules"), null, "the rules cannot be used: " + p.describe());
    }

    /** An unknown or mistyped parameter, or a portfolio the engine refuses: at the scenario's line for it. */
    private ScenarioFailure evaluationProblem(Problem p) {
        String location = p.location() == null ? "" : p.location();
        if (location.startsWith("parameters.")) {
            String name = location.substring("parameters.".length());
            if (scenario.parameters().containsKey(name)) {
                return failure(scenario.line(LocatedTree.child("/parameters", name)), null,
                        Problem.at(null, p.message(), p.hint()).describe());
            }
        }
        return failure(scenario.line("/portfolio"), null, "the portfolio cannot be evaluated: " + p.describe());
    }

    private ScenarioFailure failure(int line, String mission, String message) {
        return new ScenarioFailure(scenario.file(), line, scenario.name(), mission, message, null, null);
    }

    private ScenarioFailure failure(int line, String mission, Mismatch mismatch) {
        return new ScenarioFailure(scenario.file(), line, scenario.name(), mission, mismatch.message(),
                mismatch.expected(), mismatch.actual());
    }
}
