package org.missionengine.report;

/** The five mission criteria (UCL IIPP): bold, measurable, ambitious yet realistic, cross-cutting, bottom-up. */
public enum Criterion {
    BOLD, MEASURABLE, AMBITIOUS_REALISTIC, CROSS_CUTTING, BOTTOM_UP
}
