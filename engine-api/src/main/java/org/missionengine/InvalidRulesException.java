package org.missionengine;

import java.util.List;

/** Rule files, packs, parameters or overrides that cannot be used: compile errors with {@code file:line}, unknown names. */
public class InvalidRulesException extends UserErrorException {
    /**
     * A refusal of rule files, listing every problem found.
     *
     * @param problems every problem found, at least one
     */
    public InvalidRulesException(List<Problem> problems) {
        super(problems);
    }

    /**
     * A refusal of rule files for one problem.
     *
     * @param problem the problem
     */
    public InvalidRulesException(Problem problem) {
        super(problem);
    }
}
