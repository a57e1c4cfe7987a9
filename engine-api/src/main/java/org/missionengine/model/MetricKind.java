package org.missionengine.model;

/** What a metric measures, from the mission's ends (impact, outcome) to its means (output, input). */
public enum MetricKind {
    IMPACT, OUTCOME, OUTPUT, INPUT
}
