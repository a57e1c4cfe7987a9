package org.missionengine.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

/** The scenario engine as surefire and IDEs drive it: through the JUnit Platform launcher. */
class ScenarioTestEngineTest {
    static final Path DIR = Path.of("src/test/scenario-engine");

    @Test
    void eachExpectationIsATestNamedFromItsFileAndPointingAtItsLine() {
        Map<String, Outcome> tests = run(selectDirectory(DIR.resolve("passing").toFile()));
        assertThat(tests).containsOnlyKeys(
                "The strong mission stays clean (rebranded.scenario.yaml)/m1: no finding MW_REBRANDED",
                "The strong mission stays clean (rebranded.scenario.yaml)/m1: no finding MW_NO_NEW_MONEY",
                "The strong mission stays clean (rebranded.scenario.yaml)/m1: rating STRONG");
        assertThat(tests.values()).allSatisfy(o -> assertThat(o.result().getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(tests.get("The strong mission stays clean (rebranded.scenario.yaml)/m1: rating STRONG").line())
                .isEqualTo(7);
    }

    @Test
    void aFailedExpectationNamesTheFileAndLineAsMissionEvalTestDoes() {
        Map<String, Outcome> tests = run(selectDirectory(DIR.resolve("failing").toFile()));
        Path file = Path.of("src/test/scenario-engine/failing/wrong-rating.scenario.yaml");
        assertThat(tests.get("A rating that does not hold (wrong-rating.scenario.yaml)/m1: no finding MW_REBRANDED")
                .result().getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        Throwable failure = tests.get("A rating that does not hold (wrong-rating.scenario.yaml)/m1: rating WEAK")
                .result().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage(file + ":7: A rating that does not "
                + "hold/m1: expected rating WEAK, found STRONG (score 1, washing risk 0, criteria {BOLD 1, MEASURABLE 1, "
                + "AMBITIOUS_REALISTIC 1, CROSS_CUTTING 1, BOTTOM_UP 1})");
        assertThat(((AssertionFailedError) failure).getExpected().getStringRepresentation()).isEqualTo("WEAK");
    }

    @Test
    void aScenarioFileThatCannotBeReadIsOneFailingTestAtItsLine() {
        Map<String, Outcome> tests = run(selectDirectory(DIR.resolve("failing").toFile()));
        Outcome unreadable = tests.get("src/test/scenario-engine/failing/unreadable.scenario.yaml");
        assertThat(unreadable.line()).isEqualTo(4);
        assertThat(unreadable.result().getThrowable().orElseThrow())
                .hasMessageStartingWith("src/test/scenario-engine/failing/unreadable.scenario.yaml:4: unknown field "
                        + "\"expects\"");
    }

    @Test
    void aClassMarkedScenarioFilesRunsTheScenariosUnderItsRootsAndOtherClassesDoNot() {
        assertThat(run(selectClass(Marked.class))).hasSize(3).allSatisfy((name, outcome) ->
                assertThat(name).startsWith("The strong mission stays clean"));
        assertThat(run(selectClass(ScenarioTestEngineTest.class))).isEmpty();
    }

    @Test
    void oneTestCanBeRunAgainByItsUniqueIdAsIdesDo() {
        Map<String, String> ids = new LinkedHashMap<>();
        TestPlan plan = LauncherFactory.create().discover(request(selectClass(Marked.class)));
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()) {
                    ids.put(plan.getParent(test).orElseThrow().getDisplayName() + "/" + test.getDisplayName(),
                            test.getUniqueId());
                }
            }
        }
        String id = ids.get("The strong mission stays clean (rebranded.scenario.yaml)/m1: rating STRONG");
        assertThat(id).isEqualTo("[engine:mission-scenarios]/[class:org.missionengine.test.ScenarioTestEngineTest$Marked]"
                + "/[scenario:src%2Ftest%2Fscenario-engine%2Fpassing%2F"
                + "rebranded.scenario.yaml]/[expectation:m1#3]");
        Map<String, Outcome> tests = run(selectUniqueId(id));
        assertThat(tests).containsOnlyKeys("The strong mission stays clean (rebranded.scenario.yaml)/m1: rating STRONG");
    }

    @ScenarioFiles("src/test/scenario-engine/passing")
    static class Marked {
    }

    record Outcome(int line, TestExecutionResult result) {
    }

    private static Map<String, Outcome> run(DiscoverySelector selector) {
        return execute(request(selector));
    }

    private static LauncherDiscoveryRequest request(DiscoverySelector selector) {
        return LauncherDiscoveryRequestBuilder.request().selectors(selector)
                .filters(EngineFilter.includeEngines(ScenarioTestEngine.ID)).build();
    }

    /** Runs the request; "file container/test" (or the file alone for a file that is a test) per test. */
    private static Map<String, Outcome> execute(LauncherDiscoveryRequest request) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            private TestPlan plan;

            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                plan = testPlan;
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    TestIdentifier parent = plan.getParent(test).orElseThrow();
                    String name = parent.getParentId().isEmpty() ? test.getDisplayName()
                            : parent.getDisplayName() + "/" + test.getDisplayName();
                    FileSource source = (FileSource) test.getSource().orElseThrow();
                    outcomes.put(name, new Outcome(source.getPosition().orElseThrow().getLine(), result));
                }
            }
        });
        return outcomes;
    }
}
