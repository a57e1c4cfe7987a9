package org.missionengine.drools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;

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
    /** To locate a value too large for a number. */
    private final List<Mission> missions;
    private final double discountRate;
    private final String currency;
    private final int baseYear;
    /** Discount factors for cash flows up to {@link #FACTOR_YEARS} years before or after the base year. */
    private static final int FACTOR_YEARS = 200;
    /** The smallest amount {@code spillsInto} lists: what a report, writing money to the cent, shows as 0.01. */
    static final double HALF_A_CENT = 0.005;
    private final double[] factors;

    ValueModel(Portfolio portfolio, SpilloverNetwork network, double discountRate, int baseYear) {
        this.network = network;
        this.missions = portfolio.missions();
        this.discountRate = discountRate;
        this.currency = portfolio.currency();
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
        List<ProjectValue> projects = new ArrayList<>(mission.projects().size());
        Map<String, double[]> bySector = new LinkedHashMap<>(); // running sums, in order of first appearance
        double pvCosts = 0;
        double pvBenefits = 0;
        double total = 0;
        double publicFunding = 0; // leverage counts only the projects that record both amounts
        double privateFunding = 0;
        for (Project project : mission.projects()) {
            if (project.fundingRecorded() && project.privateFundingRecorded()) {
                publicFunding += project.publicFunding();
                privateFunding += project.privateFunding();
            }
            ProjectValue value = of(project, bySector); // one propagation per project serves both views
            projects.add(value);
            pvCosts += value.pvCosts();
            pvBenefits += value.pvBenefits();
            total += value.totalValue();
        }
        Map<String, Double> valueBySector = new LinkedHashMap<>();
        bySector.forEach((sector, sum) -> valueBySector.put(sector, sum[0]));
        Double leverage = publicFunding > 0 ? privateFunding / publicFunding : null;
        if (!finite(pvCosts, pvBenefits, total) || !finiteRatio(pvBenefits, pvCosts) || !finiteRatio(total, pvCosts)
                || !finiteRatio(privateFunding, publicFunding)) {
            throw tooLarge(locate(mission, null), "the value of mission \"" + mission.id() + "\"");
        }
        return new ValueAssessment(currency, discountRate, pvCosts, pvBenefits, pvBenefits - pvCosts, ratio(pvBenefits, pvCosts),
                pvBenefits, total - pvBenefits, total, ratio(total, pvCosts),
                leverage, valueBySector, projects);
    }

    ProjectValue of(Project project) {
        return of(project, null);
    }

    /**
     * The project's value; its propagated value by sector is also added to {@code bySector} when given. Works on
     * arrays rather than maps (it runs once per project): same sectors, same order, same sums as summing a map.
     */
    private ProjectValue of(Project project, Map<String, double[]> bySector) {
        double costs = presentValue(project, true);
        double benefits = presentValue(project, false);
        SpilloverNetwork.Propagation propagated = direct(project, benefits);
        String[] sectors = propagated.sectors();
        double[] values = propagated.values();
        int n = propagated.size();
        if (bySector != null) {
            for (int k = 0; k < n; k++) {
                bySector.computeIfAbsent(sectors[k], s -> new double[1])[0] += values[k];
            }
        }
        double total = Arrays.stream(values, 0, n).sum();
        // total is not finite when any sector's value is not
        if (!finite(costs, benefits, total) || !finiteRatio(benefits, costs) || !finiteRatio(total, costs)) {
            throw tooLarge(locate(null, project), "the value of project \"" + project.id() + "\"");
        }
        String home = sectorOf(project);
        // largest first (then by name), so that reports and VAL_CBA_UNDERVALUES name the sectors that matter most;
        // a sort, not insertion: on a dense network every project reaches thousands of sectors
        Integer[] elsewhereFirst = new Integer[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            // less than half a cent is not a spillover a report can show (it writes money to the cent)
            if (!sectors[k].equals(home) && Math.abs(values[k]) >= HALF_A_CENT) {
                elsewhereFirst[m++] = k;
            }
        }
        Arrays.sort(elsewhereFirst, 0, m, (a, b) -> largestFirst(sectors, values, a, b));
        int[] order = new int[m];
        for (int k = 0; k < m; k++) {
            order[k] = elsewhereFirst[k];
        }
        // ProjectValue copies the map it is given: hand it a view of the arrays rather than a map built only to be copied
        Map<String, Double> elsewhere = new OrderedView(sectors, values, order, m);
        return new ProjectValue(project.id(), project.sector(), costs, benefits, benefits - costs, ratio(benefits, costs),
                total, ratio(total, costs), elsewhere);
    }

    /** A read-only map of some of the sectors and values, in the order given: enough for a copy to iterate. */
    private static final class OrderedView extends java.util.AbstractMap<String, Double> {
        private final String[] sectors;
        private final double[] values;
        private final int[] order;
        private final int size;

        OrderedView(String[] sectors, double[] values, int[] order, int size) {
            this.sectors = sectors;
            this.values = values;
            this.order = order;
            this.size = size;
        }

        @Override
        public java.util.Set<Entry<String, Double>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Entry<String, Double>> iterator() {
                    return new java.util.Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, Double> next() {
                            if (next >= size) {
                                throw new java.util.NoSuchElementException();
                            }
                            int k = order[next++];
                            return Map.entry(sectors[k], values[k]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /** Sector a before sector b when its value is larger, then by name. */
    private static int largestFirst(String[] sectors, double[] values, int a, int b) {
        int byValue = Double.compare(values[b], values[a]);
        return byValue != 0 ? byValue : sectors[a].compareTo(sectors[b]);
    }

    /**
     * The project's value propagated through the network, from its direct value by sector: its own benefits at home,
     * and first-hop spillovers elsewhere (spillovers into one sector add up; sectors in order of first mention).
     */
    private SpilloverNetwork.Propagation direct(Project project, double benefits) {
        List<Spillover> spillovers = projectSpillovers.getOrDefault(project.id(), List.of());
        String[] sectors = new String[1 + spillovers.size()];
        double[] values = new double[sectors.length];
        sectors[0] = sectorOf(project);
        values[0] = benefits;
        int n = 1;
        for (Spillover s : spillovers) {
            int at = 0;
            while (at < n && !sectors[at].equals(s.toSector())) {
                at++;
            }
            if (at == n) {
                sectors[n++] = s.toSector();
                values[at] = s.intensity() * benefits;
            } else {
                values[at] += s.intensity() * benefits;
            }
        }
        return network.propagateToArrays(sectors, values, n);
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

    /**
     * Amounts are at most 1e15, so sums of them stay finite; discounting over thousands of years, an extreme discount
     * rate or a ratio to a vanishing cost can still leave the range of a double. That is refused as the user's to fix,
     * at the mission or project, rather than reported as Infinity or left to the report writer.
     */
    private InvalidPortfolioException tooLarge(String location, String what) {
        String message = String.format(Locale.ROOT, "%s is too large for a number once its cash flows are discounted "
                + "to %d at a rate of %s and compared with its costs", what, baseYear, discountRate);
        return new InvalidPortfolioException(List.of(Problem.at(location, message, "Check the cash flows' years (a "
                + "typo such as 20300 or 203) and amounts (a cost of almost nothing), or set value.discountRate to a "
                + "usual rate such as 0.035.")));
    }

    /** The JSON path of a mission (project null) or of a project's cash flows. */
    private String locate(Mission mission, Project project) {
        for (int i = 0; i < missions.size(); i++) {
            Mission m = missions.get(i);
            if (m == mission) {
                return "missions[" + i + "]";
            }
            List<Project> projects = m.projects() == null ? List.of() : m.projects();
            for (int j = 0; j < projects.size(); j++) {
                if (projects.get(j) == project) {
                    return "missions[" + i + "].projects[" + j + "].cashflows";
                }
            }
        }
        return project != null ? "project \"" + project.id() + "\"" : "mission \"" + mission.id() + "\"";
    }

    private static boolean finite(double a, double b, double c) {
        return Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c);
    }

    /** A ratio that is absent (no denominator) or finite. */
    private static boolean finiteRatio(double numerator, double denominator) {
        return denominator == 0 || Double.isFinite(numerator / denominator);
    }

    private static String sectorOf(Project project) {
        return project.sector() == null ? "(no sector)" : project.sector();
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
