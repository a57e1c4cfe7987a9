package org.missionengine.test;

import java.nio.file.Path;

/**
 * One way a scenario failed, at a line of its file: an expectation that did not hold ("expected X, found Y"), a code
 * no rule emits, or a scenario that could not be read or evaluated. {@code scenario} and {@code mission} are null
 * when the failure is about the file as a whole; {@code expected} and {@code actual} are set for comparisons.
 *
 * @param file     the scenario file
 * @param line     the line of the expectation (or of the problem) in the file, from 1
 * @param scenario the scenario's name; null for a failure about the file as a whole
 * @param mission  the mission the expectation is about ({@code portfolio} for portfolio-level findings); null for a
 *                 failure about the file or the whole scenario
 * @param message  what went wrong, such as {@code expected MW_REBRANDED, found [MW_NO_NEW_MONEY]}
 * @param expected the value expected, for an IDE's comparison view; null when the failure is no comparison
 * @param actual   the value found; null when the failure is no comparison (or nothing was found)
 */
public record ScenarioFailure(Path file, int line, String scenario, String mission, String message, Object expected,
                              Object actual) {

    /**
     * One line, the form editors and CI logs link to.
     *
     * @return {@code file:line: scenario/mission: message}
     */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(file).append(':').append(line).append(": ");
        if (scenario != null) {
            sb.append(scenario);
            if (mission != null) {
                sb.append('/').append(mission);
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
