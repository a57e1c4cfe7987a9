package org.missionengine.drools.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.missionengine.drools.dynamic.Dynamic.ENGINE;
import static org.missionengine.drools.dynamic.Dynamic.close;
import static org.missionengine.drools.dynamic.Dynamic.d;
import static org.missionengine.drools.dynamic.Dynamic.finding;
import static org.missionengine.drools.dynamic.Dynamic.has;
import static org.missionengine.drools.dynamic.Dynamic.metric;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.missionengine.InvalidPortfolioException;
import org.missionengine.MissionEngine;
import org.missionengine.UserErrorException;
import org.missionengine.model.Cashflow;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;
import org.missionengine.model.Target;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.ValueAssessment;

/** The plain cost-benefit view beside the mission view (SPEC §5), VAL_CBA_UNDERVALUES and VAL_NO_DIRECTION. */
class ValueModelTest {

    static Spillover fromProject(String project, String to, double intensity) {
        return new Spillover(project, null, to, SpilloverKind.KNOWLEDGE, intensity, null, EvidenceLevel.ESTIMATED);
    }

    static Spillover fromSector(String from, String to, double intensity) {
        return new Spillover(null, from, to, SpilloverKind.MARKET_CREATION, intensity, null, EvidenceLevel.ESTIMATED);
    }

    static Target target(String metric) {
        return new Target(metric, DatedValue.of(0, d("2024-01-01")), DatedValue.of(1, d("2030-12-31")));
    }

    static Portfolio.Builder base() {
        return Portfolio.builder().metric(metric("m1", MetricKind.OUTCOME, Direction.INCREASE))
                .metric(metric("m2", MetricKind.OUTCOME, Direction.INCREASE));
    }

    static ProjectValue project(MissionReport r, String id) {
        return r.value().projects().stream().filter(p -> p.project().equals(id)).findFirst().orElseThrow();
    }

    // --- plain view -------------------------------------------------------------------------------------------

    static Portfolio plain() {
        Project p = Project.builder("p").sector("energy").publicFunding(100).privateFunding(40).contributesTo("m1")
                .cashflows(new Cashflow(2023, 50, 0), new Cashflow(2024, 100, 10), new Cashflow(2025, 0, 80),
                        new Cashflow(2026, 0, 80))
                .build();
        return base().mission(Mission.builder("m").targets(target("m1")).projects(p).build()).build();
    }

    @Test
    void cashFlowsAreDiscountedToTheEvaluationYear() {
        MissionReport r = ENGINE.evaluate(plain(), d("2024-06-30")).mission("m");

        // 2023 is compounded one year forward, 2025 and 2026 discounted one and two years at 3.5 %
        double pvCosts = 50 * 1.035 + 100;
        double pvBenefits = 10 + 80 / 1.035 + 80 / (1.035 * 1.035);
        ProjectValue p = project(r, "p");
        close(p.pvCosts(), pvCosts);
        close(p.pvBenefits(), pvBenefits);
        close(p.npv(), pvBenefits - pvCosts);
        close(p.benefitCostRatio(), pvBenefits / pvCosts);
        // nothing spills over: the mission view equals the plain view
        close(p.totalValue(), pvBenefits);
        close(p.dynamicBenefitCostRatio(), pvBenefits / pvCosts);
        assertThat(p.spillsInto()).isEmpty();

        ValueAssessment v = r.value();
        close(v.discountRate(), 0.035);
        close(v.pvCosts(), pvCosts);
        close(v.pvBenefits(), pvBenefits);
        close(v.npv(), pvBenefits - pvCosts);
        close(v.benefitCostRatio(), pvBenefits / pvCosts);
        close(v.directValue(), pvBenefits);
        close(v.spilloverValue(), 0);
        close(v.totalValue(), pvBenefits);
        close(v.leverage(), 0.4);
        assertThat(v.valueBySector()).containsOnlyKeys("energy");
    }

    @Test
    void theDiscountRateIsAParameter() {
        MissionEngine engine = MissionEngine.builder().parameter("value.discountRate", 0.05).build();
        ProjectValue p = project(engine.evaluate(plain(), d("2024-06-30")).mission("m"), "p");

        close(p.pvCosts(), 50 * 1.05 + 100);
        close(p.pvBenefits(), 10 + 80 / 1.05 + 80 / (1.05 * 1.05));
    }

    @Test
    void aMissionWithoutCashFlowsHasNoValue() {
        Portfolio p = base().mission(Mission.builder("m").projects(Project.builder("p").sector("energy").build()).build())
                .build();

        assertThat(ENGINE.evaluate(p, d("2024-06-30")).mission("m").value()).isNull();
    }

    // --- mission view -----------------------------------------------------------------------------------------

