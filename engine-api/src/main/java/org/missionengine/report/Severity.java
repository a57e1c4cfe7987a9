package org.missionengine.report;

/** How much a finding matters, in increasing order. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    /** True when this severity is the same as or worse than {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
