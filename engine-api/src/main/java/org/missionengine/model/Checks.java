package org.missionengine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Argument checks shared by the records. Each failure is an {@link InvalidFieldException} naming the component, the
 * offending value and a fix; its message reads well on its own for code that builds records directly.
 */
final class Checks {
    private static final String AMOUNT_HINT = "Amounts are zero or more: check the sign.";
    private static final String FINITE_HINT = "Write a finite number such as 1500000, or leave the field out when "
            + "the value is not known.";
    private static final String SHARE_HINT = "Write a share between 0 and 1, e.g. 0.25 for 25 %.";

    /**
     * The largest amount (funding, budget, cash flow) a portfolio may hold, in its currency: 10^15, a thousand
     * trillion, about ten times the world's yearly output in dollars, and below 2^53, so whole amounts stay exact. With
     * it no sum the engine forms can overflow: a sum of n amounts is at most n × 10^15, finite for any n a computer can
     * hold (up to 10^293); a present value multiplies an amount by (1 + rate)^years, finite for the rates and spans of
     * years plans have (1.035^2000 is 10^30; the value model refuses what leaves the range all the same); shares and
     * ratios divide such sums by others. Observations and goals are not amounts (a count of grams or of people can
     * exceed it) and have their own, wider bound, {@link #MAX_MEASUREMENT}.
     */
    static final double MAX_AMOUNT = 1e15;
    /**
     * The largest magnitude of a measured value (an observation, a baseline, a goal): 10^100, beyond any quantity in
     * any unit, and small enough that trend lines (sums of squares of values over a series) stay finite.
     */
    static final double MAX_MEASUREMENT = 1e100;
    private static final String MAX_AMOUNT_HINT = "Amounts are plain numbers in the portfolio's currency, at most 1e15 "
            + "(a thousand trillion): check the number for a typo or a unit mix-up, or record every amount in a larger "
            + "unit (e.g. millions) and say so in \"currency\".";
    private static final String MAX_MEASUREMENT_HINT = "A measured value is at most 1e100 either way: check the number "
            + "for a typo, or measure in a larger unit.";

    private Checks() {
    }

    static String requireId(String id, String what, String field) {
        return requireId(id, what, field, "Give it an id: a short text such as \"p1\", unique in its list.");
    }

    static String requireId(String id, String what, String field, String hint) {
        if (id == null || id.isBlank()) {
            throw new InvalidFieldException(field, what + " id must be a non-empty string, got " + quote(id),
                    id == null ? "is missing" : "must not be " + (id.isEmpty() ? "empty" : "blank") + ", got "
                            + quote(id),
                    hint);
        }
        return id;
    }

    /** A finite number, whatever its size. */
    private static Double finite(Double value, String what, String field) {
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new InvalidFieldException(field, what + " must be a finite number, got " + value,
                    "must be a finite number, got " + value + (value.isInfinite()
                            ? " (a number too large for a double, such as 1e309, reads as infinity)" : ""),
                    FINITE_HINT);
        }
        return value;
    }

    /** A measured value (an observation, a baseline, a goal): finite and within {@link #MAX_MEASUREMENT} either way. */
    static Double finiteOrNull(Double value, String what, String field) {
        finite(value, what, field);
        if (value != null && Math.abs(value) > MAX_MEASUREMENT) {
            throw new InvalidFieldException(field, what + " must be between -1e100 and 1e100, got " + format(value),
                    "must be between -1e100 and 1e100, the largest a measured value may be, got " + format(value),
                    MAX_MEASUREMENT_HINT);
        }
        return value;
    }

    /** A number of years or the like: finite and not negative, with no upper bound of its own. */
    static Double nonNegativeNumberOrNull(Double value, String what, String field) {
        finite(value, what, field);
        if (value != null && value < 0) {
            throw new InvalidFieldException(field, what + " must not be negative, got " + format(value),
                    "must not be negative, got " + format(value), AMOUNT_HINT);
        }
        return value;
    }

    /** An amount of money: finite, not negative, and at most {@link #MAX_AMOUNT}. */
    static Double nonNegativeOrNull(Double value, String what, String field) {
        nonNegativeNumberOrNull(value, what, field);
        return atMostMaxAmount(value, what, field);
    }

    /** An amount of money: finite, not negative, and at most {@link #MAX_AMOUNT}. */
    static double nonNegative(double value, String what, String field) {
        return nonNegativeOrNull(value, what, field);
    }

    /** An amount that may be negative (a cash flow's benefit): finite and at most {@link #MAX_AMOUNT} either way. */
    static double signedAmount(double value, String what, String field) {
        finite(value, what, field);
        if (value < 0 && -value > MAX_AMOUNT) {
            throw new InvalidFieldException(field, what + " must be at least -1e15, got " + format(value),
                    "must be at least -1e15, the largest amount a portfolio may hold, got " + format(value),
                    MAX_AMOUNT_HINT);
        }
        return atMostMaxAmount(value, what, field);
    }

    private static Double atMostMaxAmount(Double value, String what, String field) {
        if (value != null && value > MAX_AMOUNT) {
            throw new InvalidFieldException(field, what + " must be at most 1e15, got " + format(value),
                    "must be at most 1e15, the largest amount a portfolio may hold, got " + format(value),
                    MAX_AMOUNT_HINT);
        }
        return value;
    }

    static Double shareOrNull(Double value, String what, String field) {
        finiteOrNull(value, what, field);
        if (value != null && (value < 0 || value > 1)) {
            throw new InvalidFieldException(field, what + " must be between 0 and 1, got " + format(value),
                    "must be between 0 and 1, got " + format(value), SHARE_HINT);
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "entry " + i + " of " + field + " is null",
                        "is null (an empty entry in the list)", "Remove the null entry from the list.");
            }
        }
        return List.copyOf(values);
    }

    /** A list of names (sectors, disciplines, metric ids): no null and no empty or blank entry. */
    static List<String> names(List<String> values, String field) {
        List<String> list = list(values, field);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isBlank()) {
                throw new InvalidFieldException(field + "[" + i + "]", "entry " + i + " of " + field + " is "
                        + (list.get(i).isEmpty() ? "empty" : "blank"), list.get(i).isEmpty() ? "is an empty text"
                        : "is blank, got " + quote(list.get(i)), "Write the name, or remove the empty entry from the list.");
            }
        }
        return list;
    }

    static <K, V> Map<K, V> map(Map<K, V> values, String field) {
        if (values == null) {
            return Map.of();
        }
        for (Map.Entry<K, V> e : values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidFieldException(field + "." + e.getKey(), field + " \"" + e.getKey() + "\" has no "
                        + "value", "has no value (null)", "Give it a value, or remove the entry.");
            }
        }
        return Map.copyOf(values);
    }

    static InvalidFieldException invalid(String field, String subject, String detail, String hint) {
        return new InvalidFieldException(field, subject + " " + detail, detail, hint);
    }

    static String quote(String s) {
        return s == null ? "null" : '"' + s + '"';
    }

    /** 3000000.0 as "3000000", 0.25 as "0.25". */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 1e15) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
