package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;
import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Budget;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Governance;
import org.missionengine.model.Instrument;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Target;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/**
 * A healthy baseline mission that none of the packs under test has anything to say about, plus helpers to evaluate
 * a variant of it and pick findings by code. Each test changes only what its rule looks at.
 *
 * <p>The baseline mission "m1" (launched 2022-01-01, deadline 2035-12-31, evaluated on 2025-01-01):
 * <ul>
 *   <li>a challenge and a statement; budget 1e9 of which 4e8 new money; sectors energy, transport, buildings;
 *       disciplines engineering and economics;</li>
 *   <li>one OUTCOME target: emissions (DECREASE, Mt CO2e) from 100 (2021-01-01) to 40 (2035-12-31), observed
 *       at 95, 90, 85 since launch;</li>
 *   <li>governance: two lead bodies, a mission board, cross-ministerial, a citizen assembly, 50 % in-house;</li>
 *   <li>four projects, 10M public funding in all, each 2022-01-01..2028-01-01, contributing to emissions:
 *     <ul>
 *       <li>p1 GRANT 3M to uni (ACADEMIA), energy, "solar", open call;</li>
 *       <li>p2 LOAN 3M (+1.5M private) to firm (BUSINESS), transport, "electric vehicles", enforceable
 *           PROFIT_SHARING;</li>
 *       <li>p3 GRANT 2M (+1M private) to sme (SME), buildings, "heat pumps", enforceable REINVESTMENT;</li>
 *       <li>p4 PRIZE 2M to ngo (CIVIL_SOCIETY), buildings, "community retrofits".</li>
 *     </ul></li>
 * </ul>
 */
final class Fixture {
    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
    static final LocalDate LAUNCHED = LocalDate.of(2022, 1, 1);
    static final LocalDate DEADLINE = LocalDate.of(2035, 12, 31);
    static final LocalDate BASELINE_DATE = LocalDate.of(2021, 1, 1);
    static final LocalDate PROJECT_START = LAUNCHED;
    static final LocalDate PROJECT_END = LocalDate.of(2028, 1, 1);
    static final String OWNER = "Ministry of Energy";

    /** The packs these tests cover; the rating tests disable the other built-in packs (trajectory, value, ...). */
    static final Set<String> PACKS_UNDER_TEST = Set.of("criteria", "washing", "finance", "governance", "procurement",
            "portfolio", "evidence", "rating");

    // Metrics.
    static final Metric EMISSIONS = new Metric("emissions", "Greenhouse gas emissions", "Mt CO2e", MetricKind.OUTCOME,
            Direction.DECREASE, false);
    static final Metric ASTHMA = new Metric("asthma", "Asthma hospital admissions", "per 100,000", MetricKind.IMPACT,
            Direction.DECREASE, false);
    static final Metric RENEWABLES = new Metric("renewables", "Renewable share of electricity", "%",
            MetricKind.OUTCOME, Direction.INCREASE, false);
    static final Metric RETROFITS = new Metric("retrofits", "Homes retrofitted", "homes", MetricKind.OUTPUT,
            Direction.INCREASE, false);
    static final Metric SPENDING = new Metric("spending", "Money spent", "EUR", MetricKind.INPUT, Direction.INCREASE,
            false);
    static final Metric WELLBEING = new Metric("wellbeing", "Wellbeing index", null, MetricKind.OUTCOME,
            Direction.INCREASE, false);

    // Actors.
    static final Actor UNI = new Actor("uni", "Technical University", ActorType.ACADEMIA, "AT");
    static final Actor FIRM = new Actor("firm", "Volt Motors AG", ActorType.BUSINESS, "AT");
    static final Actor FIRM2 = new Actor("firm2", "Grid Builders GmbH", ActorType.BUSINESS, "AT");
    static final Actor SME = new Actor("sme", "HeatCo", ActorType.SME, "AT");
    static final Actor NGO = new Actor("ngo", "Energy Communities Network", ActorType.CIVIL_SOCIETY, "AT");
    static final Actor CONSULT = new Actor("consult", "Big Four Advisory", ActorType.CONSULTANCY, "AT");
    static final Actor AGENCY = new Actor("agency", "Climate Agency", ActorType.PUBLIC_AGENCY, "AT");
    static final Actor HOUSEHOLDS = new Actor("households", "Households (heat-pump grants)", ActorType.CITIZENS, "AT");

    private static volatile List<String> otherPacks;

    private Fixture() {
    }

    // ---------------------------------------------------------------- engines

    /** A builder for an engine with every built-in pack. */
    static MissionEngineBuilder engineBuilder() {
        return MissionEngine.builder();
    }

    /** An engine with every built-in pack. */
    static MissionEngine engine() {
        return engineBuilder().build();
    }

    /** One engine with every built-in pack, built once for the test classes that share it. */
    static MissionEngine sharedEngine() {
        return SharedEngine.ENGINE;
    }

    private static final class SharedEngine {
        static final MissionEngine ENGINE = engine();
    }

