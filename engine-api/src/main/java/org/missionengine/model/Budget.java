package org.missionengine.model;

/** A mission's money: the total, the part that is new (not reallocated), and whether it is committed over several years. */
public record Budget(Double total, Double newMoney, boolean multiYear) {
    public Budget {
        Checks.nonNegativeOrNull(total, "budget total", "total");
        Checks.nonNegativeOrNull(newMoney, "budget newMoney", "newMoney");
    }
}
