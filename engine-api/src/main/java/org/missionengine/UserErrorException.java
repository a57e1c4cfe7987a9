package org.missionengine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mistake in what a user gave the engine (a portfolio, a rule file, a parameter, an option), as opposed to a
 * fault of the engine. Carries every problem found, each with its location, so they can be fixed in one pass.
 */
public class UserErrorException extends MissionEngineException {
    private final List<Problem> problems;

    public UserErrorException(List<Problem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    public UserErrorException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Returns the same exception type with every problem attributed to a file. */
    public UserErrorException inFile(String fileName) {
        return new UserErrorException(problems.stream().map(p -> p.file() == null ? p.inFile(fileName) : p).toList());
    }

    private static String summarise(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a user error needs at least one problem");
        }
        return problems.stream().map(Problem::describe).collect(Collectors.joining("\n"));
    }
}
