package org.missionengine.model;

/**
 * A mission's money: the total, the part that is new (not reallocated), and whether it is committed over several years.
 * Each part is null when the record does not say (absent is not none): {@code newMoney == 0} says the mission has no
 * new money, {@code newMoney == null} that nobody recorded how much of it is new.
 */
public record Budget(Double total, Double newMoney, Boolean multiYear) {
    public Budget {
        Checks.nonNegativeOrNull(total, "budget total", "total");
        Checks.nonNegativeOrNull(newMoney, "budget newMoney", "newMoney");
    }
}
