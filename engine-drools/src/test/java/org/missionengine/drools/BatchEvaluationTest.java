package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.RuleExecutionException;
import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Budget;
import org.missionengine.model.Cashflow;
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
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;

/**
 * Batch evaluation on several threads ({@code MissionEngineBuilder.threads}) gives exactly the one-thread report, missions in the
 * portfolio's order; a rule failure in one mission stops the batch and surfaces as the one-thread run's exception;
 * the progress listener hears of every mission.
 */
class BatchEvaluationTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final int MISSIONS = 60;

    static Portfolio portfolio;
    static EvaluationReport sequential;

    @BeforeAll
    static void evaluateOnOneThread() {
        portfolio = portfolio(MISSIONS);
        sequential = MissionEngine.builder().threads(1).build().evaluate(portfolio, AS_OF);
    }

    /** Missions that differ from one another (budgets, sectors, observations), with projects of their own. */
    static Portfolio portfolio(int missions) {
        Metric ghg = new Metric("ghg", "Greenhouse gas emissions", "MtCO2e", MetricKind.OUTCOME, Direction.DECREASE,
                false);
        Portfolio.Builder builder = Portfolio.builder().asOf(AS_OF).metric(ghg)
                .actor(new Actor("uni", "University", ActorType.ACADEMIA, "BE"))
                .actor(new Actor("builder", "Builder SA", ActorType.BUSINESS, "BE"))
                .actor(new Actor("ngo", "Energy cooperative", ActorType.CIVIL_SOCIETY, "BE"));
        String[] sectors = {"energy", "buildings", "transport", "health"};
        for (int i = 0; i < missions; i++) {
            String id = "m" + i;
            List<Project> projects = new ArrayList<>();
            for (int j = 0; j < 2 + i % 4; j++) {
                projects.add(Project.builder(id + "-p" + j).instrument(j % 3 == 0 ? Instrument.LOAN : Instrument.GRANT)
                        .recipient(j % 3 == 0 ? "builder" : j % 3 == 1 ? "uni" : "ngo").sector(sectors[(i + j) % 4])
                        .solution("path " + (j % (1 + i % 3))).openCall(j % 2 == 0)
                        .publicFunding(1e6 * (1 + j + i % 5)).privateFunding(j % 3 == 0 ? 4e5 : 0)
                        .preexisting(i % 7 == 0 && j == 0).start(LocalDate.of(2022, 3, 1)).end(LocalDate.of(2028, 3, 1))
                        .contributesTo("ghg").cashflows(new Cashflow(2024, 5e5, 2e5 * (1 + i % 3)),
                                new Cashflow(2026, 2e5, 6e5))
                        .build());
            }
            builder.mission(Mission.builder(id).title("Mission " + i).statement("Cut emissions.")
                    .challenge("climate change").owner("Ministry " + i % 3).launched(LocalDate.of(2022, 1, 1))
                    .deadline(LocalDate.of(2030, 12, 31))
                    .budget(new Budget(100e6, i % 5 == 0 ? 0.0 : 40e6, true))
                    .sectors(sectors[i % 4], sectors[(i + 1) % 4]).disciplines("engineering", "economics")
                    .governance(new Governance(List.of("Ministry", "Agency"), i % 6 != 0, true,
                            List.of("CITIZEN_ASSEMBLY"), 0.5))
                    .targets(new Target("ghg", new DatedValue(2.0, LocalDate.of(2021, 12, 31)),
                            new DatedValue(0.5, LocalDate.of(2030, 12, 31))))
                    .projects(projects).build());
            for (int k = 0; k < 3; k++) {
                builder.observation(new Observation("ghg", id, LocalDate.of(2022 + k, 12, 31),
                        2.0 - (k + 1) * 0.05 * (1 + i % 6), "inventory"));
            }
        }
        return builder.build();
    }

    @Test
    void severalThreadsGiveTheOneThreadReportInThePortfoliosOrder() {
        EvaluationReport parallel = MissionEngine.builder().threads(3).build()
                .evaluate(portfolio, AS_OF);
        assertThat(parallel.missions()).extracting(MissionReport::id)
                .containsExactlyElementsOf(portfolio.missions().stream().map(Mission::id).toList());
        assertThat(withoutLimits(parallel)).isEqualTo(withoutLimits(sequential));
        assertThat(parallel.engine().limits().threads()).isEqualTo(3);
        // the default (0: one thread per processor) and more threads than missions give it too
        assertThat(withoutLimits(MissionEngine.builder().build().evaluate(portfolio, AS_OF)))
                .isEqualTo(withoutLimits(sequential));
        assertThat(withoutLimits(MissionEngine.builder().threads(500).build().evaluate(portfolio, AS_OF)))
                .isEqualTo(withoutLimits(sequential));
    }

    /** The report but for the limits its engine block records (the number of threads among them). */
    private static EvaluationReport withoutLimits(EvaluationReport report) {
        EngineInfo e = report.engine();
        return new EvaluationReport(new EngineInfo(e.version(), e.java(), e.rulePacks(), e.packs(), null,
                e.parameters(), e.disabled(), e.severityOverrides()), report.asOf(), report.missions(),
                report.findings());
    }

    @Test
    void theProgressListenerHearsOfEveryMission() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        MissionEngine.builder().threads(2).build().evaluate(portfolio, AS_OF, (done, total) -> {
            calls.incrementAndGet();
            highest.accumulateAndGet(done, Math::max);
            assertThat(total).isEqualTo(MISSIONS);
        });
        assertThat(calls.get()).isEqualTo(MISSIONS);
        assertThat(highest.get()).isEqualTo(MISSIONS);
    }

    @Test
    void aFailingMissionStopsTheBatchWithTheExceptionAOneThreadRunGives() {
        String rules = """
                package agency.failing;
                import org.missionengine.model.*;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Divides by zero for two missions"
                when
                    $m : Mission( id == "m3" || id == "m40" )
                then
                    int zero = $m.projects().size() - $m.projects().size();
                    int broken = 1 / zero;
                end
                """;
        RuleExecutionException one = catchThrowableOfType(RuleExecutionException.class, () -> MissionEngine.builder()
                .rulesText("failing.drl", rules).threads(1).build().evaluate(portfolio, AS_OF));
        AtomicInteger evaluated = new AtomicInteger();
        RuleExecutionException two = catchThrowableOfType(RuleExecutionException.class, () -> MissionEngine.builder()
                .rulesText("failing.drl", rules).threads(2).build()
                .evaluate(portfolio, AS_OF, (done, total) -> evaluated.incrementAndGet()));

        assertThat(one).isNotNull();
        assertThat(one.rule()).isEqualTo("Divides by zero for two missions");
        assertThat(one.getMessage()).startsWith("failing.drl:5: rule \"Divides by zero for two missions\" on mission "
                + "\"m3\": failed: ");
        assertThat(two).isNotNull();
        assertThat(two.getClass()).isEqualTo(one.getClass());
        assertThat(two.getMessage()).isEqualTo(one.getMessage()); // the earliest failing mission, as one thread sees it
        assertThat(evaluated.get()).as("missions evaluated before the batch stopped").isLessThan(MISSIONS - 2);
    }

    @Test
    void theLimitsAreSetByTheApplicationNeverByParameters() {
        assertThatThrownBy(() -> MissionEngine.builder().threads(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be 0 (one per processor) or more, got -1");
        assertThatThrownBy(() -> MissionEngine.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be more than zero, got PT0S");
        assertThatThrownBy(() -> MissionEngine.builder().maxFirings(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFirings must be 1 or more, got 0");

        InvalidRulesException asParameter = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().parameter("engine.threads", 4).build());
        assertThat(asParameter.problems()).extracting(Problem::describe).containsExactly("--param engine.threads: "
                + "\"engine.threads\" is an engine limit, which only the application running the engine sets. Set the "
                + "limit with mission-eval's option --threads N (in code: MissionEngine.builder().threads(int)).");
    }

    @Test
    void aPortfolioThatSetsAnEngineLimitIsRefusedNamingWhereItBelongs() {
        MissionEngine engine = MissionEngine.builder().build();
        for (String[] limit : new String[][] {{"engine.timeout", "--timeout SECONDS", "timeout(Duration)"},
                {"engine.maxFirings", "--max-firings N", "maxFirings(int)"}, {"engine.threads", "--threads N",
                "threads(int)"}}) {
            Portfolio loosening = Portfolio.builder().asOf(AS_OF).parameter(limit[0], 1_000_000).build();

            InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class,
                    () -> engine.evaluate(loosening, AS_OF));

            assertThat(e.problems()).extracting(Problem::describe).containsExactly("parameters." + limit[0] + ": \""
                    + limit[0] + "\" is an engine limit, which only the application running the engine sets, never a "
                    + "portfolio file. Remove it from the file and set the limit with mission-eval's option " + limit[1]
                    + " (in code: MissionEngine.builder()." + limit[2] + ").");
            assertThatThrownBy(() -> engine.monitor(loosening, AS_OF)).isInstanceOf(InvalidPortfolioException.class)
                    .hasMessageContaining("parameters." + limit[0]);
        }
    }

    @Test
    void aLimitSpeltAnotherWayIsStillNamedAsTheLimitItMeans() {
        MissionEngine engine = MissionEngine.builder().build();
        for (String[] spelling : new String[][] {{"Engine.Timeout", "--timeout SECONDS"},
                {"ENGINE.THREADS", "--threads N"}, {"maxFirings", "--max-firings N"}, {"threads", "--threads N"},
                {"engine_threads", "--threads N"}, {"engineMaxFirings", "--max-firings N"}}) {
            Portfolio loosening = Portfolio.builder().asOf(AS_OF).parameter(spelling[0], 60).build();

            InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class,
                    () -> engine.evaluate(loosening, AS_OF));

            assertThat(e.problems()).extracting(Problem::describe).singleElement().asString()
                    .startsWith("parameters." + spelling[0] + ": \"" + spelling[0] + "\" is an engine limit")
                    .contains("mission-eval's option " + spelling[1]);
        }
    }

    @Test
    void anEmptyPortfolioEvaluatesToNoMissions() {
        Portfolio empty = Portfolio.builder().asOf(AS_OF).build();
        assertThat(MissionEngine.builder().threads(4).build().evaluate(empty, AS_OF).missions())
                .isEmpty();
    }
}
