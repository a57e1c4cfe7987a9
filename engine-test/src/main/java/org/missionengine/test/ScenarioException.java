package org.missionengine.test;

import java.util.List;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;

/**
 * A scenario file that cannot be used: bad syntax, an unknown or mistyped field, a wrong value, a portfolio that
 * cannot be read. Every problem names the file and line ({@code scenarios/rebranded.yaml:12: ...}) and how to fix it.
 */
public class ScenarioException extends UserErrorException {
    /**
     * A refusal of a scenario file, listing every problem found.
     *
     * @param problems each problem, at its file and line, at least one
     */
    public ScenarioException(List<Problem> problems) {
        super(problems);
    }
}
