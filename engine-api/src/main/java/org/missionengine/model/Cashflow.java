package org.missionengine.model;

/**
 * A project's cost and benefit in one calendar year, in the portfolio's currency.
 *
 * @param year    the calendar year
 * @param cost    the cost, 0 or more
 * @param benefit the benefit, finite
 */
public record Cashflow(int year, double cost, double benefit) {
    /**
     * Checks the amounts.
     *
     * @param year    the calendar year
     * @param cost    the cost, 0 or more
     * @param benefit the benefit, finite
     * @throws InvalidFieldException if the cost is negative or either amount is not finite
     */
    public Cashflow {
        Checks.nonNegative(cost, "cash flow cost", "cost");
        Checks.signedAmount(benefit, "cash flow benefit", "benefit");
    }
}
