package org.missionengine.model;

/**
 * How the state acts through a project: money (grants, loans, equity, guarantees, contracts, tax credits, bailouts,
 * prizes) or REGULATION (a standard, mandate or ban, whose public funding is 0 or its administration cost).
 */
public enum Instrument {
    GRANT, LOAN, EQUITY, GUARANTEE, PROCUREMENT, TAX_CREDIT, BAILOUT, PRIZE, REGULATION
}
