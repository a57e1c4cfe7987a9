package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.MissionEngine;
import org.missionengine.MissionMonitor;
import org.missionengine.MonitorEvent;
import org.missionengine.RuleExecutionException;
import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Budget;
import org.missionengine.model.Cashflow;
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
import org.missionengine.model.ProjectStatus;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;
import org.missionengine.model.Target;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.TargetStatus;

/** The monitor's state after any sequence of changes equals a fresh batch evaluation of the same data. */
class MonitorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final List<String> ACTORS = List.of("firm", "sme", "uni", "city", "consult");
    private static final List<String> METRICS = List.of("ghg", "homes", "landing");
    private static MissionEngine engine;

    @BeforeAll
    static void build() {
        engine = MissionEngine.builder().build();
    }

    static Portfolio portfolio() {
        Portfolio.Builder b = Portfolio.builder().asOf(AS_OF)
                .metric(new Metric("ghg", "Emissions", "Mt", MetricKind.OUTCOME, Direction.DECREASE, false))
                .metric(new Metric("homes", "Homes retrofitted", "homes", MetricKind.OUTPUT, Direction.INCREASE, false))
                .metric(new Metric("landing", "Crewed landing", "yes/no", MetricKind.IMPACT, Direction.INCREASE, true))
                .actor(new Actor("firm", "Firm", ActorType.BUSINESS, "BE"))
                .actor(new Actor("sme", "Small firm", ActorType.SME, "BE"))
                .actor(new Actor("uni", "University", ActorType.ACADEMIA, "BE"))
                .actor(new Actor("city", "City", ActorType.GOVERNMENT, "BE"))
                .actor(new Actor("consult", "Consultancy", ActorType.CONSULTANCY, "BE"));
        b.mission(Mission.builder("climate").title("Climate").statement("Net zero").challenge("climate")
                .owner("Ministry").launched(LocalDate.of(2021, 1, 1)).deadline(LocalDate.of(2030, 12, 31))
                .budget(new Budget(1e8, 5e7, true)).sectors("energy", "buildings")
                .disciplines("engineering", "economics")
                .governance(new Governance(List.of("Ministry", "Agency"), true, true, List.of("CO_DESIGN"), 0.5))
                .targets(new Target("ghg", new DatedValue(100.0, LocalDate.of(2020, 12, 31)),
                                new DatedValue(50.0, LocalDate.of(2030, 12, 31))),
                        new Target("homes", new DatedValue(0.0, LocalDate.of(2021, 1, 1)),
                                new DatedValue(10000.0, LocalDate.of(2028, 12, 31))))
                .projects(Project.builder("c1").instrument(Instrument.GRANT).recipient("uni").sector("energy")
                                .solution("heat pumps").openCall(true).publicFunding(2e6).start(LocalDate.of(2021, 3, 1))
                                .end(LocalDate.of(2027, 3, 1)).contributesTo("ghg")
                                .cashflows(new Cashflow(2022, 1e6, 2e5), new Cashflow(2026, 1e6, 9e5)).build(),
                        Project.builder("c2").instrument(Instrument.LOAN).recipient("firm").sector("buildings")
                                .solution("insulation").publicFunding(5e6).privateFunding(1e6)
                                .start(LocalDate.of(2019, 3, 1)).end(LocalDate.of(2025, 3, 1)).contributesTo("homes")
                                .conditionalities(new Conditionality(ConditionalityType.EMISSIONS, false, true, false, "x"))
                                .build())
                .build());
        b.mission(Mission.builder("moon").title("Moon").statement("Land").challenge("exploration").owner("Ministry")
                .launched(LocalDate.of(2022, 1, 1)).deadline(LocalDate.of(2029, 12, 31))
                .targets(new Target("landing", new DatedValue(0.0, LocalDate.of(2022, 1, 1)),
                        new DatedValue(1.0, LocalDate.of(2029, 12, 31))))
                .projects(Project.builder("m1").instrument(Instrument.PROCUREMENT).recipient("consult").sector("space")
                        .solution("lander").publicFunding(8e6).contributesTo("landing").build())
                .build());
        b.observation(new Observation("ghg", null, LocalDate.of(2019, 12, 31), 104, "inventory"));
        b.observation(new Observation("ghg", null, LocalDate.of(2021, 12, 31), 95, "inventory"));
        b.spillover(new Spillover("c1", null, "buildings", SpilloverKind.KNOWLEDGE, 0.3, null, null));
        b.spillover(new Spillover(null, "energy", "buildings", SpilloverKind.DEMAND, 0.2, null, null));
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void afterAnySequenceOfChangesTheMonitorEqualsABatchEvaluation(long seed) {
        changeAndCompare(engine, seed);
    }

    /** The same without the value pack: the monitor then leaves the value view out, as a batch does. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void withoutTheValuePackTooTheMonitorEqualsABatchEvaluation(long seed) {
        MissionEngine withoutValue = MissionEngine.builder().disable("value").build();
        changeAndCompare(withoutValue, seed);
        try (MissionMonitor monitor = withoutValue.monitor(portfolio(), AS_OF)) {
            assertThat(monitor.report().missions()).allMatch(m -> m.value() == null);
        }
    }

    /**
     * Also checks the events: a dashboard that applies them (appeared: add, disappeared: remove, changed: replace the
     * finding of the same code, subject and rule) holds exactly the report's findings after every step.
     */
    private static void changeAndCompare(MissionEngine engine, long seed) {
        Random random = new Random(seed);
        try (MissionMonitor monitor = engine.monitor(portfolio(), AS_OF)) {
            DroolsMonitor drools = (DroolsMonitor) monitor;
            assertThat(monitor.report()).isEqualTo(engine.evaluate(drools.portfolio(), AS_OF));
            List<String> dashboard = findings(monitor.report());
            monitor.addListener(event -> apply(dashboard, event));
            int newProjects = 0;
            for (int step = 0; step < 25; step++) {
                int kind = random.nextInt(10);
                if (kind < 6) {
                    String metric = METRICS.get(random.nextInt(METRICS.size()));
                    LocalDate date = LocalDate.of(2019 + random.nextInt(9), 1 + random.nextInt(12), 28);
                    double value = metric.equals("landing") ? random.nextInt(2)
                            : metric.equals("ghg") ? 60 + random.nextInt(50) : random.nextInt(12000);
                    String mission = random.nextInt(4) == 0 ? (metric.equals("landing") ? "moon" : "climate") : null;
                    monitor.addObservation(new Observation(metric, mission, date, value, "feed"));
                } else if (kind < 8) {
                    List<String> ids = new ArrayList<>();
                    drools.portfolio().missions().forEach(m -> m.projects().forEach(p -> ids.add(p.id())));
                    monitor.updateProjectStatus(ids.get(random.nextInt(ids.size())),
                            ProjectStatus.values()[random.nextInt(ProjectStatus.values().length)]);
                } else {
                    String mission = random.nextBoolean() ? "climate" : "moon";
                    monitor.addProject(mission, Project.builder("new" + (newProjects++))
                            .instrument(Instrument.values()[random.nextInt(Instrument.values().length)])
                            .recipient(ACTORS.get(random.nextInt(ACTORS.size())))
                            .sector(random.nextBoolean() ? "energy" : "health").solution("s" + random.nextInt(4))
                            .openCall(random.nextBoolean()).publicFunding(1e5 * (1 + random.nextInt(50)))
                            .preexisting(random.nextInt(5) == 0)
                            .contributesTo(METRICS.get(random.nextInt(METRICS.size())))
                            .cashflows(new Cashflow(2025, 1e5, 1e5 * random.nextInt(3))).build());
                }
                EvaluationReport batch = engine.evaluate(drools.portfolio(), AS_OF);
                EvaluationReport live = monitor.report();
                assertThat(difference(live, batch)).as("seed %d, step %d", seed, step).isEmpty();
                assertThat(live).isEqualTo(batch);
                assertThat(dashboard).as("seed %d, step %d: the findings the events add up to", seed, step)
                        .containsExactlyInAnyOrderElementsOf(findings(live));
            }
        }
    }

    /** Every finding of a report as "mission: finding" (portfolio-level ones with a null mission). */
    static List<String> findings(EvaluationReport report) {
        List<String> all = new ArrayList<>();
        report.missions().forEach(m -> m.findings().forEach(f -> all.add(m.id() + ": " + f)));
        report.findings().forEach(f -> all.add("null: " + f));
        return all;
    }

    static void apply(List<String> dashboard, MonitorEvent event) {
        switch (event.kind()) {
            case APPEARED -> dashboard.add(event.missionId() + ": " + event.after());
            case DISAPPEARED -> assertThat(dashboard.remove(event.missionId() + ": " + event.before()))
                    .as("%s was on the dashboard", event).isTrue();
            case CHANGED -> {
                assertThat(List.of(event.after().code(), event.after().subject(), event.after().rule()))
                        .isEqualTo(List.of(event.before().code(), event.before().subject(), event.before().rule()));
                assertThat(event.after()).isNotEqualTo(event.before());
                assertThat(dashboard.remove(event.missionId() + ": " + event.before())).as("%s", event).isTrue();
                dashboard.add(event.missionId() + ": " + event.after());
            }
            case TARGET_STATUS_CHANGED -> assertThat(event.statusAfter()).isNotEqualTo(event.statusBefore());
        }
    }

    /** What differs between two reports, mission by mission, in words (empty when they agree). */
    static List<String> difference(EvaluationReport live, EvaluationReport batch) {
        List<String> diff = new ArrayList<>();
        for (var m : batch.missions()) {
            var l = live.mission(m.id());
            var onlyBatch = new ArrayList<>(m.findings());
            onlyBatch.removeAll(l.findings());
            var onlyLive = new ArrayList<>(l.findings());
            onlyLive.removeAll(m.findings());
            onlyBatch.forEach(f -> diff.add(m.id() + " batch only: " + f));
            onlyLive.forEach(f -> diff.add(m.id() + " monitor only: " + f));
            if (!m.targets().equals(l.targets())) {
                diff.add(m.id() + " targets: batch " + m.targets() + " monitor " + l.targets());
            }
            if (m.rating() != l.rating() || m.washingRisk() != l.washingRisk() || !m.criteria().equals(l.criteria())) {
                diff.add(m.id() + " verdict: batch " + m.rating() + m.washingRisk() + m.criteria() + " monitor "
                        + l.rating() + l.washingRisk() + l.criteria());
            }
            if (!java.util.Objects.equals(m.value(), l.value())) {
                diff.add(m.id() + " value: batch " + m.value() + " monitor " + l.value());
            }
        }
        if (!batch.findings().equals(live.findings())) {
            diff.add("portfolio: batch " + batch.findings() + " monitor " + live.findings());
        }
        return diff;
    }

    @Test
    void listenersHearWhatAppearedAndDisappeared() {
        List<String> heard = new ArrayList<>();
        try (MissionMonitor monitor = engine.monitor(portfolio(), AS_OF)) {
            assertThat(monitor.report().mission("climate").target("homes").orElseThrow().status())
                    .isEqualTo(TargetStatus.NO_DATA);
            monitor.addListener(event -> heard.add(switch (event.kind()) {
                case APPEARED -> "+" + event.missionId() + ":" + event.after().code() + ":" + event.after().subject();
                case DISAPPEARED -> "-" + event.missionId() + ":" + event.before().code() + ":"
                        + event.before().subject();
                case CHANGED -> "~" + event.missionId() + ":" + event.after().code() + ":" + event.after().subject()
                        + ":" + event.before().evidence() + "->" + event.after().evidence();
                case TARGET_STATUS_CHANGED -> event.missionId() + ":" + event.targetId() + ":" + event.statusBefore()
                        + "->" + event.statusAfter();
            }));
            // 5,000 homes at the start of 2026 on a line from 0 in 2021: 1,000 a year, about 8,000 by the end of
            // 2028, 80 % of the goal: at risk
            monitor.addObservation(new Observation("homes", null, LocalDate.of(2026, 1, 1), 5000, "registry"));
            assertThat(heard).contains("-climate:TRJ_NO_DATA:homes", "+climate:TRJ_AT_RISK:homes",
                    "climate:homes:NO_DATA->AT_RISK");
            assertThat(heard).noneMatch(s -> s.contains("moon"));
            assertThat(heard.indexOf("-climate:TRJ_NO_DATA:homes")).as("removal before addition")
                    .isLessThan(heard.indexOf("+climate:TRJ_AT_RISK:homes"));
            heard.clear();
            // still at risk, on other numbers: one CHANGED event, not an addition and a removal
            monitor.addObservation(new Observation("homes", null, LocalDate.of(2026, 2, 1), 5300, "registry"));
            assertThat(heard).anyMatch(s -> s.startsWith("~climate:TRJ_AT_RISK:homes:"))
                    .noneMatch(s -> s.matches("[+-]climate:TRJ_AT_RISK:homes"));
            heard.clear();
            monitor.addObservation(new Observation("homes", null, LocalDate.of(2026, 6, 1), 10000, "registry"));
            assertThat(heard).contains("+climate:TRJ_ACHIEVED:homes", "-climate:TRJ_AT_RISK:homes",
                    "climate:homes:AT_RISK->ACHIEVED");
        }
    }

    static final String FAILING = """
            package agency.failing;

            import org.missionengine.model.*;

            rule "No stopped projects"
            when
                $p : Project( status == ProjectStatus.STOPPED )
            then
                throw new IllegalStateException("project " + $p.id() + " is stopped");
            end
            """;

    @Test
    void aRuleFailingInTheFirstFiringLeavesNoSessionAndReadsAsInABatch() {
        MissionEngine failing = MissionEngine.builder().rulesText("failing.drl", FAILING).build();
        Portfolio stopped = portfolio().withMission(portfolio().missions().get(1).withProject(
                portfolio().missions().get(1).projects().get(0).withStatus(ProjectStatus.STOPPED)));

        RuleExecutionException batch = catchThrowableOfType(RuleExecutionException.class,
                () -> failing.evaluate(stopped, AS_OF));
        RuleExecutionException live = catchThrowableOfType(RuleExecutionException.class,
                () -> failing.monitor(stopped, AS_OF));

        assertThat(live.getMessage()).isEqualTo(batch.getMessage()).startsWith("failing.drl:5: rule \"No stopped "
                + "projects\" on mission \"moon\": failed: IllegalStateException: project m1 is stopped");
        assertThat(((DroolsMissionEngine) failing).kieBase().getKieSessions()).as("sessions left open").isEmpty();
    }

    @Test
    void aRuleFailingInAnUpdateClosesTheMonitorAndReadsAsInABatch() {
        MissionEngine failing = MissionEngine.builder().rulesText("failing.drl", FAILING).build();
        MissionMonitor monitor = failing.monitor(portfolio(), AS_OF);

        RuleExecutionException live = catchThrowableOfType(RuleExecutionException.class,
                () -> monitor.updateProjectStatus("m1", ProjectStatus.STOPPED));
        RuleExecutionException batch = catchThrowableOfType(RuleExecutionException.class,
                () -> failing.evaluate(((DroolsMonitor) monitor).portfolio(), AS_OF));

        assertThat(live.getMessage()).isEqualTo(batch.getMessage());
        assertThat(((DroolsMissionEngine) failing).kieBase().getKieSessions()).as("sessions left open").isEmpty();
        assertThatThrownBy(monitor::report).isInstanceOf(IllegalStateException.class).hasMessage("the monitor is "
                + "closed (a rule failed during an update: " + live.getMessage() + ")");
    }

    @Test
    void aPortfolioRuleThatReadsObservationsSeesTheNewOnes() {
        MissionEngine counting = MissionEngine.builder().rulesText("observations.drl", """
                package agency.observations;

                import org.missionengine.model.*;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Few observations"
                    @code("AG_FEW_OBSERVATIONS") @severity("INFO") @category("DATA")
                when
                    $p : Portfolio( observations.size() < 4 )
                then
                    ctx.report(drools, "portfolio", "only " + $p.observations().size() + " observations");
                end
                """).build();
        try (MissionMonitor monitor = counting.monitor(portfolio(), AS_OF)) {
            List<MonitorEvent> heard = new ArrayList<>();
            monitor.addListener(heard::add);

            monitor.addObservation(new Observation("ghg", null, LocalDate.of(2023, 12, 31), 90, "inventory"));
            assertThat(heard).filteredOn(e -> e.finding() != null).extracting(e -> e.kind() + " " + e.finding().message())
                    .contains("CHANGED only 3 observations");
            monitor.addObservation(new Observation("ghg", null, LocalDate.of(2024, 12, 31), 88, "inventory"));

            assertThat(monitor.report()).isEqualTo(counting.evaluate(((DroolsMonitor) monitor).portfolio(), AS_OF));
            assertThat(monitor.report().findings()).noneMatch(f -> f.code().equals("AG_FEW_OBSERVATIONS"));
        }
    }

    @Test
    void unknownReferencesAreRefusedWithTheClosestName() {
        try (MissionMonitor monitor = engine.monitor(portfolio(), AS_OF)) {
            assertThatThrownBy(() -> monitor.addObservation(new Observation("gHg2", null, AS_OF, 1, null)))
                    .isInstanceOf(InvalidPortfolioException.class).hasMessageContaining("unknown metric \"gHg2\"")
                    .hasMessageContaining("Did you mean \"ghg\"?");
            assertThatThrownBy(() -> monitor.updateProjectStatus("c9", ProjectStatus.STOPPED))
                    .hasMessageContaining("unknown project \"c9\"");
            assertThatThrownBy(() -> monitor.addProject("climate", Project.builder("m1").build()))
                    .hasMessageContaining("already belongs to mission \"moon\"");
        }
    }
}
