package org.missionengine.model;

/** A project's cost and benefit in one calendar year, in the portfolio's currency. */
public record Cashflow(int year, double cost, double benefit) {
    public Cashflow {
        Checks.nonNegative(cost, "cash flow cost", "cost");
        Checks.signedAmount(benefit, "cash flow benefit", "benefit");
    }
}
