package org.missionengine.spark;

import java.util.List;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.InvalidRulesException;
import org.missionengine.Problem;
import org.missionengine.RuleExecutionException;
import org.missionengine.UserErrorException;

/**
 * A user's mistake met on an executor (a bad row, a failing rule), carried back to the driver as plain text, since
 * Spark ships a task's exception only when it serialises, and rebuilt there as the exception one machine throws:
 * same type, same message.
 */
final class ExecutorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private enum Kind { PORTFOLIO, RULES, RULE_EXECUTION, OTHER }

    private final Kind kind;
    private final String rule;
    /** A failed rule's place in its file (a decision table's cell) and what it was evaluating, or null. */
    private final String origin;
    private final String subject;
    /** Each problem as file, location, message, hint. */
    private final String[][] problems;

    ExecutorFailure(UserErrorException e) {
        super(e.getMessage(), null, false, false);
        this.kind = e instanceof RuleExecutionException ? Kind.RULE_EXECUTION : e instanceof InvalidRulesException
                ? Kind.RULES : e instanceof InvalidPortfolioException ? Kind.PORTFOLIO : Kind.OTHER;
        this.rule = e instanceof RuleExecutionException r ? r.rule() : null;
        this.origin = e instanceof RuleExecutionException r ? r.origin() : null;
        this.subject = e instanceof RuleExecutionException r ? r.subject() : null;
        this.problems = e.problems().stream()
                .map(p -> new String[] {p.file(), p.location(), p.message(), p.hint()}).toArray(String[][]::new);
    }

    /** The exception as the single-machine engine throws it. */
    UserErrorException rebuild() {
        List<Problem> list = java.util.Arrays.stream(problems).map(p -> new Problem(p[0], p[1], p[2], p[3])).toList();
        switch (kind) {
            case RULE_EXECUTION:
                Problem p = list.get(0);
                return new RuleExecutionException(rule, p.file(), origin, subject, p.message(), p.hint());
            case RULES:
                return new InvalidRulesException(list);
            case PORTFOLIO:
                return new InvalidPortfolioException(list);
            default:
                return new UserErrorException(list);
        }
    }

    /**
     * What to throw for a failed Spark job: the user's mistake behind it as one machine throws it, else the failure
     * itself (Spark's exceptions are checked ones, thrown from Scala undeclared).
     */
    static RuntimeException rethrow(Exception failure) {
        UserErrorException user = userError(failure);
        if (user != null) {
            return user;
        }
        return failure instanceof RuntimeException r ? r : new IllegalStateException(failure.getMessage(), failure);
    }

    /** The user's mistake behind a failed Spark job, if that is what failed it. */
    static UserErrorException userError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExecutorFailure f) {
                return f.rebuild();
            }
            if (t instanceof UserErrorException u) {
                return u;
            }
        }
        return null;
    }
}
