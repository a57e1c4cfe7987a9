package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.missionengine.drools.packs.Fixture.assertQuiet;
import static org.missionengine.drools.packs.Fixture.binding;
import static org.missionengine.drools.packs.Fixture.emissionsTarget;
import static org.missionengine.drools.packs.Fixture.evaluate;
import static org.missionengine.drools.packs.Fixture.governance;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.only;
import static org.missionengine.drools.packs.Fixture.p1;
import static org.missionengine.drools.packs.Fixture.p2;
import static org.missionengine.drools.packs.Fixture.p3;
import static org.missionengine.drools.packs.Fixture.p4;
import static org.missionengine.drools.packs.Fixture.target;
import static org.missionengine.drools.packs.Fixture.texts;
import static org.missionengine.drools.packs.Fixture.toothless;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.model.Budget;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Mission;
import org.missionengine.model.Revision;
import org.missionengine.model.Target;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/** The washing pack: signs that a mission is a relabelled programme or a promise without substance. */
class WashingPackTest {
    private static MissionEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = Fixture.engine();
    }

    private static MissionReport eval(Mission.Builder mission) {
        return evaluate(engine, mission);
    }

    private static MissionReport eval(Map<String, Object> parameters, Mission.Builder mission) {
        return evaluate(engine, parameters, mission);
    }

    @Test
    void healthyMissionShowsNoSignOfWashing() {
        MissionReport report = eval(mission());

        assertThat(report.findings()).filteredOn(f -> f.code().startsWith("MW_")).isEmpty();
        assertThat(report.washingRisk()).isEqualTo(0.0);
    }

    @Test
    void everyWashingFindingHasCategoryWashingAndPackWashing() {
        MissionReport report = eval(mission().budget(null).governance(null).targets());

        assertThat(report.findings()).filteredOn(f -> f.code().startsWith("MW_")).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.category()).isEqualTo("WASHING");
                    assertThat(f.pack()).isEqualTo("washing");
                    assertThat(f.criterion()).isNull();
                });
    }

    // ------------------------------------------------------------ MW_NO_MEASURABLE_TARGET

    @Test
    void noMeasurableTargetFiresWhenNoGoalHasADate() {
        Target undated = new Target("emissions", DatedValue.of(100, Fixture.BASELINE_DATE), new DatedValue(40.0, null));
        Finding f = only(eval(mission().targets(undated)), "MW_NO_MEASURABLE_TARGET");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsExactly(Map.entry("targets", 1));
        // one target reads as English, not "None of the mission's 1 target"
        assertThat(f.message()).isEqualTo("The mission's one target does not have both a numeric goal and a goal "
                + "date: there is nothing to hold the mission to.");
    }

    @Test
    void noMeasurableTargetFiresWithoutTargets() {
        assertThat(only(eval(mission().targets()), "MW_NO_MEASURABLE_TARGET").evidence())
                .containsExactly(Map.entry("targets", 0));
    }

    @Test
    void noMeasurableTargetQuietWhenTargetsAreNotRecorded() {
        // not recorded: a gap in the evidence (DATA_NO_TARGETS), not a mission with nothing to hold it to
        MissionReport report = eval(mission().targets((List<Target>) null));

        assertQuiet(report, "MW_NO_MEASURABLE_TARGET");
        assertThat(report.findings("DATA_NO_TARGETS")).hasSize(1);
        assertThat(report.washingRisk()).isEqualTo(0.0);
    }

    @Test
    void noMeasurableTargetFiresForGoalsWithoutValue() {
        Target noValue = new Target("emissions", null, new DatedValue(null, Fixture.DEADLINE));
        Target noGoal = new Target("renewables", null, null);
        Finding f = only(eval(mission().targets(noValue, noGoal)), "MW_NO_MEASURABLE_TARGET");
        assertThat(f.evidence()).containsExactly(Map.entry("targets", 2));
        assertThat(f.message()).startsWith("None of the mission's 2 targets has both a numeric goal and a goal date");
    }

    @Test
    void noMeasurableTargetQuietWithOneDatedNumericGoal() {
        Target undated = new Target("renewables", null, new DatedValue(40.0, null));
        // Even without a baseline, a numeric goal with a date is something to hold the mission to.
        Target noBaseline = new Target("emissions", null, DatedValue.of(40, Fixture.DEADLINE));
        assertQuiet(eval(mission().targets(undated, noBaseline)), "MW_NO_MEASURABLE_TARGET");
    }

    // ------------------------------------------------------------ MW_OUTPUTS_ONLY

    @Test
    void outputsOnlyFiresWhenEveryTargetIsAnOutputOrInput() {
        Finding f = only(eval(mission().targets(target(Fixture.RETROFITS), target(Fixture.SPENDING))),
                "MW_OUTPUTS_ONLY");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsExactly(Map.entry("targets", 2));
    }

    @Test
    void outputsOnlyQuietWithOneImpactTarget() {
        assertQuiet(eval(mission().targets(target(Fixture.RETROFITS), target(Fixture.ASTHMA))), "MW_OUTPUTS_ONLY");
    }

    @Test
    void outputsOnlyQuietWhenTargetsAreNotRecorded() {
        assertQuiet(eval(mission().targets((List<Target>) null)), "MW_OUTPUTS_ONLY");
    }

    @Test
    void outputsOnlyQuietWithoutTargetsOnMetrics() {
        assertQuiet(eval(mission().targets()), "MW_OUTPUTS_ONLY");
        assertQuiet(eval(mission().targets(new Target("t-vague", null, null, null, List.of()))), "MW_OUTPUTS_ONLY");
    }

    // ------------------------------------------------------------ MW_REBRANDED

    @Nested
    class Rebranded {
        /** p1 (3M) is preexisting; p3 (2M) starts on {@code p3Start}. 10M in all. */
        private Mission.Builder oldMoney(LocalDate p3Start) {
            return mission().projects(p1().preexisting(true).build(), p2().build(), p3().start(p3Start).build(),
                    p4().build());
        }

        @Test
        void firesAtExactlyHalfOfTheMoney() {
            // p1 preexisting (3M) + p3 started before launch (2M) = 5M of 10M.
            Finding f = only(eval(oldMoney(LocalDate.of(2021, 12, 31))), "MW_REBRANDED");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.evidence()).containsEntry("share", 0.5).containsEntry("preexistingFunding", 5e6)
                    .containsEntry("publicFunding", 1e7).containsEntry("threshold", 0.5);
            assertThat(texts(f, "projects")).containsExactlyInAnyOrder("p1", "p3");
            assertThat(f.message()).contains("50%");
        }

        @Test
        void quietWhenTheProjectStartsOnLaunchDay() {
            // p3 starts on the launch date: only p1 (3M of 10M) predates the mission.
            assertQuiet(eval(oldMoney(Fixture.LAUNCHED)), "MW_REBRANDED");
        }

        @Test
        void quietJustBelowTheThreshold() {
            // p1 preexisting 3M + p3 before launch 1.99M = 4.99M of 9.99M = 0.4995.
            assertQuiet(eval(mission().projects(p1().preexisting(true).build(), p2().build(),
                    p3().start(LocalDate.of(2021, 6, 1)).publicFunding(1.99e6).build(), p4().build())),
                    "MW_REBRANDED");
        }

        @Test
        void aLowerThresholdFromThePortfolioFileCatchesLess() {
            Finding f = only(eval(Map.of("washing.rebrandedShare", 0.3), oldMoney(Fixture.LAUNCHED)), "MW_REBRANDED");

            assertThat(f.evidence()).containsEntry("share", 0.3).containsEntry("threshold", 0.3)
                    .containsEntry("projects", List.of("p1"));
        }

        @Test
        void aHigherThresholdFromThePortfolioFileLetsHalfPass() {
            assertQuiet(eval(Map.of("washing.rebrandedShare", 0.6), oldMoney(LocalDate.of(2021, 12, 31))),
                    "MW_REBRANDED");
        }

        @Test
        void quietWithoutPublicFunding() {
            assertQuiet(eval(mission().projects(p1().preexisting(true).publicFunding(0).build())), "MW_REBRANDED");
        }
    }

    // ------------------------------------------------------------ MW_NO_NEW_MONEY

    @Test
    void noNewMoneyQuietWithoutBudget() {
        // not recorded: a gap in the evidence (DATA_NO_BUDGET), not a sign of washing
        MissionReport report = eval(mission().budget(null));

        assertQuiet(report, "MW_NO_NEW_MONEY");
        assertThat(report.findings("DATA_NO_BUDGET")).hasSize(1);
    }

    @Test
    void noNewMoneyFiresWithZeroNewMoney() {
        Finding f = only(eval(mission().budget(new Budget(1e9, 0.0, true))), "MW_NO_NEW_MONEY");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsExactly(Map.entry("newMoney", 0.0), Map.entry("total", 1e9));
        assertThat(f.message()).isEqualTo("The mission's budget records no new money (EUR 1,000,000,000 in all): it "
                + "reallocates existing spending instead of bringing money of its own.");
    }

    @Test
    void noNewMoneyQuietWhenNewMoneyIsAbsent() {
        assertQuiet(eval(mission().budget(new Budget(1e9, null, true))), "MW_NO_NEW_MONEY");
    }

    @Test
    void noNewMoneyQuietWithAnyNewMoney() {
        assertQuiet(eval(mission().budget(new Budget(1e9, 1.0, false))), "MW_NO_NEW_MONEY");
    }

    // ------------------------------------------------------------ MW_MOVING_GOALPOSTS

    @Nested
    class MovingGoalposts {
        private final LocalDate revised = LocalDate.of(2023, 5, 1);

        /** Emissions (DECREASE): current goal 40 in 2035; the revision recorded the goal it replaced. */
        private Mission.Builder revisedFrom(DatedValue earlierGoal) {
            Target t = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, Fixture.DEADLINE), List.of(new Revision(revised, earlierGoal, "energy crisis")));
            return mission().targets(t);
        }

        @Test
        void firesWhenAReductionGoalWasLowered() {
            // From 30 to 40 Mt: a smaller cut.
            Finding f = only(eval(revisedFrom(DatedValue.of(30, Fixture.DEADLINE))), "MW_MOVING_GOALPOSTS");

            assertThat(f.subject()).isEqualTo("emissions");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).containsExactly(Map.entry("metric", "emissions"),
                    Map.entry("revisedOn", "2023-05-01"), Map.entry("reason", "energy crisis"),
                    Map.entry("beforeValue", 30.0), Map.entry("beforeDate", "2035-12-31"),
                    Map.entry("afterValue", 40.0), Map.entry("afterDate", "2035-12-31"));
            assertThat(f.message()).isEqualTo("Target emissions of mission m1 was revised on 2023-05-01 from 30 Mt CO2e "
                    + "by 2035-12-31 to 40 Mt CO2e by 2035-12-31: the goal was lowered.");
        }

        @Test
        void firesWhenTheGoalDateWasPushedLater() {
            Finding f = only(eval(revisedFrom(DatedValue.of(40, LocalDate.of(2030, 12, 31)))), "MW_MOVING_GOALPOSTS");

            assertThat(f.evidence()).containsEntry("beforeValue", 40.0).containsEntry("beforeDate", "2030-12-31")
                    .containsEntry("afterValue", 40.0).containsEntry("afterDate", "2035-12-31");
            assertThat(f.message()).contains("the goal date was pushed later");
        }

        @Test
        void aRevisionMadeAfterTheEvaluationDateIsNotKnownYet() {
            // Evaluated as of 2025-01-01: the cut from 30 to 40 Mt decided on 2025-06-01 lies in the future, so the
            // goal in force is still 30 Mt and nothing has been weakened.
            Target t = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, Fixture.DEADLINE), List.of(new Revision(LocalDate.of(2025, 6, 1),
                    DatedValue.of(30, Fixture.DEADLINE), "energy crisis")));
            MissionReport report = eval(mission().targets(t));

            assertQuiet(report, "MW_MOVING_GOALPOSTS");
            assertThat(report.targets()).singleElement()
                    .satisfies(target -> assertThat(target.goal()).isEqualTo(DatedValue.of(30, Fixture.DEADLINE)));
        }

        @Test
        void quietWhenALaterDateComesWithAGoalThatAsksForMoreByTheOldDate() {
            // From 50 Mt by 2030 to 0 by 2031: on the straight line from 100 (2021) to 0 (2031) the old date's value
            // is about 9 Mt, far below 50: a steeper path, not a postponement.
            assertQuiet(eval(mission().targets(new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                            DatedValue.of(0, LocalDate.of(2031, 12, 31)), List.of(new Revision(revised,
                            DatedValue.of(50, LocalDate.of(2030, 12, 31)), "phase-out agreed"))))),
                    "MW_MOVING_GOALPOSTS");
        }

        @Test
        void aLaterDateWithARaisedGoalIsNotJudgedWithoutABaseline() {
            // The same revision as above with the baseline left out: whether the new path is steeper cannot be drawn,
            // and a gap in the record is no evidence of washing.
            assertQuiet(eval(mission().targets(new Target("emissions", "emissions", null,
                            DatedValue.of(0, LocalDate.of(2031, 12, 31)), List.of(new Revision(revised,
                            DatedValue.of(50, LocalDate.of(2030, 12, 31)), "phase-out agreed"))))),
                    "MW_MOVING_GOALPOSTS");
        }

        @Test
        void aLaterDateWithTheSameGoalIsPostponedWithoutABaseline() {
            Finding f = only(eval(mission().targets(new Target("emissions", "emissions", null,
                    DatedValue.of(40, Fixture.DEADLINE), List.of(new Revision(revised,
                    DatedValue.of(40, LocalDate.of(2030, 12, 31)), "delays"))))), "MW_MOVING_GOALPOSTS");

            assertThat(f.message()).endsWith("from 40 Mt CO2e by 2030-12-31 to 40 Mt CO2e by 2035-12-31: the goal date "
                    + "was pushed later.");
        }

        @Test
        void quietWhenTheGoalWasKept() {
            assertQuiet(eval(revisedFrom(DatedValue.of(40, Fixture.DEADLINE))), "MW_MOVING_GOALPOSTS");
        }

        @Test
        void quietWhenAReductionGoalWasTightenedAndBroughtForward() {
            // From 45 Mt by 2036 to 40 Mt by 2035: a bigger cut, sooner.
            assertQuiet(eval(revisedFrom(DatedValue.of(45, LocalDate.of(2036, 12, 31)))), "MW_MOVING_GOALPOSTS");
        }

        @Test
        void anIncreaseGoalIsWeakenedWhenLowered() {
            Target t = new Target("renewables", "renewables", DatedValue.of(30, Fixture.BASELINE_DATE),
                    DatedValue.of(70, Fixture.DEADLINE),
                    List.of(new Revision(revised, DatedValue.of(80, Fixture.DEADLINE), "grid delays")));
            Finding f = only(eval(mission().targets(emissionsTarget(), t)), "MW_MOVING_GOALPOSTS");

            assertThat(f.subject()).isEqualTo("renewables");
            assertThat(f.evidence()).containsEntry("beforeValue", 80.0).containsEntry("afterValue", 70.0);
        }

        @Test
        void anIncreaseGoalRaisedIsQuiet() {
            Target t = new Target("renewables", "renewables", DatedValue.of(30, Fixture.BASELINE_DATE),
                    DatedValue.of(70, Fixture.DEADLINE),
                    List.of(new Revision(revised, DatedValue.of(60, Fixture.DEADLINE), "cheaper solar")));
            assertQuiet(eval(mission().targets(emissionsTarget(), t)), "MW_MOVING_GOALPOSTS");
        }

        @Test
        void eachWeakeningRevisionIsOneFinding() {
            // 2023: 30 by 2030 became 30 by 2035 (postponed); 2024: 30 by 2035 became 40 by 2035 (lowered).
            Target t = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, Fixture.DEADLINE), List.of(
                    new Revision(LocalDate.of(2024, 3, 1), DatedValue.of(30, Fixture.DEADLINE), "costs"),
                    new Revision(revised, DatedValue.of(30, LocalDate.of(2030, 12, 31)), "delays")));
            List<Finding> findings = eval(mission().targets(t)).findings("MW_MOVING_GOALPOSTS");

            assertThat(findings).extracting(f -> f.evidence("revisedOn"))
                    .containsExactlyInAnyOrder("2023-05-01", "2024-03-01");
            assertThat(findings).filteredOn(f -> f.evidence("revisedOn").equals("2023-05-01")).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("beforeDate", "2030-12-31")
                            .containsEntry("afterDate", "2035-12-31").containsEntry("afterValue", 30.0));
            assertThat(findings).filteredOn(f -> f.evidence("revisedOn").equals("2024-03-01")).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("beforeValue", 30.0)
                            .containsEntry("afterValue", 40.0));
        }
    }

    // ------------------------------------------------------------ MW_NO_CONDITIONS

    @Nested
    class NoConditions {
        @Test
        void firesWhenMostBusinessMoneyIsUnconditioned() {
            // To business: p2 3M (a promise only) + p3 2M (enforceable) = 5M; 3M of it unconditioned.
            Finding f = only(eval(mission().projects(p1().build(),
                    p2().conditionalities(toothless(ConditionalityType.PROFIT_SHARING)).build(), p3().build(),
                    p4().build())), "MW_NO_CONDITIONS");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).containsExactly(Map.entry("share", 0.6), Map.entry("unconditioned", 3e6),
                    Map.entry("toBusiness", 5e6), Map.entry("threshold", 0.5));
        }

        @Test
        void firesAtExactlyHalf() {
            Finding f = only(eval(mission().projects(p1().build(), p2().publicFunding(2e6).conditionalities().build(),
                    p3().build(), p4().build())), "MW_NO_CONDITIONS");

            assertThat(f.evidence()).containsEntry("share", 0.5).containsEntry("unconditioned", 2e6)
                    .containsEntry("toBusiness", 4e6);
        }

        @Test
        void quietJustBelowHalf() {
            // p3 (2M of 5M) unconditioned: 40 %.
            assertQuiet(eval(mission().projects(p1().build(), p2().build(), p3().conditionalities().build(),
                    p4().build())), "MW_NO_CONDITIONS");
        }

        @Test
        void aClawbackAloneIsBinding() {
            Conditionality clawbackOnly = new Conditionality(ConditionalityType.PROFIT_SHARING, false, false, true,
                    "repay if relocated");
            assertQuiet(eval(mission().projects(p1().build(), p2().conditionalities(clawbackOnly).build(),
                    p3().build(), p4().build())), "MW_NO_CONDITIONS");
        }

        @Test
        void quietWithoutMoneyToBusiness() {
            assertQuiet(eval(mission().projects(p1().build(), p4().build())), "MW_NO_CONDITIONS");
        }

        @Test
        void moneyToNonBusinessesDoesNotCount() {
            // The uni's and the NGO's unconditioned money is not money to business.
            Finding f = only(eval(mission().projects(p1().build(), p2().conditionalities().build(), p3().build(),
                    p4().build())), "MW_NO_CONDITIONS");
            assertThat(f.evidence()).containsEntry("toBusiness", 5e6);
        }
    }

    // ------------------------------------------------------------ MW_SILOED

    @Test
    void siloedFiresWithOneLeadBodyAndNoCrossMinisterialGovernance() {
        Finding f = only(eval(mission().governance(governance(List.of("Ministry of Energy"), true, false,
                List.of("CITIZEN_ASSEMBLY"), 0.5))), "MW_SILOED");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsExactly(Map.entry("leadBodies", List.of("Ministry of Energy")),
                Map.entry("crossMinisterial", false));
        assertThat(f.message()).startsWith("The mission is led by one body (Ministry of Energy) and its governance is "
                + "recorded as not cross-ministerial");
    }

    @Test
    void siloedQuietWithoutGovernance() {
        assertQuiet(eval(mission().governance(null)), "MW_SILOED");
    }

    @Test
    void siloedQuietWhenCrossMinisterialIsNotRecorded() {
        assertQuiet(eval(mission().governance(governance(List.of("Ministry of Energy"), true, null,
                List.of("CITIZEN_ASSEMBLY"), 0.5))), "MW_SILOED");
    }

    @Test
    void siloedQuietWithOneLeadBodyButCrossMinisterialGovernance() {
        assertQuiet(eval(mission().governance(governance(List.of("Ministry of Energy"), true, true,
                List.of("CITIZEN_ASSEMBLY"), 0.5))), "MW_SILOED");
    }

    @Test
    void siloedQuietWithTwoLeadBodies() {
        assertQuiet(eval(mission().governance(governance(List.of("Ministry of Energy", "Ministry of Health"), true,
                false, List.of("CITIZEN_ASSEMBLY"), 0.5))), "MW_SILOED");
    }

    // ------------------------------------------------------------ MW_CAPTURED

    @Test
    void capturedFiresWhenOneRecipientHoldsMoreThanHalf() {
        // uni: p1 3M + p4 3M of 10M.
        Finding f = only(eval(mission().projects(p1().build(), p2().publicFunding(2e6).build(), p3().build(),
                p4().recipient("uni").publicFunding(3e6).build())), "MW_CAPTURED");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsExactly(Map.entry("recipient", "uni"), Map.entry("share", 0.6),
                Map.entry("held", 6e6), Map.entry("publicFunding", 1e7), Map.entry("maximum", 0.5));
        assertThat(f.message()).isEqualTo("One recipient, uni, holds 60% of the mission's public funding (EUR 6,000,000 "
                + "of EUR 10,000,000), more than 50%: the mission serves one organisation.");
    }

    @Test
    void capturedQuietAtExactlyHalf() {
        // uni: p1 3M + p4 2M of 10M.
        assertQuiet(eval(mission().projects(p1().build(), p2().build(), p3().build(),
                p4().recipient("uni").build())), "MW_CAPTURED");
    }

    @Test
    void capturedQuietWhenMostOfTheMoneyGoesToCitizens() {
        // households (CITIZENS): p1 3M + p4 3M of 10M, paid to many people, not to one organisation
        assertQuiet(eval(mission().projects(p1().recipient("households").build(), p2().publicFunding(2e6).build(),
                p3().build(), p4().recipient("households").publicFunding(3e6).build())), "MW_CAPTURED");
    }

    @Test
    void capturedFollowsTheParameterFromThePortfolioFile() {
        // uni and firm hold 3M of 10M each: more than a quarter; sme and ngo (2M each) do not.
        List<Finding> findings = eval(Map.of("washing.maxRecipientShare", 0.25), mission()).findings("MW_CAPTURED");

        assertThat(findings).extracting(f -> f.evidence("recipient")).containsExactlyInAnyOrder("uni", "firm");
        assertThat(findings).allSatisfy(f -> assertThat(f.evidence()).containsEntry("share", 0.3)
                .containsEntry("maximum", 0.25));
        assertQuiet(eval(Map.of("washing.maxRecipientShare", 0.6), mission().projects(p1().build(),
                p2().publicFunding(2e6).build(), p3().build(), p4().recipient("uni").publicFunding(3e6).build())),
                "MW_CAPTURED");
    }

    // ------------------------------------------------------------ MW_NO_PARTICIPATION

    @Test
    void noParticipationFiresWithoutMechanism() {
        Finding f = only(eval(mission().governance(governance(List.of("A", "B"), true, true, List.of(), 0.5))),
                "MW_NO_PARTICIPATION");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsExactly(Map.entry("participation", List.of()));
        assertThat(f.message()).startsWith("Citizens have no say: the record lists no participation mechanism");
    }

    @Test
    void noParticipationQuietWithoutGovernance() {
        MissionReport report = eval(mission().governance(null));

        assertQuiet(report, "MW_NO_PARTICIPATION");
        assertThat(report.findings("DATA_NO_PARTICIPATION")).hasSize(1);
    }

    @Test
    void noParticipationQuietWhenParticipationIsNotRecorded() {
        assertQuiet(eval(mission().governance(governance(List.of("A", "B"), true, true, null, 0.5))),
                "MW_NO_PARTICIPATION");
    }

    @Test
    void noParticipationQuietWithOneMechanism() {
        assertQuiet(eval(mission().governance(governance(List.of("A", "B"), true, true, List.of("LIVING_LAB"), 0.5))),
                "MW_NO_PARTICIPATION");
    }

    // ------------------------------------------------------------ MW_OUTSOURCED

    @Nested
    class Outsourced {
        private Mission.Builder inHouse(Double share) {
            return mission().governance(governance(List.of("A", "B"), true, true, List.of("CO_DESIGN"), share));
        }

        @Test
        void firesBelowTheMinimumInHouseShare() {
            Finding f = only(eval(inHouse(0.29)), "MW_OUTSOURCED");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.rule()).isEqualTo("Delivery done mostly outside the public sector");
            assertThat(f.evidence()).containsExactly(Map.entry("inHouseDeliveryShare", 0.29),
                    Map.entry("minimum", 0.3));
        }

        @Test
        void quietAtExactlyTheMinimumInHouseShare() {
            assertQuiet(eval(inHouse(0.3)), "MW_OUTSOURCED");
        }

        @Test
        void quietWhenTheInHouseShareIsUnknown() {
            assertQuiet(eval(inHouse(null)), "MW_OUTSOURCED");
        }

        @Test
        void firesWhenConsultanciesHoldMoreThanTheMaximum() {
            // consult: p1 3M + p4 2M of 10M.
            Finding f = only(eval(mission().projects(p1().recipient("consult").build(), p2().build(), p3().build(),
                    p4().recipient("consult").build())), "MW_OUTSOURCED");

            assertThat(f.rule()).isEqualTo("Consultancies hold much of the money");
            assertThat(f.evidence()).containsExactly(Map.entry("consultancyShare", 0.5), Map.entry("maximum", 0.3));
        }

        @Test
        void quietWhenConsultanciesHoldExactlyTheMaximum() {
            // consult: p1 3M of 10M.
            assertQuiet(eval(mission().projects(p1().recipient("consult").build(), p2().build(), p3().build(),
                    p4().build())), "MW_OUTSOURCED");
        }

        @Test
        void bothRulesCanFire() {
            MissionReport report = eval(inHouse(0.1).projects(p1().recipient("consult").build(), p2().build(),
                    p3().build(), p4().recipient("consult").build()));

            assertThat(report.findings("MW_OUTSOURCED")).extracting(Finding::rule).containsExactlyInAnyOrder(
                    "Delivery done mostly outside the public sector", "Consultancies hold much of the money");
        }
    }

    // ------------------------------------------------------------ MW_SECTOR_AS_MISSION

    @Test
    void sectorAsMissionFiresForOneSectorWithoutOutcomeTarget() {
        Finding f = only(eval(mission().sectors("energy").targets(target(Fixture.RETROFITS))
                .projects(p1().build(), p2().sector("energy").build())), "MW_SECTOR_AS_MISSION");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsExactly(Map.entry("sectors", List.of("energy")));
    }

    @Test
    void sectorAsMissionQuietWithAnOutcomeTarget() {
        assertQuiet(eval(mission().sectors("energy").targets(target(Fixture.RETROFITS), target(Fixture.RENEWABLES))
                .projects(p1().build(), p2().sector("energy").build())), "MW_SECTOR_AS_MISSION");
    }

    @Test
    void sectorAsMissionFiresWhenTheTargetsAreRecordedAsNone() {
        Finding f = only(eval(mission().sectors("energy").targets()
                .projects(p1().build(), p2().sector("energy").build())), "MW_SECTOR_AS_MISSION");

        assertThat(f.evidence()).containsExactly(Map.entry("sectors", List.of("energy")));
    }

    @Test
    void sectorAsMissionQuietWhenTargetsAreNotRecorded() {
        // targets left out might hold an outcome target: not a sector strategy on the record's word
        MissionReport report = eval(mission().sectors("energy").targets((List<Target>) null)
                .projects(p1().build(), p2().sector("energy").build()));

        assertQuiet(report, "MW_SECTOR_AS_MISSION");
        assertThat(report.findings("DATA_NO_TARGETS")).hasSize(1);
    }

    @Test
    void sectorAsMissionQuietWithTwoSectors() {
        assertQuiet(eval(mission().sectors("energy").targets(target(Fixture.RETROFITS))
                .projects(p1().build(), p2().build())), "MW_SECTOR_AS_MISSION");
    }

    // ------------------------------------------------------------ disabling a pack

    @Test
    void disablingThePackSilencesEveryWashingRule() {
        MissionEngine noWashing = Fixture.engineBuilder().disable("washing").build();
        Mission.Builder washed = mission().budget(new Budget(1e9, 0.0, true))
                .governance(governance(List.of("Ministry of Energy"), true, false, List.of(), 0.5))
                .projects(p1().preexisting(true).build(), p2().conditionalities().build());

        MissionReport report = evaluate(noWashing, washed);

        assertThat(report.findings()).noneMatch(f -> "WASHING".equals(f.category()));
        assertThat(report.washingRisk()).isEqualTo(0.0);
        assertThat(noWashing.catalog().rules()).noneMatch(r -> r.pack().equals("washing"));
        // The same mission with the pack on.
        assertThat(Fixture.codes(eval(washed))).contains("MW_NO_NEW_MONEY", "MW_SILOED", "MW_REBRANDED",
                "MW_NO_CONDITIONS", "MW_NO_PARTICIPATION");
    }

    @Test
    void conditionsOfAnyTypeCountWhenBinding() {
        assertQuiet(eval(mission().projects(p1().build(), p2().conditionalities(binding(ConditionalityType.OTHER))
                .build(), p3().build(), p4().build())), "MW_NO_CONDITIONS");
    }
}
