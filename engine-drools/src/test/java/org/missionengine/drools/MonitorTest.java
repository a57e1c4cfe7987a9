package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.missionengine.MonitorListener;
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

    private static void changeAndCompare(MissionEngine engine, long seed) {
        Random random = new Random(seed);
        try (MissionMonitor monitor = engine.monitor(portfolio(), AS_OF)) {
            DroolsMonitor drools = (DroolsMonitor) monitor;
            assertThat(monitor.report()).isEqualTo(engine.evaluate(drools.portfolio(), AS_OF));
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
            }
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
            monitor.addListener(new MonitorListener() {
                @Override
                public void findingAppeared(String missionId, Finding finding) {
                    heard.add("+" + missionId + ":" + finding.code() + ":" + finding.subject());
                }

                @Override
                public void findingDisappeared(String missionId, Finding finding) {
                    heard.add("-" + missionId + ":" + finding.code() + ":" + finding.subject());
                }

                @Override
                public void targetStatusChanged(String missionId, String targetId, TargetStatus before, TargetStatus after) {
                    heard.add(missionId + ":" + targetId + ":" + before + "->" + after);
                }
            });
            // 5,000 homes at the start of 2026 on a line from 0 in 2021: 1,000 a year, about 8,000 by the end of
            // 2028, 80 % of the goal: at risk
            monitor.addObservation(new Observation("homes", null, LocalDate.of(2026, 1, 1), 5000, "registry"));
            assertThat(heard).contains("-climate:TRJ_NO_DATA:homes", "+climate:TRJ_AT_RISK:homes",
                    "climate:homes:NO_DATA->AT_RISK");
            assertThat(heard).noneMatch(s -> s.contains("moon"));
            heard.clear();
            monitor.addObservation(new Observation("homes", null, LocalDate.of(2026, 6, 1), 10000, "registry"));
            assertThat(heard).contains("+climate:TRJ_ACHIEVED:homes", "-climate:TRJ_AT_RISK:homes",
                    "climate:homes:AT_RISK->ACHIEVED");
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
