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
 */
public record ScenarioResults(List<Path> files, List<ScenarioCheck> checks, RuleCoverage coverage) {
    public ScenarioResults {
        files = List.copyOf(files);
        checks = List.copyOf(checks);
    }

    public int passed() {
        return (int) checks.stream().filter(ScenarioCheck::passed).count();
    }

    public int failed() {
        return checks.size() - passed();
    }

    /** True when every check passed (and there was at least one). */
    public boolean successful() {
        return !checks.isEmpty() && failed() == 0;
    }

    /** Every failure of every check, in file order. */
    public List<ScenarioFailure> failures() {
        return checks.stream().flatMap(c -> c.failures().stream()).toList();
    }

    /** The failed checks about scenario files that could not be read or evaluated (see {@link ScenarioCheck#isError()}). */
    public List<ScenarioCheck> errors() {
        return checks.stream().filter(ScenarioCheck::isError).toList();
    }

    /** {@code N passed, N failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
