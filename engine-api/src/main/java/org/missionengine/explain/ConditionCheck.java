package org.missionengine.explain;

/**
 * One condition (a pattern, {@code not}, {@code exists}, {@code eval}, ...) of a rule that did not fire, as written.
 *
 * @param text    the condition as written in the rule file, on one line
 * @param line    its line in the rule file
 * @param outcome whether the mission's facts satisfied it, given the conditions before it
 * @param detail  for the failed condition: the part of it that failed and the values it failed on; else null
 */
public record ConditionCheck(String text, int line, Outcome outcome, String detail) {
    /** How far the rule's conditions got with the mission's facts. */
    public enum Outcome {
        /** some facts satisfy this condition and every one before it */
        HELD,
        /** the first condition that no facts satisfy (with those before it) */
        FAILED,
        /** after the failed condition: not looked at */
        NOT_REACHED
    }
}
