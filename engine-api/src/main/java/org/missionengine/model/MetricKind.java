package org.missionengine.model;

/** What a metric measures, from the mission's ends (impact, outcome) to its means (output, input). */
public enum MetricKind {
    /** The change in society the mission is for (lives saved, emissions avoided). */
    IMPACT,
    /** A result that leads there (homes retrofitted and heated with less energy). */
    OUTCOME,
    /** What the mission's activities produce (retrofits funded, reports written). */
    OUTPUT,
    /** What goes in (money spent, staff assigned). */
    INPUT
}
