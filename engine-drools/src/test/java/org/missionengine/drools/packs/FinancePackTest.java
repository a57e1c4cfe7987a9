package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.packs.Fixture.assertQuiet;
import static org.missionengine.drools.packs.Fixture.binding;
import static org.missionengine.drools.packs.Fixture.evaluate;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.number;
import static org.missionengine.drools.packs.Fixture.only;
import static org.missionengine.drools.packs.Fixture.p1;
import static org.missionengine.drools.packs.Fixture.p2;
import static org.missionengine.drools.packs.Fixture.p3;
import static org.missionengine.drools.packs.Fixture.p4;
import static org.missionengine.drools.packs.Fixture.project;
import static org.missionengine.drools.packs.Fixture.texts;
import static org.missionengine.drools.packs.Fixture.toothless;
import static org.missionengine.drools.packs.Fixture.years;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.missionengine.MissionEngine;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Project;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/** The finance pack: leverage, reward sharing, conditions with teeth, patient money. */
class FinancePackTest {
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
    void healthyMissionHasNoFinanceFindings() {
        assertThat(eval(mission()).findings()).filteredOn(f -> f.code().startsWith("FIN_")).isEmpty();
    }

    // ------------------------------------------------------------ FIN_LOW_LEVERAGE

    @Nested
    class LowLeverage {
        /** Business projects p2 (3M public) and p3 (2M public) with the given private money. */
        private Mission.Builder withPrivate(double p2Private, double p3Private) {
            return mission().projects(p1().build(), p2().privateFunding(p2Private).build(),
                    p3().privateFunding(p3Private).build(), p4().build());
        }

