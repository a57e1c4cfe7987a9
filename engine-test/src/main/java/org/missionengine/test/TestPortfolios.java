package org.missionengine.test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Target;

/**
 * Portfolios for test code that state only what matters to the test.
 *
 * <pre>{@code
 * // a mission that passes every built-in check, with one thing changed
 * Portfolio rebranded = TestPortfolios.strongMission("m1")
 *         .withProject(project("legacy").grant(100e6).preexisting())
 *         .build();
 *
 * // a bare mission: only what the test names exists
 * Portfolio bare = TestPortfolios.mission("m1").budget(10e6, 0).build();
 * }</pre>
 */
public final class TestPortfolios {
    /** The evaluation date of the portfolios built here, unless a test sets another. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private TestPortfolios() {
    }

    /**
     * A mission with nothing but its id: no statement, targets, budget, governance or projects (its projects are
     * recorded as none once built).
     *
     * @param id the mission's id, also its title
     * @return the mission, to state what the test is about
     */
    public static TestMission mission(String id) {
        return new TestMission(id);
    }

    /**
     * A project: an active grant of 1,000,000 with nothing else.
     *
     * @param id the project's id, unique across the portfolio
     * @return the project, to state what the test is about
     */
    public static TestProject project(String id) {
        return new TestProject(id);
    }

    /**
     * A mission designed to pass every check of the built-in packs (rated STRONG, no WARNING or CRITICAL finding):
     * a public statement and challenge, launched 2022-01-01 with a 2035-12-31 deadline and new multi-year money;
     * an IMPACT target ({@code <id>-emissions}, 100 → 50 Mt CO2e) whose observations since launch are on track and
     * whose pre-launch trend was flat; three sectors, two disciplines, a mission board, two lead bodies,
     * cross-ministerial, a citizen assembly, half the delivery in-house; and three open-call grants of 10,000,000
     * ({@code <id>-p1..p3}) to a university, an SME (with co-funding and an enforceable reinvestment condition) and a
     * city agency, each on its own solution path and sector, running 2022-06-01 to 2032-12-31. Tests change one
     * thing and check that the right finding appears.
     *
     * @param id the mission's id; its targets and projects are named after it
     * @return the mission, to change what the test is about
     */
    public static TestMission strongMission(String id) {
        String metric = id + "-emissions";
        return new TestMission(id)
                .title("Halve emissions (" + id + ")")
                .statement("Halve the country's greenhouse gas emissions by 2035, fairly.")
                .challenge("Climate change")
                .owner("Ministry of Climate")
                .launched("2022-01-01")
                .deadline("2035-12-31")
                .budget(300e6, 200e6)
                .sectors("energy", "transport", "buildings")
                .disciplines("engineering", "economics", "social science")
                .leadBodies("Ministry of Climate", "Ministry of Economy")
                .missionBoard(true)
                .crossMinisterial(true)
                .participation("CITIZEN_ASSEMBLY")
                .inHouseDeliveryShare(0.5)
                .metric(new Metric(metric, "Greenhouse gas emissions", "Mt CO2e", MetricKind.IMPACT, Direction.DECREASE,
                        false))
                .target(new Target(metric, metric, DatedValue.of(100, LocalDate.of(2021, 12, 31)),
                        DatedValue.of(50, LocalDate.of(2035, 12, 31)), java.util.List.of()))
                .observe(metric, "2019-12-31", 101)
                .observe(metric, "2020-12-31", 100.5)
                .observe(metric, "2022-12-31", 96)
                .observe(metric, "2023-12-31", 92)
                .observe(metric, "2024-12-31", 88)
                .observe(metric, "2025-06-30", 86)
                .actor("university", ActorType.ACADEMIA)
                .actor("startup", ActorType.SME)
                .actor("city-agency", ActorType.PUBLIC_AGENCY)
                .withProject(project(id + "-p1").grant(10e6).recipient("university").sector("energy")
                        .solution("storage").openCall().runs("2022-06-01", "2032-12-31").contributesTo(metric))
                .withProject(project(id + "-p2").grant(10e6).privateFunding(5e6).recipient("startup")
                        .sector("transport").solution("electrification").openCall().runs("2022-06-01", "2032-12-31")
                        .condition(ConditionalityType.REINVESTMENT).contributesTo(metric))
                .withProject(project(id + "-p3").grant(10e6).recipient("city-agency").sector("buildings")
                        .solution("retrofits").openCall().runs("2022-06-01", "2032-12-31").contributesTo(metric));
    }

    /**
     * A portfolio of several missions, with the metrics and actors they refer to; evaluated at the first mission's
     * {@code asOf} ({@link #AS_OF} unless set).
     *
     * @param missions the missions
     * @return the portfolio
     */
    public static Portfolio portfolio(TestMission... missions) {
        Portfolio.Builder builder = Portfolio.builder();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (TestMission mission : missions) {
            mission.contributeTo(builder, metrics, actors);
        }
        metrics.values().forEach(builder::metric);
        actors.values().forEach(builder::actor);
        builder.asOf(missions.length > 0 ? missions[0].asOf() : AS_OF);
        return builder.build();
    }
}
