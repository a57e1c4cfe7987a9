package org.missionengine.model;

/** How public money reaches a project. */
public enum Instrument {
    GRANT, LOAN, EQUITY, GUARANTEE, PROCUREMENT, TAX_CREDIT, BAILOUT, PRIZE
}
