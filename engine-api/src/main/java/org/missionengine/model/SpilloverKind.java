package org.missionengine.model;

/** The channel through which value spills from one sector or project into another. */
public enum SpilloverKind {
    KNOWLEDGE, TECHNOLOGY, MARKET_CREATION, DEMAND, SKILLS, INFRASTRUCTURE, NETWORK
}
