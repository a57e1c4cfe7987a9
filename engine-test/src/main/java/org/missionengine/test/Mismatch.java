package org.missionengine.test;

import org.opentest4j.AssertionFailedError;

/**
 * What an expectation wanted and what the report held instead. {@code message} reads "expected X, found Y";
 * {@code expected} and {@code actual} feed the IDE's comparison view.
 */
record Mismatch(String message, Object expected, Object actual) {

    static Mismatch of(String expected, String found, Object expectedValue, Object actualValue) {
        return new Mismatch("expected " + expected + ", found " + found, expectedValue, actualValue);
    }

    /** A mismatch that is not a comparison, such as a finding code that no rule emits. */
    static Mismatch problem(String message) {
        return new Mismatch(message, null, null);
    }

    boolean comparison() {
        return expected != null || actual != null;
    }

    AssertionFailedError toError(String prefix) {
        String text = prefix == null || prefix.isEmpty() ? message : prefix + ": " + message;
        return comparison() ? new AssertionFailedError(text, expected, actual) : new AssertionFailedError(text);
    }
}