        @Test
        void messageReadsTheSameWhateverTheDefaultLocale() {
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.GERMANY); // decimal comma, dot for thousands
                Finding f = only(eval(withPrivate(1e6, 0.45e6)), "FIN_LOW_LEVERAGE");
                assertThat(f.message()).contains("is 0.29 per unit of public money (EUR 1,450,000 private to "
                        + "EUR 5,000,000 public), under 0.3");
            } finally {
                Locale.setDefault(before);
            }
        }

        @Test
        void firesUnderTheMinimumLeverage() {
            Finding f = only(eval(withPrivate(1e6, 0.45e6)), "FIN_LOW_LEVERAGE");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.category()).isEqualTo("FINANCE");
            assertThat(f.pack()).isEqualTo("finance");
            assertThat(f.evidence()).containsExactly(Map.entry("leverage", 0.29), Map.entry("privateFunding", 1.45e6),
                    Map.entry("publicFunding", 5e6), Map.entry("projects", 2), Map.entry("minimum", 0.3));
            assertThat(f.message()).startsWith("Private co-funding in 2 business projects that record it is 0.29");
        }

        @Test
        void countsOnlyTheProjectsThatRecordTheirPrivateMoney() {
            // p3 (2M public) leaves its private money out: the 1M of p2 over its 3M is 0.33, above the minimum
            Mission.Builder oneUnrecorded = mission().projects(p1().build(), p2().privateFunding(1e6).build(),
                    p3().privateFunding((Double) null).build(), p4().build());
            assertQuiet(eval(oneUnrecorded), "FIN_LOW_LEVERAGE");

            Finding f = only(eval(mission().projects(p1().build(), p2().privateFunding(0.3e6).build(),
                    p3().privateFunding((Double) null).build(), p4().build())), "FIN_LOW_LEVERAGE");
            assertThat(f.evidence()).containsEntry("publicFunding", 3e6).containsEntry("projects", 1);
            assertThat(f.message()).startsWith("Private co-funding in 1 business project that records it is 0.1 ");
        }

        @Test
        void notAssessedWhenNoBusinessProjectRecordsItsPrivateMoney() {
            MissionReport r = eval(mission().projects(p1().build(), p2().privateFunding((Double) null).build(),
                    p3().privateFunding((Double) null).build(), p4().build()));
            assertQuiet(r, "FIN_LOW_LEVERAGE");
            assertThat(only(r, "DATA_NO_PRIVATE_FUNDING").evidence()).containsEntry("projects", List.of("p2", "p3"));
        }

        @Test
        void quietAtExactlyTheMinimumLeverage() {
            assertQuiet(eval(withPrivate(1e6, 0.5e6)), "FIN_LOW_LEVERAGE");
        }

        @Test
        void privateMoneyOfNonBusinessProjectsDoesNotCount() {
            Finding f = only(eval(mission().projects(p1().privateFunding(10e6).build(),
                    p2().privateFunding(1e6).build(), p3().privateFunding(0.45e6).build(), p4().build())),
                    "FIN_LOW_LEVERAGE");

            assertThat(f.evidence()).containsEntry("privateFunding", 1.45e6).containsEntry("publicFunding", 5e6);
        }

        @Test
        void quietWithoutBusinessRecipients() {
            assertQuiet(eval(mission().projects(p1().build(), p4().build())), "FIN_LOW_LEVERAGE");
        }

        @Test
        void followsTheMinimumFromThePortfolioFile() {
            // The baseline's 2.5M private to 5M public is 0.5.
            Finding f = only(eval(Map.of("finance.minLeverage", 0.6), mission()), "FIN_LOW_LEVERAGE");

            assertThat(f.evidence()).containsEntry("leverage", 0.5).containsEntry("minimum", 0.6);
        }
    }

    // ------------------------------------------------------------ FIN_NO_REWARD_SHARING

    @Nested
    class NoRewardSharing {
        /** p2 to firm, with only a fair-labour condition (which shares no reward). */
        private Mission.Builder loan(Project.Builder p2) {
            return mission().projects(p1().build(), p2.build(), p3().build(), p4().build());
        }

        private Project.Builder withoutRewardSharing() {
            return p2().conditionalities(binding(ConditionalityType.FAIR_LABOUR));
        }

        @Test
        void firesForALoanToABusinessWithoutRewardSharing() {
            Finding f = only(eval(loan(withoutRewardSharing())), "FIN_NO_REWARD_SHARING");

            assertThat(f.subject()).isEqualTo("p2");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).containsExactly(Map.entry("instrument", "LOAN"), Map.entry("publicFunding", 3e6),
                    Map.entry("recipient", "firm"), Map.entry("threshold", 1_000_000.0));
            assertThat(f.message()).contains("Volt Motors AG");
        }

        @Test
        void firesAtExactlyTheThreshold() {
            Finding f = only(eval(loan(withoutRewardSharing().publicFunding(1_000_000))), "FIN_NO_REWARD_SHARING");

            assertThat(f.evidence()).containsEntry("publicFunding", 1_000_000.0);
        }

        @Test
        void quietJustUnderTheThreshold() {
            assertQuiet(eval(loan(withoutRewardSharing().publicFunding(999_999))), "FIN_NO_REWARD_SHARING");
        }

        @Test
        void firesForAGrantToAnSme() {
            Finding f = only(eval(mission().projects(p1().build(), p2().build(), p3().conditionalities().build(),
                    p4().build())), "FIN_NO_REWARD_SHARING");

            assertThat(f.subject()).isEqualTo("p3");
            assertThat(f.evidence()).containsEntry("instrument", "GRANT").containsEntry("recipient", "sme")
                    .containsEntry("publicFunding", 2e6);
        }

        @ParameterizedTest
        @EnumSource(value = Instrument.class, names = {"EQUITY", "LOAN", "GUARANTEE", "BAILOUT", "GRANT"})
        void firesForRiskTakingInstruments(Instrument instrument) {
            Finding f = only(eval(loan(withoutRewardSharing().instrument(instrument))), "FIN_NO_REWARD_SHARING");

            assertThat(f.evidence()).containsEntry("instrument", instrument.name());
        }

        @ParameterizedTest
        @EnumSource(value = Instrument.class, names = {"PROCUREMENT", "TAX_CREDIT", "PRIZE"})
        void quietForOtherInstruments(Instrument instrument) {
            assertQuiet(eval(loan(withoutRewardSharing().instrument(instrument))), "FIN_NO_REWARD_SHARING");
        }

        @ParameterizedTest
        @EnumSource(value = ConditionalityType.class,
                names = {"PROFIT_SHARING", "EQUITY_STAKE", "ACCESS_PRICING", "REINVESTMENT"})
        void quietWithARewardSharingCondition(ConditionalityType type) {
            assertQuiet(eval(loan(p2().conditionalities(binding(ConditionalityType.FAIR_LABOUR), binding(type)))),
                    "FIN_NO_REWARD_SHARING");
        }

        @Test
        void quietForMoneyToANonBusiness() {
            // p1 is a 3M grant to the university without any condition.
            assertQuiet(eval(mission()), "FIN_NO_REWARD_SHARING");
            assertQuiet(eval(loan(withoutRewardSharing().recipient("ngo"))), "FIN_NO_REWARD_SHARING");
        }

        @Test
        void followsTheThresholdFromThePortfolioFile() {
            assertQuiet(eval(Map.of("finance.rewardSharingFrom", 5_000_000), loan(withoutRewardSharing())),
                    "FIN_NO_REWARD_SHARING");
            Finding f = only(eval(Map.of("finance.rewardSharingFrom", 3_000_000), loan(withoutRewardSharing())),
                    "FIN_NO_REWARD_SHARING");
            assertThat(f.evidence()).containsEntry("threshold", 3_000_000.0);
        }
    }

    // ------------------------------------------------------------ FIN_UNENFORCEABLE_CONDITIONS

    @Nested
    class UnenforceableConditions {
        private Mission.Builder p2With(Conditionality... conditions) {
            return mission().projects(p1().build(), p2().conditionalities(conditions).build(), p3().build(),
                    p4().build());
        }

        @Test
        void firesForAConditionWithoutTeeth() {
            Finding f = only(eval(p2With(binding(ConditionalityType.PROFIT_SHARING),
                    toothless(ConditionalityType.FAIR_LABOUR))), "FIN_UNENFORCEABLE_CONDITIONS");

            assertThat(f.subject()).isEqualTo("p2");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).containsOnlyKeys("conditions");
            assertThat(texts(f, "conditions")).containsExactly("FAIR_LABOUR");
        }

        @Test
        void listsEveryConditionWithoutTeeth() {
            Finding f = only(eval(p2With(toothless(ConditionalityType.PROFIT_SHARING),
                    toothless(ConditionalityType.EMISSIONS), binding(ConditionalityType.FAIR_LABOUR))),
                    "FIN_UNENFORCEABLE_CONDITIONS");

            assertThat(texts(f, "conditions")).containsExactlyInAnyOrder("PROFIT_SHARING", "EMISSIONS");
        }

        @Test
        void quietWhenAClawbackBacksTheCondition() {
            assertQuiet(eval(p2With(binding(ConditionalityType.PROFIT_SHARING),
                    new Conditionality(ConditionalityType.FAIR_LABOUR, false, false, true, "clawback"))),
                    "FIN_UNENFORCEABLE_CONDITIONS");
        }

        @Test
        void quietWhenTheConditionIsEnforceable() {
            assertQuiet(eval(p2With(binding(ConditionalityType.PROFIT_SHARING),
                    new Conditionality(ConditionalityType.FAIR_LABOUR, true, false, false, "in the contract"))),
                    "FIN_UNENFORCEABLE_CONDITIONS");
        }

        @Test
        void quietWithoutConditions() {
            assertQuiet(eval(p2With()), "FIN_UNENFORCEABLE_CONDITIONS");
        }
    }

    // ------------------------------------------------------------ FIN_IMPATIENT

    @Nested
    class Impatient {
        /** The mission's horizon: 2022-01-01 to 2035-12-31, 5112 days. */
        private final double horizon = years(Fixture.LAUNCHED, Fixture.DEADLINE);

        /** All four projects from launch to {@code end}. */
        private Mission.Builder ending(LocalDate end) {
            return mission().projects(p1().end(end).build(), p2().end(end).build(), p3().end(end).build(),
                    p4().end(end).build());
        }

        @Test
        void firesForShortProjects() {
            // Four years (1461 days) is under 30 % of 5112 days (1533.6 days).
            Finding f = only(eval(ending(LocalDate.of(2026, 1, 1))), "FIN_IMPATIENT");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.evidence()).containsOnlyKeys("meanDurationYears", "horizonYears", "minimumShare");
            assertThat(number(f, "meanDurationYears")).isEqualTo(4.0);
            assertThat(number(f, "horizonYears")).isCloseTo(horizon, within(1e-8)).isCloseTo(13.9959, within(1e-4));
            assertThat(number(f, "minimumShare")).isEqualTo(0.3);
        }

        @Test
        void firesOneDayUnderThirtyPercentOfTheHorizon() {
            // 1533 days < 1533.6 days.
            Finding f = only(eval(ending(LocalDate.of(2026, 3, 14))), "FIN_IMPATIENT");

            assertThat(number(f, "meanDurationYears")).isCloseTo(1533 / 365.25, within(1e-8));
        }

        @Test
        void quietOneDayOverThirtyPercentOfTheHorizon() {
            // 1534 days > 1533.6 days.
            assertQuiet(eval(ending(LocalDate.of(2026, 3, 15))), "FIN_IMPATIENT");
        }

        @Test
        void weighsDurationsByPublicFunding() {
            // p1: 3M over 8 years; p2..p4: 7M over 730 days.
            LocalDate twoYears = LocalDate.of(2024, 1, 1);
            Finding f = only(eval(mission().projects(p1().end(LocalDate.of(2030, 1, 1)).build(),
                    p2().end(twoYears).build(), p3().end(twoYears).build(), p4().end(twoYears).build())),
                    "FIN_IMPATIENT");

            assertThat(number(f, "meanDurationYears")).isCloseTo((3 * 8.0 + 7 * 730 / 365.25) / 10, within(1e-8));
        }

        @Test
        void quietWhenTheMoneyIsInTheLongProjects() {
            // p1: 7M over 8 years; the short ones 1M each: 6.2 years weighted (3.5 unweighted).
            LocalDate twoYears = LocalDate.of(2024, 1, 1);
            assertQuiet(eval(mission().projects(p1().publicFunding(7e6).end(LocalDate.of(2030, 1, 1)).build(),
                    p2().publicFunding(1e6).end(twoYears).build(), p3().publicFunding(1e6).end(twoYears).build(),
                    p4().publicFunding(1e6).end(twoYears).build())), "FIN_IMPATIENT");
        }

        @Test
        void ignoresProjectsWithoutPublicMoney() {
            // p5 has no public money: its 18 years weigh nothing, and its dates are not needed
            LocalDate end = LocalDate.of(2026, 1, 1);
            Finding f = only(eval(mission().projects(p1().end(end).build(), p2().end(end).build(),
                    p3().end(end).build(), project("p5").publicFunding(0).end(LocalDate.of(2040, 1, 1)).build(),
                    project("p6").publicFunding(0).start(null).end(null).build())), "FIN_IMPATIENT");

            assertThat(number(f, "meanDurationYears")).isEqualTo(4.0);
        }

        @Test
        void notAssessedWhenAProjectWithPublicMoneyHasNoEndDate() {
            // p3's 50M could last long enough to make the money patient: the mean is not judged without it
            LocalDate end = LocalDate.of(2026, 1, 1);
            MissionReport r = eval(mission().projects(p1().end(end).build(), p2().end(end).build(),
                    p3().end(null).publicFunding(50e6).build(), p4().end(end).build()));

            assertQuiet(r, "FIN_IMPATIENT");
            // the gap's message and evidence are the evidence pack's (EvidencePackTest)
            assertThat(only(r, "DATA_NO_PROJECT_DATES").evidence()).containsEntry("projects", List.of("p3"))
                    .containsEntry("withPublicMoney", 4);
        }

        @Test
        void notAssessedWhenAProjectWithPublicMoneyHasNoStartDate() {
            LocalDate end = LocalDate.of(2026, 1, 1);
            MissionReport r = eval(mission().projects(p1().end(end).build(), p2().end(end).build(),
                    p3().end(end).build(), p4().start(null).end(end).build()));

            assertQuiet(r, "FIN_IMPATIENT");
            assertThat(only(r, "DATA_NO_PROJECT_DATES").evidence()).containsEntry("projects", List.of("p4"));
        }

        @Test
        void notAssessedWhenAProjectDoesNotRecordItsPublicFunding() {
            // p4 runs 18 years, but its money is not recorded: were it most of the mission's, the money would be patient
            LocalDate end = LocalDate.of(2026, 1, 1);
            MissionReport r = eval(mission().projects(p1().end(end).build(), p2().end(end).build(),
                    p3().end(end).build(), p4().publicFunding((Double) null).end(LocalDate.of(2040, 1, 1)).build()));

            assertQuiet(r, "FIN_IMPATIENT");
            assertThat(only(r, "DATA_NO_FUNDING").evidence()).containsEntry("projects", List.of("p4"));
        }

        @Test
        void quietWithoutDeadline() {
            assertQuiet(eval(ending(LocalDate.of(2026, 1, 1)).deadline(null)), "FIN_IMPATIENT");
        }

        @Test
        void followsTheShareFromThePortfolioFile() {
            // Six-year projects are 43 % of the horizon.
            assertQuiet(eval(mission()), "FIN_IMPATIENT");
            Finding f = only(eval(Map.of("finance.minPatience", 0.5), mission()), "FIN_IMPATIENT");
            assertThat(number(f, "meanDurationYears")).isCloseTo(years(Fixture.PROJECT_START, Fixture.PROJECT_END),
                    within(1e-8));
            assertThat(number(f, "minimumShare")).isEqualTo(0.5);
        }
    }
}
