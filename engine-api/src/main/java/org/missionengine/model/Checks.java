package org.missionengine.model;

import java.util.List;
import java.util.Map;

/** Argument checks shared by the records; messages carry the offending value. */
final class Checks {
    private Checks() {
    }

    static String requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " id must be a non-empty string, got " + quote(id));
        }
        return id;
    }

    static Double finiteOrNull(Double value, String what) {
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
        return value;
    }

    static Double nonNegativeOrNull(Double value, String what) {
        finiteOrNull(value, what);
        if (value != null && value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    static double nonNegative(double value, String what) {
        return nonNegativeOrNull(value, what);
    }

    static Double shareOrNull(Double value, String what) {
        finiteOrNull(value, what);
        if (value != null && (value < 0 || value > 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + value);
        }
        return value;
    }

    static <T> List<T> list(List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException("lists must not contain null elements: " + values);
            }
        }
        return List.copyOf(values);
    }

    static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }

    static String quote(String s) {
        return s == null ? "null" : '"' + s + '"';
    }
}
