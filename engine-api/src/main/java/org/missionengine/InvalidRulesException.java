package org.missionengine;

import java.util.List;

/** Rule files, packs, parameters or overrides that cannot be used: compile errors with {@code file:line}, unknown names. */
public class InvalidRulesException extends UserErrorException {
    public InvalidRulesException(List<Problem> problems) {
        super(problems);
    }

    public InvalidRulesException(Problem problem) {
        super(problem);
    }
}
