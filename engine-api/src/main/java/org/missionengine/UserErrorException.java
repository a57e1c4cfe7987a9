package org.missionengine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mistake in what a user gave the engine (a portfolio, a rule file, a parameter, an option), as opposed to a
 * fault of the engine. Carries every problem found, each with its location, so they can be fixed in one pass.
 */
public class UserErrorException extends MissionEngineException {
    /** Every problem found, at least one. */
    private final List<Problem> problems;

    /**
     * An error made of one or more problems.
     *
     * @param problems every problem found, at least one; the message lists them one per line
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public UserErrorException(List<Problem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * An error made of one problem.
     *
     * @param problem the problem
     */
    public UserErrorException(Problem problem) {
        this(List.of(problem));
    }

    /**
     * Every problem found, in the order found.
     *
     * @return the problems, at least one
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The same problems, those without a file attributed to {@code fileName}, except those located at a parameter set
     * by an option ({@code --param rating.strong}), which is in no file.
     *
     * @param fileName the file
     * @return a new exception
     */
    public UserErrorException inFile(String fileName) {
        return new UserErrorException(problems.stream().map(p -> p.file() == null
                && (p.location() == null || !p.location().startsWith("--param ")) ? p.inFile(fileName) : p).toList());
    }

    private static String summarise(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a user error needs at least one problem");
        }
        return problems.stream().map(Problem::describe).collect(Collectors.joining("\n"));
    }
}
