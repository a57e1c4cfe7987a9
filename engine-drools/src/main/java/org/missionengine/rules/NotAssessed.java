package org.missionengine.rules;

/**
 * Fact: a check that could not be assessed for the mission because a record it needs is absent (absent is not none).
 * It neither passes nor fails: its criterion is scored over the checks that could be assessed. Insert it logically
 * from the rule that would otherwise have decided the check.
 *
 * @param code    the finding code of the check, e.g. {@code CRIT_NO_OPEN_CALL}
 * @param missing what the portfolio would have to record for the check to be made, e.g. "projects"
 */
public record NotAssessed(String code, String missing) {
}
