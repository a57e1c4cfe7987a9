package org.missionengine.report;

/** The five mission criteria (UCL IIPP): bold, measurable, ambitious yet realistic, cross-cutting, bottom-up. */
public enum Criterion {
    /** Bold and inspiring, with wide societal relevance: a challenge and a public statement. */
    BOLD,
    /** Targeted, measurable and time-bound: outcome targets with baselines, goals and dates. */
    MEASURABLE,
    /** Ambitious but realistic: research and innovation behind it, a pace that can be met. */
    AMBITIOUS_REALISTIC,
    /** Cross-disciplinary, cross-sectoral and cross-actor. */
    CROSS_CUTTING,
    /** Open to many solutions, found bottom-up: several solution paths, open calls. */
    BOTTOM_UP
}
