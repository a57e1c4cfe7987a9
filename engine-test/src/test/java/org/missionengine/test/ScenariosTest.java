package org.missionengine.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

class ScenariosTest {
    static final Path DIR = ScenarioRunnerTest.DIR;

    /** How a project runs its scenarios: one dynamic test per scenario and mission. */
    @TestFactory
    Stream<DynamicNode> passingScenarios() {
        return Scenarios.in(DIR.resolve("passing"));
    }

    @Test
    void eachScenarioIsAContainerWithATestPerMissionPointingAtItsLine() throws Throwable {
        Map<String, Throwable> outcomes = run(Scenarios.from(DIR.resolve("failing/wrong-expectations.yaml"),
                DIR.resolve("failing/disabled.yaml")).tests());
        assertThat(outcomes.keySet()).containsExactly(
                "Expectations that do not hold (wrong-expectations.yaml)/m1 @... line=5",
                "Expectations that do not hold (wrong-expectations.yaml)/m9 @... line=16",
                "Expecting a finding the scenario disabled (disabled.yaml)/m1 @... line=7");
    }

    @Test
    void failuresNameTheFileAndLineAndKeepExpectedAndActualForTheIde() throws Throwable {
        Map<String, Throwable> outcomes = new LinkedHashMap<>();
        collect(Scenarios.from(DIR.resolve("failing/wrong-expectations.yaml"), DIR.resolve("malformed/syntax.json"))
                .tests(), "", outcomes, false);
        List<Throwable> failures = new ArrayList<>(outcomes.values());
        assertThat(failures).hasSize(3);
        assertThat(failures.get(0)).isInstanceOf(MultipleFailuresError.class)
                .hasMessageStartingWith("Expectations that do not hold/m1 (6 failures)");
        List<Throwable> each = ((MultipleFailuresError) failures.get(0)).getFailures();
        assertThat(each.get(3)).isInstanceOf(AssertionFailedError.class)
                .hasMessage(DIR.resolve("failing/wrong-expectations.yaml") + ":11: Expectations that do not hold/m1: "
                        + "expected rating WEAK, found STRONG (score 1, washing risk 0, criteria {BOLD 1, MEASURABLE 1, "
                        + "AMBITIOUS_REALISTIC 1, CROSS_CUTTING 1, BOTTOM_UP 1})");
        assertThat(((AssertionFailedError) each.get(3)).getExpected().getStringRepresentation()).isEqualTo("WEAK");
        assertThat(failures.get(1)).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith(DIR.resolve("failing/wrong-expectations.yaml") + ":16: ");
        assertThat(failures.get(2)).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith(DIR.resolve("malformed/syntax.json") + ":4: not valid JSON");
    }

    @Test
    void aRequiredCoverageAddsALastTestThatListsTheRulesNeverFired() throws Throwable {
        List<DynamicNode> nodes = Scenarios.from(DIR.resolve("passing/rebranded.json")).requireCoverage(1.0).tests()
                .toList();
        DynamicNode last = nodes.get(nodes.size() - 1);
        assertThat(last.getDisplayName()).isEqualTo("rule coverage");
        Map<String, Throwable> outcomes = new LinkedHashMap<>();
        collect(nodes.stream(), "", outcomes, false);
        assertThat(outcomes).containsOnlyKeys("rule coverage");
        assertThat(outcomes.get("rule coverage")).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("rule coverage ")
                .hasMessageContaining("is below the required 100.0%")
                .hasMessageContaining("never fired:\n")
                .hasMessageContaining("PROC_NO_MISSION_CRITERIA");
    }

    /** Runs every test; returns "container/test @line" (or the failure) per test. */
    private static Map<String, Throwable> run(Stream<DynamicNode> nodes) throws Throwable {
        Map<String, Throwable> outcomes = new LinkedHashMap<>();
        collect(nodes, "", outcomes, true);
        return outcomes;
    }

    private static void collect(Stream<? extends DynamicNode> nodes, String prefix, Map<String, Throwable> outcomes,
                                boolean keyBySource) {
        nodes.forEach(node -> {
            String name = prefix.isEmpty() ? node.getDisplayName() : prefix + "/" + node.getDisplayName();
            if (node instanceof DynamicContainer container) {
                assertThat(container.getTestSourceUri()).hasValueSatisfying(u -> assertThat(u.getQuery()).isEqualTo("line=1"));
                collect(container.getChildren(), name, outcomes, keyBySource);
            } else if (node instanceof DynamicTest test) {
                Throwable failure = null;
                try {
                    test.getExecutable().execute();
                } catch (Throwable t) {
                    failure = t;
                }
                if (keyBySource) {
                    String query = test.getTestSourceUri().orElseThrow().getQuery();
                    outcomes.put(name + " @... " + query, failure);
                } else if (failure != null) {
                    outcomes.put(name, failure);
                }
            }
        });
    }
}
