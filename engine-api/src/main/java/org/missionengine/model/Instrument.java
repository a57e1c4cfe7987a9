package org.missionengine.model;

/**
 * How the state acts through a project: money (grants, loans, equity, guarantees, contracts, tax credits, bailouts,
 * prizes) or REGULATION (a standard, mandate or ban, whose public funding is 0 or its administration cost).
 */
public enum Instrument {
    /** Money given, not paid back. */
    GRANT,
    /** Money lent, to be paid back. */
    LOAN,
    /** A stake in the recipient. */
    EQUITY,
    /** A promise to cover another lender's loss. */
    GUARANTEE,
    /** A public contract: the state buys goods, works or services. */
    PROCUREMENT,
    /** Tax forgone in exchange for spending the mission wants. */
    TAX_CREDIT,
    /** Money to rescue a firm. */
    BAILOUT,
    /** A reward for whoever first meets a stated goal. */
    PRIZE,
    /** A standard, mandate or ban; its public funding is 0 or its administration cost. */
    REGULATION
}
