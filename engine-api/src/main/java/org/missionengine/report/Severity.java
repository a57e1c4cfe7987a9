package org.missionengine.report;

/** How much a finding matters, in increasing order. */
public enum Severity {
    /** Worth knowing; no action needed. */
    INFO,
    /** A weakness to look at. */
    WARNING,
    /** A serious flaw, such as a sign of mission washing. */
    CRITICAL;

    /**
     * Whether this severity is the same as or worse than another.
     *
     * @param other the severity to compare with
     * @return true when this severity is {@code other} or worse
     */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
