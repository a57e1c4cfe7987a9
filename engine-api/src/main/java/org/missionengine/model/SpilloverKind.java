package org.missionengine.model;

/** The channel through which value spills from one sector or project into another. */
public enum SpilloverKind {
    /** Knowledge, research results and know-how used elsewhere. */
    KNOWLEDGE,
    /** A technology adopted in another sector. */
    TECHNOLOGY,
    /** A market the mission creates or shapes. */
    MARKET_CREATION,
    /** Demand for another sector's goods and services (input-output linkages). */
    DEMAND,
    /** Skills of people who move on or teach others. */
    SKILLS,
    /** Infrastructure that others use. */
    INFRASTRUCTURE,
    /** Networks and partnerships that outlast the project. */
    NETWORK
}
