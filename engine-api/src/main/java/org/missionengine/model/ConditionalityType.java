package org.missionengine.model;

/** Conditions attached to public money (after Mazzucato and Rodrik). */
public enum ConditionalityType {
    /** The money must serve the mission's direction (what is built, researched or deployed). */
    DIRECTIONALITY,
    /** Emission targets or limits the recipient must meet. */
    EMISSIONS,
    /** Profits must be reinvested (in production, research or the workforce) rather than paid out. */
    REINVESTMENT,
    /** The public shares in the profits the money helps to make. */
    PROFIT_SHARING,
    /** The public takes a stake in the recipient. */
    EQUITY_STAKE,
    /** What the money produces must be affordable or accessible (price caps, licensing terms). */
    ACCESS_PRICING,
    /** Wages, working conditions or union rights the recipient must respect. */
    FAIR_LABOUR,
    /** The recipient may not book profits in tax havens. */
    NO_TAX_HAVENS,
    /** The recipient may not buy back its shares or pay dividends while it holds the money. */
    NO_BUYBACKS,
    /** A share of the work or supply must come from the region or country. */
    LOCAL_CONTENT,
    /** Small and medium-sized enterprises must be part of the work (as suppliers or partners). */
    SME_INCLUSION,
    /** Results, data or patents must be shared (open access, licensing). */
    KNOWLEDGE_SHARING,
    /** Any other condition; its description says what. */
    OTHER
}
