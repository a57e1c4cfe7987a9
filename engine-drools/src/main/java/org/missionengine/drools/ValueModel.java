package org.missionengine.drools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.missionengine.model.Cashflow;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Spillover;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.ValueAssessment;

/**
 * The plain cost-benefit view and the mission view of value (SPEC §5). A project's direct value is the PV of its
 * benefits, in its sector, plus its first-hop project spillovers into other sectors; the sector network then
 * propagates it through (I − S)^-1. Propagation is linear, so each project's share of the mission total is exact.
 */
final class ValueModel {
    private final SpilloverNetwork network;
    private final Map<String, List<Spillover>> projectSpillovers = new LinkedHashMap<>();
    private final double discountRate;
    private final int baseYear;
    /** Discount factors for cash flows up to {@link #FACTOR_YEARS} years before or after the base year. */
    private static final int FACTOR_YEARS = 200;
    private final double[] factors;

    ValueModel(Portfolio portfolio, SpilloverNetwork network, double discountRate, int baseYear) {
        this.network = network;
        this.discountRate = discountRate;
        this.baseYear = baseYear;
        this.factors = new double[2 * FACTOR_YEARS + 1];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = Math.pow(1 + discountRate, i - FACTOR_YEARS);
        }
        for (Spillover s : portfolio.spillovers()) {
            if (s.fromProject() != null) {
                projectSpillovers.computeIfAbsent(s.fromProject(), k -> new ArrayList<>()).add(s);
            }
        }
    }

    /** The mission's value, or null when none of its projects has cash flows. */
    ValueAssessment of(Mission mission) {
        if (mission.projects().stream().allMatch(p -> p.cashflows().isEmpty())) {
            return null;
        }
        List<ProjectValue> projects = new ArrayList<>();
        Map<String, Double> bySector = new LinkedHashMap<>();
        double pvCosts = 0;
        double pvBenefits = 0;
        double total = 0;
        double publicFunding = 0;
        double privateFunding = 0;
        for (Project project : mission.projects()) {
            publicFunding += project.publicFunding();
            privateFunding += project.privateFunding();
            ProjectValue value = of(project, bySector); // one propagation per project serves both views
            projects.add(value);
            pvCosts += value.pvCosts();
            pvBenefits += value.pvBenefits();
            total += value.totalValue();
        }
        return new ValueAssessment(discountRate, pvCosts, pvBenefits, pvBenefits - pvCosts, ratio(pvBenefits, pvCosts),
                pvBenefits, total - pvBenefits, total, ratio(total, pvCosts),
                publicFunding > 0 ? privateFunding / publicFunding : null, bySector, projects);
    }

    ProjectValue of(Project project) {
        return of(project, null);
    }

    /** The project's value; its propagated value by sector is also added to {@code bySector} when given. */
    private ProjectValue of(Project project, Map<String, Double> bySector) {
        double costs = presentValue(project, true);
        double benefits = presentValue(project, false);
        Map<String, Double> propagated = network.propagate(direct(project, benefits));
        if (bySector != null) {
            propagated.forEach((s, v) -> bySector.merge(s, v, Double::sum));
        }
        double total = propagated.values().stream().mapToDouble(Double::doubleValue).sum();
        String home = sectorOf(project);
        // largest first, so that reports (and VAL_CBA_UNDERVALUES) name the sectors that matter most
        Map<String, Double> elsewhere = new LinkedHashMap<>();
        propagated.entrySet().stream()
                .filter(e -> !e.getKey().equals(home) && Math.abs(e.getValue()) > 1e-9)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> elsewhere.put(e.getKey(), e.getValue()));
        return new ProjectValue(project.id(), project.sector(), costs, benefits, benefits - costs, ratio(benefits, costs),
                total, ratio(total, costs), elsewhere);
    }

    /** The project's direct value by sector: its own benefits at home, and first-hop spillovers elsewhere. */
    private Map<String, Double> direct(Project project, double benefits) {
        Map<String, Double> direct = new LinkedHashMap<>();
        direct.put(sectorOf(project), benefits);
        for (Spillover s : projectSpillovers.getOrDefault(project.id(), List.of())) {
            direct.merge(s.toSector(), s.intensity() * benefits, Double::sum);
        }
        return direct;
    }

    private double presentValue(Project project, boolean costs) {
        double pv = 0;
        for (Cashflow cf : project.cashflows()) {
            pv += (costs ? cf.cost() : cf.benefit()) / discountFactor(cf.year() - baseYear);
        }
        return pv;
    }

    /** (1 + rate)^years, from a table for the usual range (the same Math.pow values, computed once). */
    private double discountFactor(int years) {
        int i = years + FACTOR_YEARS;
        return i >= 0 && i < factors.length ? factors[i] : Math.pow(1 + discountRate, years);
    }

    private static String sectorOf(Project project) {
        return project.sector() == null ? "(no sector)" : project.sector();
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
