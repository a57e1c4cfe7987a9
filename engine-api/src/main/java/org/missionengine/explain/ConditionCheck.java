package org.missionengine.explain;

/**
 * One condition (a pattern, {@code not}, {@code exists}, {@code eval}, ...) of a rule that did not fire, as written.
 *
 * @param text    the condition as written in the rule file, on one line
 * @param line    its line in the rule file
 * @param outcome whether the mission's facts satisfied it, given the conditions before it
 * @param detail  for the failed condition: the part of it that failed and the values it failed on; else null
 * @param cell    for a condition of a decision table's rule, the cell it comes from ({@code Rules!F12}), where
 *                {@code line} is a line of the DRL the table becomes; null for a rule written in DRL
 */
public record ConditionCheck(String text, int line, Outcome outcome, String detail, String cell) {
    /**
     * A condition of a rule written in DRL.
     *
     * @param text    the condition as written, on one line
     * @param line    its line in the rule file
     * @param outcome whether the mission's facts satisfied it
     * @param detail  for the failed condition, what failed on which values; else null
     */
    public ConditionCheck(String text, int line, Outcome outcome, String detail) {
        this(text, line, outcome, detail, null);
    }

    /**
     * Where the condition is written: {@code line 12} in a DRL file, the cell in a decision table.
     *
     * @return the place, as a reader finds it
     */
    public String place() {
        return cell != null ? cell : "line " + line;
    }

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
