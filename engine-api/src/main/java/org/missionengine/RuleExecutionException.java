package org.missionengine;

/**
 * A rule misbehaved while evaluating: it fired more than the engine's firing limit, ran past its time limit (see
 * {@link MissionEngineBuilder#maxFirings} and {@link MissionEngineBuilder#timeout}), or threw. Names the rule (and its pack) so the rule's author can fix it.
 */
public class RuleExecutionException extends UserErrorException {
    /** The rule that misbehaved. */
    private final String rule;

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
        super(new Problem(pack, "rule \"" + rule + "\"" + (subject == null ? "" : " on " + subject), message, hint));
        this.rule = rule;
    }

    /**
     * The rule that misbehaved.
     *
     * @return its name
     */
    public String rule() {
        return rule;
    }
}
