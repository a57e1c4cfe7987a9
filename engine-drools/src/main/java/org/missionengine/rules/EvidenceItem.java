package org.missionengine.rules;

/**
 * Fact inserted by the evidence pack: one item of evidence a mission's record should hold (its budget, its
 * governance, its projects...), with the item's weight and the share of it that is recorded (0..1). The mission's
 * {@code evidence} is the weighted share recorded over all its items.
 *
 * @param code     the DATA_* code reported while the item is not fully recorded
 * @param weight   the item's weight ({@code evidence.weight.CODE})
 * @param recorded the share of the item that the portfolio records, 0..1
 */
public record EvidenceItem(String code, double weight, double recorded) {
}
