package org.missionengine.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Compares and prints evidence values: numbers within a tolerance, lists regardless of order, the rest by text. */
final class Values {
    private Values() {
    }

    /**
     * True when {@code actual} matches {@code expected}: numbers within the tolerance; text, true/false and enum
     * constants by their text; lists (or sets) when they hold matching elements, in any order.
     */
    static boolean matches(Object expected, Object actual, Tolerance tolerance) {
        if (expected instanceof Expected e) {
            return matches(e.value(), actual, e.tolerance());
        }
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return tolerance.matches(e.doubleValue(), a.doubleValue());
        }
        if (expected instanceof Collection<?> e && actual instanceof Collection<?> a) {
            if (e.size() != a.size()) {
                return false;
            }
            List<Object> left = new ArrayList<>(a);
            for (Object item : e) {
                int match = -1;
                for (int i = 0; i < left.size() && match < 0; i++) {
                    if (matches(item, left.get(i), tolerance)) {
                        match = i;
                    }
                }
                if (match < 0) {
                    return false;
                }
                left.remove(match);
            }
            return true;
        }
        if (expected instanceof Collection<?> || actual instanceof Collection<?>
                || expected instanceof Number || actual instanceof Number) {
            return false;
        }
        return String.valueOf(expected).equals(String.valueOf(actual));
    }

    /** A value with its own tolerance, as written in a scenario file ({@code {value: 0.62, within: 0.01}}). */
    record Expected(Object value, Tolerance tolerance) {
        @Override
        public String toString() {
            return format(value) + " " + tolerance;
        }
    }

    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joiner = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joiner.add(k + "=" + format(v)));
            return joiner.toString();
        }
        if (value instanceof Collection<?> list) {
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            list.forEach(v -> joiner.add(format(v)));
            return joiner.toString();
        }
        if (value instanceof Expected e) {
            return e.toString();
        }
        return String.valueOf(value);
    }
}
