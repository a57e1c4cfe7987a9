package org.missionengine.test;

import java.nio.file.Path;

/**
 * One way a scenario failed, at a line of its file: an expectation that did not hold ("expected X, found Y"), a code
 * no rule emits, or a scenario that could not be read or evaluated. {@code scenario} and {@code mission} are null
 * when the failure is about the file as a whole; {@code expected} and {@code actual} are set for comparisons.
 */
public record ScenarioFailure(Path file, int line, String scenario, String mission, String message, Object expected,
                              Object actual) {

    /** One line: {@code file:line: scenario/mission: message}, the form editors and CI logs link to. */
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