    /**
     * P1 (energy, cost 100, benefit 80: plain ratio 0.8) spills 30 % of its benefits into manufacturing; manufacturing
     * passes 50 % on to services and services 20 % back to manufacturing. P2 (services, cost 100, benefit 150).
     * Cash flows in the evaluation year, so nothing is discounted.
     */
    static Portfolio spilling() {
        Project p1 = Project.builder("p1").sector("energy").publicFunding(100).contributesTo("m1")
                .cashflows(new Cashflow(2024, 100, 80)).build();
        Project p2 = Project.builder("p2").sector("services").publicFunding(100).contributesTo("m1")
                .cashflows(new Cashflow(2024, 100, 150)).build();
        return base().mission(Mission.builder("m").targets(target("m1")).projects(p1, p2).build())
                .spillover(fromProject("p1", "manufacturing", 0.3))
                .spillover(fromSector("manufacturing", "services", 0.5))
                .spillover(fromSector("services", "manufacturing", 0.2))
                .build();
    }

    @Test
    void spilloversPropagateThroughTheSectorNetwork() {
        MissionReport r = ENGINE.evaluate(spilling(), d("2024-06-30")).mission("m");

        // p1: direct energy 80, manufacturing 0.3 × 80 = 24. x(I − S) = d:
        //   x_m = 24 + 0.2 x_s, x_s = 0.5 x_m  →  x_m = 24 / 0.9, x_s = 12 / 0.9
        double m1 = 24 / 0.9;
        double s1 = 12 / 0.9;
        ProjectValue p1 = project(r, "p1");
        close(p1.pvBenefits(), 80);
        close(p1.benefitCostRatio(), 0.8);
        close(p1.totalValue(), 80 + m1 + s1);
        close(p1.totalValue(), 120);
        close(p1.dynamicBenefitCostRatio(), 1.2);
        assertThat(p1.spillsInto()).containsOnlyKeys("manufacturing", "services");
        close(p1.spillsInto().get("manufacturing"), m1);
        close(p1.spillsInto().get("services"), s1);

        // p2: direct services 150: x_s = 150 + 0.5 x_m, x_m = 0.2 x_s  →  x_s = 150 / 0.9, x_m = 30 / 0.9
        double s2 = 150 / 0.9;
        double m2 = 30 / 0.9;
        ProjectValue p2 = project(r, "p2");
        close(p2.totalValue(), s2 + m2);
        close(p2.dynamicBenefitCostRatio(), 2.0);
        assertThat(p2.spillsInto()).containsOnlyKeys("manufacturing");

        // the mission is the sum of its projects: propagation is linear
        ValueAssessment v = r.value();
        close(v.pvCosts(), 200);
        close(v.pvBenefits(), 230);
        close(v.directValue(), 230);
        close(v.totalValue(), 320);
        close(v.spilloverValue(), 90);
        close(v.benefitCostRatio(), 1.15);
        close(v.dynamicBenefitCostRatio(), 1.6);
        close(v.valueBySector().get("energy"), 80);
        close(v.valueBySector().get("manufacturing"), m1 + m2);
        close(v.valueBySector().get("services"), s1 + s2);
    }

    @Test
    void plainAnalysisRejectsWhatTheMissionViewValues() {
        MissionReport r = ENGINE.evaluate(spilling(), d("2024-06-30")).mission("m");

        Finding f = finding(r, "VAL_CBA_UNDERVALUES", "p1");
        close(f.evidence("benefitCostRatio"), 0.8);
        close(f.evidence("dynamicBenefitCostRatio"), 1.2);
        assertThat(f.evidence("spillsInto")).isEqualTo(List.of("manufacturing", "services"));
        close(f.evidence("spilloverValue"), 40);
        assertThat(f.message()).contains("p1").contains("0.80").contains("1.20")
                // amounts as money, joined as English lists them, never in exponent form
                .containsPattern("into manufacturing \\((?:[A-Z]{3} )?[0-9,]+\\) and services \\((?:[A-Z]{3} )?[0-9,]+\\)")
                .doesNotContain("e+");
        // p2 passes plain analysis: nothing to say
        assertThat(has(r, "VAL_CBA_UNDERVALUES", "p2")).isFalse();
    }

    @Test
    void theRatioToPassIsAParameter() {
        MissionEngine engine = MissionEngine.builder().parameter("value.minBenefitCostRatio", 1.3).build();
        MissionReport r = engine.evaluate(spilling(), d("2024-06-30")).mission("m");

        assertThat(has(r, "VAL_CBA_UNDERVALUES", "p1")).isFalse();
    }

    // --- direction ----------------------------------------------------------------------------------------------

