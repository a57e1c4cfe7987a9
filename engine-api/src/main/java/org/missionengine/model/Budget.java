package org.missionengine.model;

/**
 * A mission's money: the total, the part that is new (not reallocated), and whether it is committed over several years.
 * Each part is null when the record does not say (absent is not none): {@code newMoney == 0} says the mission has no
 * new money, {@code newMoney == null} that nobody recorded how much of it is new.
 *
 * @param total      all the money the mission has, in the portfolio's currency; null when not recorded
 * @param newMoney   the part of it that is new rather than reallocated from existing programmes; null when not
 *                   recorded, 0 for none
 * @param multiYear  true when the money is committed over several years, false when not; null when not recorded
 */
public record Budget(Double total, Double newMoney, Boolean multiYear) {
    /**
     * Checks the amounts.
     *
     * @param total     all the money, 0 or more, at most 1e15; or null
     * @param newMoney  the new money, 0 or more, at most 1e15; or null
     * @param multiYear whether it is committed over several years, or null
     * @throws InvalidFieldException naming the field and the value when an amount is negative, too large or not finite
     */
    public Budget {
        Checks.nonNegativeOrNull(total, "budget total", "total");
        Checks.nonNegativeOrNull(newMoney, "budget newMoney", "newMoney");
    }
}
