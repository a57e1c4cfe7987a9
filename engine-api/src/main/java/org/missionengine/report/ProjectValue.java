package org.missionengine.report;

import java.util.Map;

/**
 * One project's value in the plain and the mission view. PVs are discounted to the evaluation year. {@code totalValue}
 * is the project's exact share of the propagated mission value; {@code spillsInto} the part of it landing in other
 * sectors, by sector.
 */
public record ProjectValue(String project, String sector, double pvCosts, double pvBenefits, double npv,
                           Double benefitCostRatio, double totalValue, Double dynamicBenefitCostRatio,
                           Map<String, Double> spillsInto) {
    public ProjectValue {
        // keeps the given order (Map.copyOf would not), so that reports and evidence read the same on every run;
        // compact, since a large portfolio's report holds one per project
        spillsInto = CompactOrderedMap.spillsOf(project, spillsInto);
    }
}
