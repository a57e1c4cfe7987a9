package org.missionengine.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain cost-benefit view beside the mission view of a mission's value. {@code directValue} is the PV of the
 * projects' own benefits; {@code totalValue} adds what spills over across sectors; {@code leverage} is private over
 * public funding. Ratios are null when there are no costs. Amounts are in {@code currency}.
 *
 * @param currency                the portfolio's currency (such as EUR), or null when it names none
 * @param discountRate            the rate cash flows are discounted at
 * @param pvCosts                 the present value of the projects' costs
 * @param pvBenefits              the present value of their benefits
 * @param npv                     pvBenefits − pvCosts
 * @param benefitCostRatio        pvBenefits / pvCosts; null without costs
 * @param directValue             the present value of the projects' own benefits
 * @param spilloverValue          totalValue − directValue
 * @param totalValue              the value propagated through the spillover network
 * @param dynamicBenefitCostRatio totalValue / pvCosts; null without costs
 * @param leverage                private over public funding, across the projects that record both; null when none
 *                                does or their public funding is 0
 * @param valueBySector           totalValue by sector
 * @param projects                each project's value
 */
public record ValueAssessment(String currency, double discountRate, double pvCosts, double pvBenefits, double npv,
                              Double benefitCostRatio, double directValue, double spilloverValue, double totalValue,
                              Double dynamicBenefitCostRatio, Double leverage, Map<String, Double> valueBySector,
                              List<ProjectValue> projects) {
    /**
     * Copies the map and the list, keeping their order; null is none.
     *
     * @param currency                the portfolio's currency, or null
     * @param discountRate            the rate cash flows are discounted at
     * @param pvCosts                 the present value of the projects' costs
     * @param pvBenefits              the present value of their benefits
     * @param npv                     pvBenefits − pvCosts
     * @param benefitCostRatio        pvBenefits / pvCosts; null without costs
     * @param directValue             the present value of the projects' own benefits
     * @param spilloverValue          totalValue − directValue
     * @param totalValue              the value propagated through the spillover network
     * @param dynamicBenefitCostRatio totalValue / pvCosts; null without costs
     * @param leverage                private over public funding, across the projects that record both; null when none
     *                                does or their public funding is 0
     * @param valueBySector           totalValue by sector
     * @param projects                each project's value
     */
    public ValueAssessment {
        // keeps the given order (Map.copyOf would not), so that reports and evidence read the same on every run
        valueBySector = valueBySector == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(valueBySector));
        projects = projects == null ? List.of() : List.copyOf(projects);
    }
}
