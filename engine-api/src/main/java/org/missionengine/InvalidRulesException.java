package org.missionengine;

import java.util.List;

/** Rule files, packs, parameters or overrides that cannot be used: compile errors with {@code file:line}, unknown names. */
public class InvalidRulesException extends UserErrorException {
    /**
     * @param problems every problem found, at least one
     */
    public InvalidRulesException(List<Problem> problems) {
        super(problems);
    }

    /**
     * @param problem the problem
     */
    public InvalidRulesException(Problem problem) {
        super(problem);
    }
}
