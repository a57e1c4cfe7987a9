package org.missionengine.test;

import java.nio.file.Path;
import java.util.List;

/**
 * The unit of a scenario run, as counted in "N passed, N failed" and run as one JUnit dynamic test: the
 * expectations of one scenario about one mission (or about the portfolio-level findings, {@code mission}
 * "portfolio"). A scenario file that cannot be read or evaluated is one failed check with a null {@code mission}.
 */
public record ScenarioCheck(Path file, int line, String scenario, String mission, List<ScenarioFailure> failures) {
    public ScenarioCheck {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * True when the check is about a scenario file that could not be read or evaluated (bad syntax, unknown field,
     * broken portfolio or rule file, unknown parameter) rather than about expectations that did not hold.
     */
    public boolean isError() {
        return !failures.isEmpty() && mission == null;
    }

    /** {@code scenario/mission}, or the file name for a check about the whole file. */
    public String name() {
        if (scenario == null) {
            return String.valueOf(file);
        }
        return mission == null ? scenario : scenario + "/" + mission;
    }
}
