package org.missionengine;

/**
 * A rule misbehaved while evaluating: it fired more than the engine's firing limit, ran past its time limit (see
 * {@link MissionEngineBuilder#maxFirings} and {@link MissionEngineBuilder#timeout}), or threw. Names the rule (and its pack) so the rule's author can fix it.
 */
public class RuleExecutionException extends UserErrorException {
    private final String rule;

    public RuleExecutionException(String rule, String pack, String subject, String message, String hint) {
        super(new Problem(pack, "rule \"" + rule + "\"" + (subject == null ? "" : " on " + subject), message, hint));
        this.rule = rule;
    }

    /** The name of the rule that misbehaved. */
    public String rule() {
        return rule;
    }
}
