package org.missionengine.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.opentest4j.AssertionFailedError;

/**
 * The tests {@link ScenarioTestEngine} discovers: a container per scenario file holding a test per expectation (a
 * file that cannot be read is one failing test), and the optional rule-coverage test; and {@link Run}, which runs them.
 */
class ScenarioFileDescriptor extends AbstractTestDescriptor {
    private final Path file;
    private final Scenario scenario;
    private final List<ScenarioFailure> unreadable;

    private ScenarioFileDescriptor(UniqueId id, Path file, Scenario scenario, List<ScenarioFailure> unreadable) {
        super(id, scenario == null ? file.toString() : scenario.name() + " (" + file.getFileName() + ")",
                FileSource.from(file.toFile(), FilePosition.from(unreadable.isEmpty() ? 1 : unreadable.get(0).line())));
        this.file = file;
        this.scenario = scenario;
        this.unreadable = unreadable;
    }

    /** Reads the scenario now, so that each expectation becomes a test; an unreadable file becomes one failing test. */
    static ScenarioFileDescriptor of(UniqueId engine, Path file) {
        UniqueId id = engine.append("scenario", file.toString().replace('\\', '/'));
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(file);
        } catch (ScenarioException e) {
            return new ScenarioFileDescriptor(id, file, null,
                    e.problems().stream().map(p -> ScenarioRunner.toFailure(file, p)).toList());
        }
        ScenarioFileDescriptor descriptor = new ScenarioFileDescriptor(id, file, scenario, List.of());
        for (Scenario.Group group : scenario.groups()) {
            List<Scenario.Expectation> expectations = group.expectations();
            for (int i = 0; i < expectations.size(); i++) {
                descriptor.addChild(new ExpectationDescriptor(id.append("expectation", group.label() + "#" + (i + 1)),
                        file, group, expectations.get(i)));
            }
        }
        return descriptor;
    }

    @Override
    public Type getType() {
        return scenario == null ? Type.TEST : Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return file.toString();
    }

    /** One expectation of a scenario about a mission (or the portfolio), named {@code mission: what it states}. */
    static final class ExpectationDescriptor extends AbstractTestDescriptor {
        private final Scenario.Group group;
        private final Scenario.Expectation expectation;

        ExpectationDescriptor(UniqueId id, Path file, Scenario.Group group, Scenario.Expectation expectation) {
            super(id, group.label() + ": " + expectation.title(),
                    FileSource.from(file.toFile(), FilePosition.from(expectation.line())));
            this.group = group;
            this.expectation = expectation;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }

    /**
     * A test class marked {@link ScenarioFiles}, holding the scenario files it stands for: build tools that report
     * tests by class (surefire) count and list the scenarios under it.
     */
    static final class MarkedClass extends AbstractTestDescriptor {
        MarkedClass(UniqueId id, Class<?> testClass) {
            super(id, testClass.getSimpleName(), ClassSource.from(testClass));
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }

        @Override
        public String getLegacyReportingName() {
            return ((ClassSource) getSource().orElseThrow()).getClassName();
        }
    }

    /** "rule coverage": fails, listing the rules never fired, when the scenarios fired too few of the rules. */
    static final class Coverage extends AbstractTestDescriptor {
        private final double minimum;

        Coverage(UniqueId engine, double minimum) {
            super(engine.append("coverage", "rules"), "rule coverage");
            if (!(minimum >= 0 && minimum <= 1)) {
                throw new IllegalArgumentException(ScenarioTestEngine.MIN_COVERAGE + " must be between 0 and 1, got "
                        + minimum);
            }
            this.minimum = minimum;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }

    /** Runs the discovered tests: each scenario evaluated once, on its first test; engines shared by configuration. */
    static final class Run {
        private final EngineExecutionListener listener;
        private final EngineCache engines = new EngineCache();
        private final RuleCoverage.Recorder coverage = new RuleCoverage.Recorder();

        Run(EngineExecutionListener listener) {
            this.listener = listener;
        }

        /** Runs a container (the engine, a marked class) and everything under it. */
        void engine(TestDescriptor container) {
            listener.executionStarted(container);
            for (TestDescriptor child : container.getChildren()) {
                if (child instanceof ScenarioFileDescriptor file) {
                    file(file);
                } else if (child instanceof Coverage rules) {
                    coverage(rules);
                } else {
                    engine(child);
                }
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }

        private void file(ScenarioFileDescriptor file) {
            listener.executionStarted(file);
            if (file.scenario == null) {
                listener.executionFinished(file, result(file.unreadable));
                return;
            }
            ScenarioExecution execution = new ScenarioExecution(file.scenario, engines, coverage);
            for (TestDescriptor child : file.getChildren()) {
                ExpectationDescriptor test = (ExpectationDescriptor) child;
                listener.executionStarted(test);
                TestExecutionResult result;
                try {
                    result = result(execution.check(test.group, List.of(test.expectation)));
                } catch (RuntimeException e) {
                    result = TestExecutionResult.failed(e);
                }
                listener.executionFinished(test, result);
            }
            listener.executionFinished(file, TestExecutionResult.successful());
        }

        private void coverage(Coverage test) {
            listener.executionStarted(test);
            RuleCoverage result = coverage.coverage();
            listener.executionFinished(test, result.meets(test.minimum) ? TestExecutionResult.successful()
                    : TestExecutionResult.failed(new AssertionFailedError(String.format(Locale.ROOT,
                    "rule coverage %.1f%% is below the required %.1f%%%n%s", 100 * result.ratio(),
                    100 * test.minimum, result.neverFiredText()), test.minimum, result.ratio())));
        }

        private static TestExecutionResult result(List<ScenarioFailure> failures) {
            return failures.isEmpty() ? TestExecutionResult.successful()
                    : TestExecutionResult.failed(Scenarios.failureOf(failures));
        }
    }
}
