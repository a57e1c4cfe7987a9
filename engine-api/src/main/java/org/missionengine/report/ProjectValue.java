package org.missionengine.report;

import java.util.Map;

/**
 * One project's value in the plain and the mission view. PVs are discounted to the evaluation year. {@code totalValue}
 * is the project's exact share of the propagated mission value; {@code spillsInto} the part of it landing in other
 * sectors, by sector, largest first, for each sector that receives at least half a cent. A JSON report writes the
 * amounts to the cent and the ratios to 4 decimals; these records keep the exact values.
 *
 * @param project                 the project's id
 * @param sector                  its sector
 * @param pvCosts                 the present value of its costs
 * @param pvBenefits              the present value of its benefits
 * @param npv                     pvBenefits − pvCosts
 * @param benefitCostRatio        pvBenefits / pvCosts; null without costs
 * @param totalValue              its share of the propagated mission value
 * @param dynamicBenefitCostRatio totalValue / pvCosts; null without costs
 * @param spillsInto              the part of totalValue landing in other sectors, by sector
 */
public record ProjectValue(String project, String sector, double pvCosts, double pvBenefits, double npv,
                           Double benefitCostRatio, double totalValue, Double dynamicBenefitCostRatio,
                           Map<String, Double> spillsInto) {
    /**
     * Keeps {@code spillsInto} in its order.
     *
     * @param project                 the project's id
     * @param sector                  its sector
     * @param pvCosts                 the present value of its costs
     * @param pvBenefits              the present value of its benefits
     * @param npv                     pvBenefits − pvCosts
     * @param benefitCostRatio        pvBenefits / pvCosts; null without costs
     * @param totalValue              its share of the propagated mission value
     * @param dynamicBenefitCostRatio totalValue / pvCosts; null without costs
     * @param spillsInto              the part of totalValue landing in other sectors, by sector
     */
    public ProjectValue {
        // keeps the given order (Map.copyOf would not), so that reports and evidence read the same on every run;
        // compact, since a large portfolio's report holds one per project
        spillsInto = CompactOrderedMap.spillsOf(project, spillsInto);
    }
}
