package org.missionengine;

/**
 * A rule misbehaved while evaluating: it fired more than the engine's firing limit, ran past its time limit (see
 * {@link MissionEngineBuilder#maxFirings} and {@link MissionEngineBuilder#timeout}), or threw. Names the rule, where
 * it is declared (its file and line, or its decision table's cell; else its pack) and what it was evaluating, so the
 * rule's author can fix it.
 */
public class RuleExecutionException extends UserErrorException {
    /** The rule that misbehaved. */
    private final String rule;
    /** Where in its file the rule is, or null. */
    private final String origin;
    /** What it was evaluating, or null. */
    private final String subject;

    /**
     * A failure of one rule, as a problem naming the pack, the rule and the subject.
     *
     * @param rule    the rule's name
     * @param pack    its pack
     * @param subject what it was evaluating (a mission or project id), or null
     * @param message what it did
     * @param hint    how to fix it
     */
    public RuleExecutionException(String rule, String pack, String subject, String message, String hint) {
        this(rule, pack, null, subject, message, hint);
    }

    /**
     * A failure of one rule, as a problem naming the file that declares the rule and the place in it, the rule and
     * the subject: {@code rules/agency.drl:12: rule "..." on mission "...": failed: ...} for a DRL file,
     * {@code rules/regional.csv: G12: rule "..." on mission "...": failed: ...} for a decision table.
     *
     * @param rule    the rule's name
     * @param file    the file that declares it (as the user named it, or a built-in pack's resource path), else its
     *                pack
     * @param origin  where in that file a user finds the rule: the line of its {@code rule "..."} in a DRL file (such as
     *                {@code 12}), a decision table's cell (such as {@code Rules!A12}); or null
     * @param subject what it was evaluating (a mission or project id), or null
     * @param message what it did
     * @param hint    how to fix it
     */
    public RuleExecutionException(String rule, String file, String origin, String subject, String message,
                                  String hint) {
        super(new Problem(file, (origin == null ? "" : origin + ": ") + "rule \"" + rule + "\""
                + (subject == null ? "" : " on " + subject), message, hint));
        this.rule = rule;
        this.origin = origin;
        this.subject = subject;
    }

    /**
     * The rule that misbehaved.
     *
     * @return its name
     */
    public String rule() {
        return rule;
    }

    /**
     * Where in its file a user finds the rule that misbehaved: the line of its declaration in a DRL file ({@code 12}),
     * a decision table's cell ({@code Rules!A12}).
     *
     * @return the place, or null when the problem names the rule's pack only
     */
    public String origin() {
        return origin;
    }

    /**
     * What the rule was evaluating.
     *
     * @return a mission or project, as {@code mission "M1"}; null when not known
     */
    public String subject() {
        return subject;
    }
}
