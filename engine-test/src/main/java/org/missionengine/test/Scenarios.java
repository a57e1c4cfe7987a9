package org.missionengine.test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * Runs scenario files as JUnit 5 dynamic tests: a container per scenario file and a test per mission it has
 * expectations about (plus "portfolio" for portfolio-level findings). Each test's source is the line of its
 * expectations, so IDEs jump there; each failure names {@code file:line}.
 *
 * <pre>{@code
 * class PolicyTest {
 *     @TestFactory
 *     Stream<DynamicNode> scenarios() {
 *         return Scenarios.in(Path.of("src/test/scenarios"));
 *     }
 *
 *     @TestFactory
 *     Stream<DynamicNode> everyRuleTested() {   // adds a last test that fails when a rule never fired
 *         return Scenarios.from(Path.of("src/test/scenarios")).requireCoverage(1.0).tests();
 *     }
 * }
 * }</pre>
 *
 * Scenarios are read when the stream is built (a malformed file becomes one failing test) and evaluated when their
 * first test runs; engines are compiled once per distinct rule configuration.
 */
public final class Scenarios {
    private final List<Path> paths;
    private Double minCoverage;

    private Scenarios(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    /**
     * One dynamic test per scenario and mission, for every scenario file under the paths.
     *
     * @param paths scenario files, or directories searched recursively
     * @return the tests, for a {@code @TestFactory} method to return
     */
    public static Stream<DynamicNode> in(Path... paths) {
        return from(paths).tests();
    }

    /**
     * The same as {@link #in}, with options.
     *
     * @param paths scenario files, or directories searched recursively
     * @return the scenarios, to set options on and then call {@link #tests()}
     */
    public static Scenarios from(Path... paths) {
        return new Scenarios(Arrays.asList(paths));
    }

    /**
     * Adds a last test, "rule coverage", that fails listing the rules never fired when fewer than {@code minimum} fired.
     *
     * @param minimum the share of rules that must fire, 0..1
     * @return these scenarios
     * @throws IllegalArgumentException naming the value when it is outside 0..1
     */
    public Scenarios requireCoverage(double minimum) {
        if (!(minimum >= 0 && minimum <= 1)) {
            throw new IllegalArgumentException("minimum coverage must be between 0 and 1, got " + minimum);
        }
        this.minCoverage = minimum;
        return this;
    }

    /**
     * The dynamic tests: a container per scenario file, a test per mission it has expectations about.
     *
     * @return the tests, for a {@code @TestFactory} method to return
     */
    public Stream<DynamicNode> tests() {
        EngineCache engines = new EngineCache();
        RuleCoverage.Recorder coverage = new RuleCoverage.Recorder();
        ScenarioRunner.Discovery discovery = ScenarioRunner.discover(paths);
        List<DynamicNode> nodes = new ArrayList<>();
        for (ScenarioCheck problem : discovery.problems()) {
            nodes.add(failing(problem.file().toString(), problem.file(), problem.failures()));
        }
        for (Path file : discovery.files()) {
            nodes.add(node(file, engines, coverage));
        }
        if (minCoverage != null) {
            double minimum = minCoverage;
            nodes.add(DynamicTest.dynamicTest("rule coverage", () -> {
                RuleCoverage result = coverage.coverage();
                System.out.print(result.toText());
                if (!result.meets(minimum)) {
                    throw new AssertionFailedError(String.format(java.util.Locale.ROOT,
                            "rule coverage %.1f%% is below the required %.1f%%%n%s", 100 * result.ratio(),
                            100 * minimum, result.neverFiredText()), minimum, result.ratio());
                }
            }));
        }
        return nodes.stream();
    }

    private static DynamicNode node(Path file, EngineCache engines, RuleCoverage.Recorder coverage) {
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(file);
        } catch (ScenarioException e) {
            return failing(file.getFileName().toString(), file,
                    e.problems().stream().map(p -> ScenarioRunner.toFailure(file, p)).toList());
        }
        ScenarioExecution execution = new ScenarioExecution(scenario, engines, coverage);
        List<DynamicNode> tests = new ArrayList<>();
        for (Scenario.Group group : scenario.groups()) {
            tests.add(DynamicTest.dynamicTest(group.label(), uri(file, group.line()),
                    () -> throwIfFailed(execution.check(group))));
        }
        return DynamicContainer.dynamicContainer(scenario.name() + " (" + file.getFileName() + ")", uri(file, 1),
                tests.stream());
    }

    private static DynamicTest failing(String name, Path file, List<ScenarioFailure> failures) {
        int line = failures.isEmpty() ? 1 : failures.get(0).line();
        return DynamicTest.dynamicTest(name, uri(file, line), () -> throwIfFailed(failures));
    }

    /** Throws the failures: one with expected/actual for the IDE, or all of them at once. */
    static void throwIfFailed(List<ScenarioFailure> failures) {
        if (!failures.isEmpty()) {
            throw failureOf(failures);
        }
    }

    /** The failures (at least one) as one assertion error: with expected/actual for the IDE, or all of them at once. */
    static AssertionError failureOf(List<ScenarioFailure> failures) {
        List<AssertionFailedError> errors = failures.stream().map(f -> f.expected() != null || f.actual() != null
                ? new AssertionFailedError(f.describe(), f.expected(), f.actual())
                : new AssertionFailedError(f.describe())).toList();
        if (errors.size() == 1) {
            return errors.get(0);
        }
        ScenarioFailure first = failures.get(0);
        String heading = first.scenario() == null ? String.valueOf(first.file())
                : first.mission() == null ? first.scenario() : first.scenario() + "/" + first.mission();
        return new MultipleFailuresError(heading, errors);
    }

    /** A file URI with the line, which JUnit turns into a FileSource with a FilePosition. */
    static URI uri(Path file, int line) {
        URI base = file.toAbsolutePath().normalize().toUri();
        return URI.create(base + "?line=" + line);
    }
}
