package org.missionengine.test;

import java.nio.file.Path;
import java.util.List;

/**
 * The unit of a scenario run, as counted in "N passed, N failed" and run as one JUnit dynamic test: the
 * expectations of one scenario about one mission (or about the portfolio-level findings, {@code mission}
 * "portfolio"). A scenario file that cannot be read or evaluated is one failed check with a null {@code mission}.
 *
 * @param file     the scenario file
 * @param line     the line of the expectations in the file, from 1
 * @param scenario the scenario's name; null when the file could not be read
 * @param mission  the mission the expectations are about, {@code portfolio} for portfolio-level findings; null for a
 *                 file that could not be read or evaluated
 * @param failures how the check failed; empty when it passed
 */
public record ScenarioCheck(Path file, int line, String scenario, String mission, List<ScenarioFailure> failures) {
    /**
     * Copies the failures.
     *
     * @param file     the scenario file
     * @param line     the line of the expectations
     * @param scenario the scenario's name, or null
     * @param mission  the mission, {@code portfolio}, or null
     * @param failures how the check failed; empty when it passed
     */
    public ScenarioCheck {
        failures = List.copyOf(failures);
    }

    /**
     * Whether every expectation held.
     *
     * @return true when there is no failure
     */
    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * Whether the check is about a scenario file that could not be read or evaluated (bad syntax, unknown field,
     * broken portfolio or rule file, unknown parameter) rather than about expectations that did not hold.
     *
     * @return true for such a file
     */
    public boolean isError() {
        return !failures.isEmpty() && mission == null;
    }

    /**
     * The check's name, as a test runner shows it.
     *
     * @return {@code scenario/mission}, or the file name for a check about the whole file
     */
    public String name() {
        if (scenario == null) {
            return String.valueOf(file);
        }
        return mission == null ? scenario : scenario + "/" + mission;
    }
}