    @Test
    void projectsThatServeNoTargetHaveNoDirection() {
        Portfolio p = base().mission(Mission.builder("m").targets(target("m1")).projects(
                Project.builder("serves").contributesTo("m1").build(),
                Project.builder("elsewhere").contributesTo("m2").build(),
                Project.builder("nowhere").contributesTo().build(),
                Project.builder("unrecorded").build()).build()).build();
        MissionReport r = ENGINE.evaluate(p, d("2024-06-30")).mission("m");

        assertThat(has(r, "VAL_NO_DIRECTION", "serves")).isFalse();
        assertThat(finding(r, "VAL_NO_DIRECTION", "elsewhere").evidence("contributesTo")).isEqualTo(List.of("m2"));
        assertThat(finding(r, "VAL_NO_DIRECTION", "elsewhere").message()).contains("(it names m2)");
        assertThat(finding(r, "VAL_NO_DIRECTION", "nowhere").evidence("contributesTo")).isEqualTo(List.of());
        assertThat(finding(r, "VAL_NO_DIRECTION", "nowhere").message()).contains("(its record names no metric)");
        // not recorded is not "none": not judged, and named as a gap in the evidence
        assertThat(has(r, "VAL_NO_DIRECTION", "unrecorded")).isFalse();
        assertThat(finding(r, "DATA_NO_CONTRIBUTIONS", "m").evidence("projects")).isEqualTo(List.of("unrecorded"));
    }

    @Test
    void aMissionWithoutTargetsLeavesDirectionToTheMeasurabilityChecks() {
        Portfolio p = base().mission(Mission.builder("m").projects(Project.builder("nowhere").build()).build()).build();

        assertThat(has(ENGINE.evaluate(p, d("2024-06-30")).mission("m"), "VAL_NO_DIRECTION", "nowhere")).isFalse();
    }

    // --- a network that amplifies -----------------------------------------------------------------------------

    @Test
    void aLoopThatAmplifiesIsRefusedNamingTheLoop() {
        // energy ⇄ grid at 0.9 each, and grid → storage → energy: λ³ − 0.81 λ − 0.27 = 0 has a root above 1
        Portfolio p = base().mission(Mission.builder("m").projects(Project.builder("p").sector("energy")
                        .cashflows(new Cashflow(2024, 10, 10)).build()).build())
                .spillover(fromSector("energy", "grid", 0.9))
                .spillover(fromSector("grid", "energy", 0.9))
                .spillover(fromSector("grid", "storage", 0.5))
                .spillover(fromSector("storage", "energy", 0.6))
                .build();

        assertThatThrownBy(() -> ENGINE.evaluate(p, d("2024-06-30")))
                .isInstanceOf(InvalidPortfolioException.class)
                .isInstanceOf(UserErrorException.class)
                .hasMessageContaining("spillovers[1]")
                .hasMessageContaining("amplify without bound")
                .hasMessageContaining("energy -(0.9)-> grid -(0.9)-> energy")
                .satisfies(e -> {
                    var problem = ((UserErrorException) e).problems().get(0);
                    assertThat(problem.location()).as("the loop's strongest link, the later listed of two at 0.9, "
                            + "which closed the loop").isEqualTo("spillovers[1]");
                    assertThat(problem.message()).containsPattern("spectral radius 1\\.0\\d+ >= 1");
                    assertThat(problem.hint()).contains("Lower the intensities in that loop, starting with its "
                            + "strongest link, grid -> energy (spillovers[1])");
                });
    }

    @Test
    void aLoopThatDampensIsFine() {
        Portfolio p = base().mission(Mission.builder("m").projects(Project.builder("p").sector("energy")
                        .cashflows(new Cashflow(2024, 10, 10)).build()).build())
                .spillover(fromSector("energy", "grid", 0.9))
                .spillover(fromSector("grid", "energy", 0.9))
                .build();

        // x_e = 10 + 0.9 x_g, x_g = 0.9 x_e  →  x_e = 10 / 0.19, x_g = 9 / 0.19
        close(ENGINE.evaluate(p, d("2024-06-30")).mission("m").value().totalValue(), 19 / 0.19);
    }

    // --- numbers that leave the range of a double -------------------------------------------------------------

    @Test
    void aPresentValueTooLargeForANumberIsRefusedAtTheProjectsCashFlows() {
        // 200,000 years before 2024 at 3.5 % a year: a factor of 10^2990, far beyond a double
        Portfolio p = base().mission(Mission.builder("m").projects(Project.builder("ancient").sector("energy")
                .cashflows(new Cashflow(-198_000, 1, 1)).build()).build()).build();

        assertThatThrownBy(() -> ENGINE.evaluate(p, d("2024-06-30")))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessage("missions[0].projects[0].cashflows: the value of project \"ancient\" is too large for a "
                        + "number once its cash flows are discounted to 2024 at a rate of 0.035 and compared with its "
                        + "costs. Check the cash flows' years (a typo such as 20300 or 203) and amounts (a cost of almost "
                        + "nothing), or set value.discountRate to a usual rate such as 0.035.");
    }
}
