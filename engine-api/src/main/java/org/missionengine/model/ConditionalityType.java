package org.missionengine.model;

/** Conditions attached to public money (after Mazzucato and Rodrik). */
public enum ConditionalityType {
    DIRECTIONALITY, EMISSIONS, REINVESTMENT, PROFIT_SHARING, EQUITY_STAKE, ACCESS_PRICING, FAIR_LABOUR, NO_TAX_HAVENS, NO_BUYBACKS, LOCAL_CONTENT, SME_INCLUSION, KNOWLEDGE_SHARING, OTHER
}
