package org.missionengine.internal;

import java.util.Locale;

/**
 * An amount of money as findings' messages and the reports write it, so that a figure reads the same in both. Not
 * public API.
 */
public final class Money {
    private Money() {
    }

    /**
     * An amount in a currency, to the unit, with thousands separators: {@code EUR 3,500,000}, {@code GBP -541,333}.
     *
     * @param currency the currency's code, written before the amount; null for none
     * @param amount   the amount
     * @return the text; an amount that rounds to nothing is 0, never -0
     */
    public static String of(String currency, double amount) {
        double units = Math.rint(amount) == 0 ? 0 : amount;
        return (currency == null ? "" : currency + " ") + String.format(Locale.US, "%,.0f", units);
    }
}