    /**
     * A builder for an engine with the packs under test only: every other built-in pack (listed in packs.txt) is
     * disabled, so that other packs' findings (a CRITICAL trajectory, a washing code of their own, a criterion check
     * more) cannot change the scores, washing risk and rating these tests expect.
     */
    static MissionEngineBuilder isolatedEngineBuilder(String... alsoEnabled) {
        MissionEngineBuilder builder = MissionEngine.builder();
        List<String> others = new ArrayList<>(otherBuiltInPacks());
        others.removeAll(List.of(alsoEnabled));
        if (!others.isEmpty()) {
            builder.disable(others.toArray(String[]::new));
        }
        return builder;
    }

    /** Findings of the packs under test only. */
    static List<Finding> ownFindings(MissionReport report) {
        return report.findings().stream().filter(f -> PACKS_UNDER_TEST.contains(f.pack())).toList();
    }

    private static List<String> otherBuiltInPacks() {
        List<String> others = otherPacks;
        if (others == null) {
            try (InputStream in = Fixture.class.getClassLoader()
                    .getResourceAsStream("org/missionengine/rules/packs.txt")) {
                assertThat(in).as("packs.txt on the class path").isNotNull();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                others = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .filter(id -> !PACKS_UNDER_TEST.contains(id)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            otherPacks = others;
        }
        return others;
    }

    // ---------------------------------------------------------------- the healthy baseline

    /** The healthy mission "m1" with projects p1..p4. */
    static Mission.Builder mission() {
        return mission("m1", "");
    }

    /** A healthy mission with its own id; its projects are named {@code id-p1..id-p4} so that ids stay unique. */
    static Mission.Builder mission(String id) {
        return mission(id, id + "-");
    }

    private static Mission.Builder mission(String id, String projectPrefix) {
        return Mission.builder(id)
                .title("Climate-neutral cities by 2035")
                .statement("Cut the greenhouse gas emissions of our cities by 60% by 2035.")
                .challenge("Climate change")
                .owner(OWNER)
                .launched(LAUNCHED)
                .deadline(DEADLINE)
                .budget(budget())
                .targets(emissionsTarget())
                .sectors("energy", "transport", "buildings")
                .disciplines("engineering", "economics")
                .governance(governance())
                .projects(projects(projectPrefix));
    }

    static Budget budget() {
        return new Budget(1e9, 4e8, true);
    }

    static Governance governance() {
        return new Governance(List.of("Ministry of Energy", "Ministry of Transport"), true, true,
                List.of("CITIZEN_ASSEMBLY"), 0.5);
    }

    static Governance governance(List<String> leadBodies, Boolean missionBoard, Boolean crossMinisterial,
                                 List<String> participation, Double inHouseDeliveryShare) {
        return new Governance(leadBodies, missionBoard, crossMinisterial, participation, inHouseDeliveryShare);
    }

    static Target emissionsTarget() {
        return new Target("emissions", DatedValue.of(100, BASELINE_DATE), DatedValue.of(40, DEADLINE));
    }

    /** A complete target on a metric: baseline 10 on 2021-01-01, goal 50 at the deadline. */
    static Target target(Metric metric) {
        return new Target(metric.id(), DatedValue.of(10, BASELINE_DATE), DatedValue.of(50, DEADLINE));
    }

    static List<Project> projects(String prefix) {
        return List.of(p1(prefix + "p1").build(), p2(prefix + "p2").build(), p3(prefix + "p3").build(),
                p4(prefix + "p4").build());
    }

    /** p1: GRANT 3M to uni (ACADEMIA), energy, "solar", open call. */
    static Project.Builder p1(String id) {
        return project(id).instrument(Instrument.GRANT).recipient(UNI.id()).sector("energy").solution("solar")
                .openCall(true).publicFunding(3e6);
    }

    static Project.Builder p1() {
        return p1("p1");
    }

    /** p2: LOAN 3M (+1.5M private) to firm (BUSINESS), transport, "electric vehicles", enforceable PROFIT_SHARING. */
    static Project.Builder p2(String id) {
        return project(id).instrument(Instrument.LOAN).recipient(FIRM.id()).sector("transport")
                .solution("electric vehicles").publicFunding(3e6).privateFunding(1.5e6)
                .conditionalities(binding(ConditionalityType.PROFIT_SHARING));
    }

    static Project.Builder p2() {
        return p2("p2");
    }

    /** p3: GRANT 2M (+1M private) to sme (SME), buildings, "heat pumps", enforceable REINVESTMENT. */
    static Project.Builder p3(String id) {
        return project(id).instrument(Instrument.GRANT).recipient(SME.id()).sector("buildings")
                .solution("heat pumps").publicFunding(2e6).privateFunding(1e6)
                .conditionalities(binding(ConditionalityType.REINVESTMENT));
    }

    static Project.Builder p3() {
        return p3("p3");
    }

    /** p4: PRIZE 2M to ngo (CIVIL_SOCIETY), buildings, "community retrofits". */
    static Project.Builder p4(String id) {
        return project(id).instrument(Instrument.PRIZE).recipient(NGO.id()).sector("buildings")
                .solution("community retrofits").publicFunding(2e6);
    }

    static Project.Builder p4() {
        return p4("p4");
    }

    /**
     * A project with the baseline's dates and direction; instrument GRANT, no recipient, and recorded as: no money,
     * no conditions, not from an open call.
     */
    static Project.Builder project(String id) {
        return Project.builder(id).start(PROJECT_START).end(PROJECT_END).contributesTo(EMISSIONS.id())
                .publicFunding(0).openCall(false).conditionalities();
    }

    /** An enforceable, monitored condition with clawback. */
    static Conditionality binding(ConditionalityType type) {
        return new Conditionality(type, true, true, true, type + " (enforceable)");
    }

    /** A condition without teeth: neither enforceable nor backed by clawback (but monitored). */
    static Conditionality toothless(ConditionalityType type) {
        return new Conditionality(type, false, true, false, type + " (a promise)");
    }

    // ---------------------------------------------------------------- portfolios and evaluation

    static Portfolio portfolio(Mission... missions) {
        return portfolio(Map.of(), missions);
    }

    /** A portfolio with every metric and actor of the fixture, the emissions observations, and parameters. */
    static Portfolio portfolio(Map<String, Object> parameters, Mission... missions) {
        return portfolio(parameters, List.of(), missions);
    }

    /** As {@link #portfolio(Map, Mission...)}, with more actors beside the fixture's. */
    static Portfolio portfolio(Map<String, Object> parameters, List<Actor> moreActors, Mission... missions) {
        Portfolio.Builder builder = Portfolio.builder().asOf(AS_OF).currency("EUR");
        List.of(EMISSIONS, ASTHMA, RENEWABLES, RETROFITS, SPENDING, WELLBEING).forEach(builder::metric);
        List.of(UNI, FIRM, FIRM2, SME, NGO, CONSULT, AGENCY, HOUSEHOLDS).forEach(builder::actor);
        moreActors.forEach(builder::actor);
        builder.observation(new Observation(EMISSIONS.id(), null, LocalDate.of(2022, 7, 1), 95, "national inventory"));
        builder.observation(new Observation(EMISSIONS.id(), null, LocalDate.of(2023, 7, 1), 90, "national inventory"));
        builder.observation(new Observation(EMISSIONS.id(), null, LocalDate.of(2024, 7, 1), 85, "national inventory"));
        parameters.forEach(builder::parameter);
        for (Mission m : missions) {
            builder.mission(m);
        }
        return builder.build();
    }

    /** Evaluates {@code mission} with the {@link #sharedEngine() shared engine}. */
    static MissionReport evaluate(Mission.Builder mission) {
        return evaluate(sharedEngine(), Map.of(), mission);
    }

    /** Evaluates {@code mission} with the {@link #sharedEngine() shared engine} and {@code parameters}. */
    static MissionReport evaluate(Map<String, Object> parameters, Mission.Builder mission) {
        return evaluate(sharedEngine(), parameters, mission);
    }

    static MissionReport evaluate(MissionEngine engine, Mission.Builder mission) {
        return evaluate(engine, Map.of(), mission);
    }

    static MissionReport evaluate(MissionEngine engine, Map<String, Object> parameters, Mission.Builder mission) {
        Mission m = mission.build();
        return engine.evaluate(portfolio(parameters, m), AS_OF).mission(m.id());
    }

    /** Evaluates {@code mission} with the {@link #sharedEngine() shared engine}, in a portfolio that also lists
     * {@code moreActors}. */
    static MissionReport evaluate(List<Actor> moreActors, Mission.Builder mission) {
        Mission m = mission.build();
        return sharedEngine().evaluate(portfolio(Map.of(), moreActors, m), AS_OF).mission(m.id());
    }

    /** The one finding with {@code code}; fails when there is none or more than one. */
    static Finding only(MissionReport report, String code) {
        return only(report.findings(), code);
    }

    static Finding only(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(matching).as("findings %s among %s", code, codes(findings)).hasSize(1);
        return matching.get(0);
    }

    /** Asserts that no finding with {@code code} is in the report. */
    static void assertQuiet(MissionReport report, String code) {
        assertThat(report.findings(code)).as("%s should stay quiet; findings: %s", code, describe(report.findings()))
                .isEmpty();
    }

    static Set<String> codes(MissionReport report) {
        return codes(report.findings());
    }

    static Set<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> describe(List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        findings.forEach(f -> lines.add(f.code() + "@" + f.subject() + " " + f.evidence()));
        return lines;
    }

    /** A numeric evidence value as a double. */
    static double number(Finding finding, String key) {
        Object value = finding.evidence(key);
        assertThat(value).as("evidence %s of %s: %s", key, finding.code(), finding.evidence()).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

    /** A list evidence value, each element as text (enums by name). */
    static List<String> texts(Finding finding, String key) {
        Object value = finding.evidence(key);
        assertThat(value).as("evidence %s of %s: %s", key, finding.code(), finding.evidence()).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    /** Years between two dates as the rules count them (days / 365.25). */
    static double years(LocalDate from, LocalDate to) {
        return (to.toEpochDay() - from.toEpochDay()) / 365.25;
    }
}
