package org.missionengine.test;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run of scenario files found: every check with its failures, and the rule coverage of all evaluations.
 *
 * <pre>{@code
 * ScenarioResults results = ScenarioRunner.create().run(List.of(Path.of("samples/scenarios")));
 * results.failures().forEach(f -> System.out.println(f.describe()));  // file:line: scenario/mission: expected X, found Y
 * System.out.println(results.summary());                             // 12 passed, 1 failed
 * System.out.print(results.coverage().toText());
 * }</pre>
 *
 * @param files    the scenario files run, in order
 * @param checks   every check, in file order
 * @param coverage which rules fired across every evaluation of the run
 */
public record ScenarioResults(List<Path> files, List<ScenarioCheck> checks, RuleCoverage coverage) {
    /**
     * Copies the lists.
     *
     * @param files    the scenario files run
     * @param checks   every check
     * @param coverage the rule coverage
     */
    public ScenarioResults {
        files = List.copyOf(files);
        checks = List.copyOf(checks);
    }

    /**
     * How many checks passed.
     *
     * @return that number
     */
    public int passed() {
        return (int) checks.stream().filter(ScenarioCheck::passed).count();
    }

    /**
     * How many checks failed, files that could not be read included.
     *
     * @return that number
     */
    public int failed() {
        return checks.size() - passed();
    }

    /**
     * Whether the run is a success.
     *
     * @return true when every check passed and there was at least one
     */
    public boolean successful() {
        return !checks.isEmpty() && failed() == 0;
    }

    /**
     * Every failure of every check, in file order.
     *
     * @return the failures; empty when every check passed
     */
    public List<ScenarioFailure> failures() {
        return checks.stream().flatMap(c -> c.failures().stream()).toList();
    }

    /**
     * The failed checks about scenario files that could not be read or evaluated (see {@link ScenarioCheck#isError()}).
     *
     * @return those checks
     */
    public List<ScenarioCheck> errors() {
        return checks.stream().filter(ScenarioCheck::isError).toList();
    }

    /**
     * One line for the end of a run.
     *
     * @return {@code N passed, N failed}
     */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
