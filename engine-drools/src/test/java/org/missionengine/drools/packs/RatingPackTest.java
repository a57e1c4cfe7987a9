package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.packs.Fixture.codes;
import static org.missionengine.drools.packs.Fixture.emissionsTarget;
import static org.missionengine.drools.packs.Fixture.evaluate;
import static org.missionengine.drools.packs.Fixture.governance;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.p1;
import static org.missionengine.drools.packs.Fixture.p2;
import static org.missionengine.drools.packs.Fixture.p3;
import static org.missionengine.drools.packs.Fixture.p4;
import static org.missionengine.drools.packs.Fixture.target;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.model.Budget;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Revision;
import org.missionengine.model.Target;
import org.missionengine.report.Criterion;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Rating;
import org.missionengine.report.Severity;

/**
 * The rating pack: criterion scores (the share of a criterion's finding codes that did not fire), the washing risk
 * 1 − Π(1 − weight) over the distinct WASHING codes, and the rating (the worst vote wins). Runs with the packs
 * under test only, so that other packs' findings cannot move the numbers.
 *
 * <p>Checks per criterion: BOLD 1 (CRIT_NO_CHALLENGE), MEASURABLE 3 (CRIT_NOT_MEASURABLE, CRIT_NO_DEADLINE,
 * CRIT_NO_OUTCOME_METRIC), AMBITIOUS_REALISTIC 1 (CRIT_NO_RESEARCH), CROSS_CUTTING 3 (CRIT_NARROW_SECTORS,
 * CRIT_NARROW_DISCIPLINES, CRIT_NARROW_ACTORS), BOTTOM_UP 2 (CRIT_SINGLE_SOLUTION, CRIT_NO_OPEN_CALL).
 */
class RatingPackTest {
    private static final Offset<Double> EXACT = within(1e-12);

    private static MissionEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = Fixture.isolatedEngineBuilder().build();
    }

    private static MissionReport eval(Mission.Builder mission) {
        return evaluate(engine, mission);
    }

    private static MissionReport eval(Map<String, Object> parameters, Mission.Builder mission) {
        return evaluate(engine, parameters, mission);
    }

    /** Mission "m1" with one sector, one discipline and two actor types: CROSS_CUTTING fails all three checks. */
    private static Mission.Builder narrow() {
        return mission().sectors("energy").disciplines("engineering").projects(p1().build(),
                p2().sector("energy").build(), p3().recipient("firm2").sector("energy").build(),
                p4().recipient("uni").sector("energy").build());
    }

    @Test
    void healthyMissionIsStrongWithFullScoresAndNoWashingRisk() {
        MissionReport report = eval(mission());

        assertThat(report.findings()).isEmpty();
        assertThat(report.criteria()).containsOnlyKeys(Criterion.values())
                .allSatisfy((c, score) -> assertThat(score).as("%s", c).isEqualTo(1.0));
        assertThat(report.washingRisk()).isEqualTo(0.0);
        assertThat(report.rating()).isEqualTo(Rating.STRONG);
    }

    // ------------------------------------------------------------ criterion scores

    @Nested
    class CriterionScores {
        @Test
        void oneOfThreeMeasurableChecksFailed() {
            MissionReport report = eval(mission().deadline(null));

            assertThat(codes(report)).containsExactly("CRIT_NO_DEADLINE");
            assertThat(report.criteria().get(Criterion.MEASURABLE)).isCloseTo(2.0 / 3, EXACT);
            assertThat(report.criteria()).containsEntry(Criterion.BOLD, 1.0)
                    .containsEntry(Criterion.AMBITIOUS_REALISTIC, 1.0).containsEntry(Criterion.CROSS_CUTTING, 1.0)
                    .containsEntry(Criterion.BOTTOM_UP, 1.0);
        }

        @Test
        void aCodeCountsOnceHoweverManyFindingsItHas() {
            // Two CRIT_NOT_MEASURABLE findings (from two rules) and CRIT_NO_DEADLINE: two codes of three.
            Target vague = new Target("t-vague", null, DatedValue.of(1, Fixture.BASELINE_DATE),
                    DatedValue.of(2, Fixture.DEADLINE), List.of());
            MissionReport report = eval(mission().deadline(null)
                    .targets(emissionsTarget(), vague, target(Fixture.WELLBEING)));

            assertThat(report.findings("CRIT_NOT_MEASURABLE")).hasSize(2);
            assertThat(codes(report)).containsExactly("CRIT_NOT_MEASURABLE", "CRIT_NO_DEADLINE");
            assertThat(report.criteria().get(Criterion.MEASURABLE)).isCloseTo(1.0 / 3, EXACT);
        }

        @Test
        void everyMeasurableCheckFailed() {
            Target vague = new Target("t-vague", null, null, null, List.of());
            MissionReport report = eval(mission().deadline(null).targets(vague));

            assertThat(codes(report)).contains("CRIT_NOT_MEASURABLE", "CRIT_NO_DEADLINE", "CRIT_NO_OUTCOME_METRIC");
            assertThat(report.criteria()).containsEntry(Criterion.MEASURABLE, 0.0);
        }

        @Test
        void bothSingleSolutionRulesAreOneCheckOfTwo() {
            // Two paths, solar holding 70 %: both CRIT_SINGLE_SOLUTION rules fire; CRIT_NO_OPEN_CALL is quiet.
            MissionReport report = eval(mission().projects(p1().publicFunding(4e6).build(),
                    p2().solution("solar").publicFunding(3e6).build(), p3().publicFunding(3e6).build()));

            assertThat(report.findings("CRIT_SINGLE_SOLUTION")).hasSize(2);
            assertThat(report.criteria().get(Criterion.BOTTOM_UP)).isCloseTo(0.5, EXACT);
        }

        @Test
        void bottomUpFailsCompletely() {
            MissionReport report = eval(mission().projects(p1().openCall(false).publicFunding(4e6).build(),
                    p2().solution("solar").publicFunding(3e6).build(), p3().publicFunding(3e6).build()));

            assertThat(report.criteria()).containsEntry(Criterion.BOTTOM_UP, 0.0);
        }

        @Test
        void crossCuttingFailsCompletely() {
            MissionReport report = eval(narrow());

            assertThat(codes(report)).containsExactly("CRIT_NARROW_ACTORS", "CRIT_NARROW_DISCIPLINES",
                    "CRIT_NARROW_SECTORS");
            assertThat(report.criteria()).containsEntry(Criterion.CROSS_CUTTING, 0.0);
        }

        @Test
        void boldAndAmbitiousHaveOneCheckEach() {
            MissionReport report = eval(mission().challenge(null).projects(
                    p2().build(), p3().instrument(Instrument.EQUITY).openCall(true).build()));

            assertThat(codes(report)).contains("CRIT_NO_CHALLENGE", "CRIT_NO_RESEARCH");
            assertThat(report.criteria()).containsEntry(Criterion.BOLD, 0.0)
                    .containsEntry(Criterion.AMBITIOUS_REALISTIC, 0.0);
        }

        @Test
        void disablingACheckRemovesItFromTheCount() {
            MissionEngine noDeadlineCheck = Fixture.isolatedEngineBuilder().disable("CRIT_NO_DEADLINE").build();

            // MEASURABLE keeps CRIT_NOT_MEASURABLE and CRIT_NO_OUTCOME_METRIC; the latter fails.
            MissionReport report = evaluate(noDeadlineCheck, mission().deadline(null)
                    .targets(target(Fixture.RETROFITS)));

            assertThat(report.findings("CRIT_NO_DEADLINE")).isEmpty();
            assertThat(report.criteria().get(Criterion.MEASURABLE)).isCloseTo(0.5, EXACT);
        }
    }

    // ------------------------------------------------------------ an agency's rules

    @Nested
    class AgencyRules {
        private static final String AGENCY_DRL = """
                package agency.checks;

                import org.missionengine.model.*;

                global org.missionengine.rules.EvaluationContext ctx;

                rule "Mission title names no number"
                    @code("AG_NO_NUMBER_IN_TITLE") @severity("INFO") @category("CRITERIA") @criterion("BOLD")
                when
                    $m : Mission( title not matches ".*[0-9].*" )
                then
                    ctx.report(drools, $m.id(), "The title of the mission names no number.");
                end

                rule "Mission announced as a press release"
                    @code("AG_PRESS_RELEASE") @severity("INFO") @category("WASHING")
                when
                    $m : Mission( statement != null, statement.contains("press release") )
                then
                    ctx.report(drools, $m.id(), "The statement is a press release.");
                end
                """;

        private static MissionEngine agency;

        @BeforeAll
        static void buildAgencyEngine() {
            agency = Fixture.isolatedEngineBuilder().rulesText("agency.drl", AGENCY_DRL).build();
        }

        @Test
        void anAgencyCheckCountsForItsCriterion() {
            MissionReport quiet = evaluate(agency, mission());
            MissionReport report = evaluate(agency, mission().title("Healthy cities"));

            assertThat(quiet.criteria()).containsEntry(Criterion.BOLD, 1.0);
            assertThat(codes(report)).containsExactly("AG_NO_NUMBER_IN_TITLE");
            // BOLD now has two checks: CRIT_NO_CHALLENGE and AG_NO_NUMBER_IN_TITLE.
            assertThat(report.criteria().get(Criterion.BOLD)).isCloseTo(0.5, EXACT);
            assertThat(evaluate(agency, mission().title("Healthy cities").challenge(null)).criteria())
                    .containsEntry(Criterion.BOLD, 0.0);
        }

        @Test
        void anAgencyWashingCodeWeighsTheDefaultWeight() {
            Mission.Builder pressRelease = mission().statement("As announced in our press release, we will act.");

            MissionReport report = evaluate(agency, pressRelease);

            assertThat(codes(report)).containsExactly("AG_PRESS_RELEASE");
            assertThat(report.washingRisk()).isCloseTo(0.2, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);

            MissionReport heavier = evaluate(agency, Map.of("washing.defaultWeight", 0.4), pressRelease);
            assertThat(heavier.washingRisk()).isCloseTo(0.4, EXACT);
            assertThat(heavier.rating()).isEqualTo(Rating.WEAK);

            // A weight of its own, although no pack declares it.
            MissionReport own = evaluate(agency, Map.of("washing.weight.AG_PRESS_RELEASE", 0.7), pressRelease);
            assertThat(own.washingRisk()).isCloseTo(0.7, EXACT);
            assertThat(own.rating()).isEqualTo(Rating.MISSION_WASHING);
        }
    }

    // ------------------------------------------------------------ washing risk

    @Nested
    class WashingRisk {
        @Test
        void oneCodeWeighsItsWeight() {
            MissionReport report = eval(mission().budget(new Budget(1e9, 0.0, true)));

            assertThat(codes(report)).containsExactly("MW_NO_NEW_MONEY");
            assertThat(report.washingRisk()).isCloseTo(0.35, EXACT);
        }

        @Test
        void twoCodesCombineAsOneMinusTheProductOfTheirComplements() {
            // MW_NO_NEW_MONEY 0.35 and MW_SILOED 0.15: 1 - 0.65 * 0.85.
            MissionReport report = eval(mission().budget(new Budget(1e9, 0.0, true))
                    .governance(governance(List.of("Ministry of Energy"), true, false, List.of("CO_DESIGN"), 0.5)));

            assertThat(codes(report)).containsExactly("MW_NO_NEW_MONEY", "MW_SILOED");
            assertThat(report.washingRisk()).isCloseTo(1 - 0.65 * 0.85, EXACT).isCloseTo(0.4475, EXACT);
        }

        @Test
        void threeCodes() {
            // No budget (MW_NO_NEW_MONEY 0.35) and no governance (MW_SILOED 0.15, MW_NO_PARTICIPATION 0.1).
            MissionReport report = eval(mission().budget(null).governance(null));

            assertThat(codes(report)).containsExactly("GOV_NO_MISSION_BOARD", "MW_NO_NEW_MONEY",
                    "MW_NO_PARTICIPATION", "MW_SILOED");
            assertThat(report.washingRisk()).isCloseTo(1 - 0.65 * 0.85 * 0.9, EXACT).isCloseTo(0.50275, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.WEAK);
        }

        @Test
        void aCodeWithTwoFindingsCountsOnce() {
            // Both MW_OUTSOURCED rules fire.
            MissionReport report = eval(mission()
                    .governance(governance(List.of("A", "B"), true, true, List.of("CO_DESIGN"), 0.1))
                    .projects(p1().recipient("consult").build(), p2().build(), p3().build(),
                            p4().recipient("consult").build()));

            assertThat(report.findings("MW_OUTSOURCED")).hasSize(2);
            assertThat(codes(report)).containsExactly("MW_OUTSOURCED");
            assertThat(report.washingRisk()).isCloseTo(0.15, EXACT);
        }

        @Test
        void twoRevisionsOfOneTargetCountOnce() {
            Target t = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, Fixture.DEADLINE), List.of(
                    new Revision(LocalDate.of(2023, 5, 1), DatedValue.of(30, LocalDate.of(2030, 12, 31)), "delays"),
                    new Revision(LocalDate.of(2024, 3, 1), DatedValue.of(30, Fixture.DEADLINE), "costs")));
            MissionReport report = eval(mission().targets(t));

            assertThat(report.findings("MW_MOVING_GOALPOSTS")).hasSize(2);
            assertThat(report.washingRisk()).isCloseTo(0.25, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void weightsComeFromParameters() {
            Mission.Builder siloed = mission()
                    .governance(governance(List.of("Ministry of Energy"), true, false, List.of("CO_DESIGN"), 0.5));

            assertThat(eval(siloed).washingRisk()).isCloseTo(0.15, EXACT);
            MissionReport heavier = eval(Map.of("washing.weight.MW_SILOED", 0.5), siloed);
            assertThat(heavier.washingRisk()).isCloseTo(0.5, EXACT);
            assertThat(heavier.rating()).isEqualTo(Rating.WEAK);
            // Weights are clamped to 0..1.
            assertThat(eval(Map.of("washing.weight.MW_SILOED", 1.5), siloed).washingRisk()).isEqualTo(1.0);
            assertThat(eval(Map.of("washing.weight.MW_SILOED", -0.5), siloed).washingRisk()).isEqualTo(0.0);
        }

        @Test
        void nonWashingFindingsDoNotCount() {
            MissionReport report = eval(mission().deadline(null).governance(governance(List.of("A", "B"), false,
                    true, List.of("CO_DESIGN"), 0.5)));

            assertThat(codes(report)).containsExactly("CRIT_NO_DEADLINE", "GOV_NO_MISSION_BOARD");
            assertThat(report.washingRisk()).isEqualTo(0.0);
        }
    }

    // ------------------------------------------------------------ rating votes

    @Nested
    class Votes {
        private final Mission.Builder noNewMoney = mission().budget(new Budget(1e9, 0.0, true));

        @Test
        void washingRiskUnderTheStrongRiskKeepsAStrongRating() {
            // MW_NO_PARTICIPATION alone: 0.1 < 0.15.
            MissionReport report = eval(mission().governance(governance(List.of("A", "B"), true, true, List.of(),
                    0.5)));

            assertThat(codes(report)).containsExactly("MW_NO_PARTICIPATION");
            assertThat(report.washingRisk()).isCloseTo(0.1, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.STRONG);
        }

        @Test
        void washingRiskAtTheStrongRiskIsPromising() {
            // MW_SILOED alone: 0.15.
            Mission.Builder siloed = mission()
                    .governance(governance(List.of("Ministry of Energy"), true, false, List.of("CO_DESIGN"), 0.5));
            MissionReport report = eval(siloed);

            assertThat(codes(report)).containsExactly("MW_SILOED");
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
            assertThat(eval(Map.of("rating.strongRisk", 0.2), siloed).rating()).isEqualTo(Rating.STRONG);
        }

        @Test
        void washingRiskJustUnderTheWeakRiskIsPromising() {
            // MW_MOVING_GOALPOSTS 0.25 and MW_NO_PARTICIPATION 0.1: 1 - 0.75 * 0.9 = 0.325.
            Target t = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, Fixture.DEADLINE), List.of(
                    new Revision(LocalDate.of(2023, 5, 1), DatedValue.of(30, Fixture.DEADLINE), "costs")));
            MissionReport report = eval(mission().targets(t)
                    .governance(governance(List.of("A", "B"), true, true, List.of(), 0.5)));

            assertThat(codes(report)).containsExactly("MW_MOVING_GOALPOSTS", "MW_NO_PARTICIPATION");
            assertThat(report.washingRisk()).isCloseTo(0.325, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void washingRiskAtTheWeakRiskIsWeak() {
            MissionReport report = eval(noNewMoney);

            assertThat(report.washingRisk()).isGreaterThanOrEqualTo(0.35);
            assertThat(report.rating()).isEqualTo(Rating.WEAK);
            assertThat(eval(Map.of("rating.weakRisk", 0.36), noNewMoney).rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void washingRiskJustUnderTheWashingRiskIsWeak() {
            // MW_REBRANDED 0.45 and MW_MOVING_GOALPOSTS 0.25: 1 - 0.55 * 0.75 = 0.5875.
            Target t = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, Fixture.DEADLINE), List.of(
                    new Revision(LocalDate.of(2023, 5, 1), DatedValue.of(30, Fixture.DEADLINE), "costs")));
            MissionReport report = eval(mission().targets(t).projects(p1().preexisting(true).build(),
                    p2().preexisting(true).build(), p3().build(), p4().build()));

            assertThat(codes(report)).containsExactly("MW_MOVING_GOALPOSTS", "MW_REBRANDED");
            assertThat(report.washingRisk()).isCloseTo(0.5875, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.WEAK);
        }

        @Test
        void washingRiskOverTheWashingRiskIsMissionWashing() {
            // MW_NO_NEW_MONEY 0.35 and MW_REBRANDED 0.45: 1 - 0.65 * 0.55 = 0.6425.
            MissionReport report = eval(noNewMoney.projects(p1().preexisting(true).build(),
                    p2().preexisting(true).build(), p3().build(), p4().build()));

            assertThat(codes(report)).containsExactly("MW_NO_NEW_MONEY", "MW_REBRANDED");
            assertThat(report.washingRisk()).isCloseTo(0.6425, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.MISSION_WASHING);
            assertThat(eval(Map.of("rating.washingRisk", 0.65), noNewMoney.projects(p1().preexisting(true).build(),
                    p2().preexisting(true).build(), p3().build(), p4().build())).rating()).isEqualTo(Rating.WEAK);
        }

        @Test
        void meanCriteriaScoreAtTheStrongCriteriaIsStrong() {
            // CROSS_CUTTING 0, the other four 1: mean 0.8.
            MissionReport report = eval(narrow());

            assertThat(report.washingRisk()).isEqualTo(0.0);
            assertThat(report.rating()).isEqualTo(Rating.STRONG);
            assertThat(eval(Map.of("rating.strongCriteria", 0.85), narrow()).rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void meanCriteriaScoreUnderTheStrongCriteriaIsPromising() {
            // CROSS_CUTTING 0, BOTTOM_UP 0.5: mean 0.7.
            MissionReport report = eval(narrow().projects(p1().openCall(false).build(),
                    p2().sector("energy").build(), p3().recipient("firm2").sector("energy").build(),
                    p4().recipient("uni").sector("energy").build()));

            assertThat(codes(report)).containsExactly("CRIT_NARROW_ACTORS", "CRIT_NARROW_DISCIPLINES",
                    "CRIT_NARROW_SECTORS", "CRIT_NO_OPEN_CALL");
            assertThat(report.criteria().values().stream().mapToDouble(Double::doubleValue).average())
                    .hasValueCloseTo(0.7, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
        }

        /** CROSS_CUTTING 0 and BOTTOM_UP 0 (two paths, one holding 70 %, no open call): mean 0.6. */
        private Mission.Builder narrowAndTopDown() {
            return narrow().projects(p1().openCall(false).build(), p2().sector("energy").build(),
                    p3().recipient("firm2").sector("energy").solution("solar").build(),
                    p4().recipient("uni").sector("energy").solution("solar").build());
        }

        @Test
        void meanCriteriaScoreAtTheWeakCriteriaIsPromising() {
            MissionReport report = eval(narrowAndTopDown());

            assertThat(codes(report)).containsExactly("CRIT_NARROW_ACTORS", "CRIT_NARROW_DISCIPLINES",
                    "CRIT_NARROW_SECTORS", "CRIT_NO_OPEN_CALL", "CRIT_SINGLE_SOLUTION");
            assertThat(report.criteria()).containsEntry(Criterion.CROSS_CUTTING, 0.0)
                    .containsEntry(Criterion.BOTTOM_UP, 0.0);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void meanCriteriaScoreUnderTheWeakCriteriaIsWeak() {
            // And MEASURABLE 2/3: mean 8/15.
            MissionReport report = eval(narrowAndTopDown().deadline(null));

            assertThat(report.criteria().values().stream().mapToDouble(Double::doubleValue).average())
                    .hasValueCloseTo(8.0 / 15, EXACT);
            assertThat(report.washingRisk()).isEqualTo(0.0);
            assertThat(report.rating()).isEqualTo(Rating.WEAK);
            assertThat(eval(Map.of("rating.weakCriteria", 0.5), narrowAndTopDown().deadline(null)).rating())
                    .isEqualTo(Rating.PROMISING);
        }

        @Test
        void aCriticalFindingIsPromising() {
            // CRIT_NO_CHALLENGE (CRITICAL): BOLD 0, mean 0.8, no washing.
            MissionReport report = eval(mission().challenge(null));

            assertThat(codes(report)).containsExactly("CRIT_NO_CHALLENGE");
            assertThat(report.washingRisk()).isEqualTo(0.0);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void theWorstVoteWins() {
            // MW_SILOED votes PROMISING; CRIT_NO_CHALLENGE votes PROMISING; mean 0.6 (BOLD 0, CROSS_CUTTING 0)
            // is not under 0.6; with no open call too (BOTTOM_UP 0.5), mean 0.5 votes WEAK.
            Mission.Builder m = narrow().challenge(null)
                    .governance(governance(List.of("Ministry of Energy"), true, false, List.of("CO_DESIGN"), 0.5));
            assertThat(eval(m).rating()).isEqualTo(Rating.PROMISING);

            MissionReport report = eval(m.projects(p1().openCall(false).build(), p2().sector("energy").build(),
                    p3().recipient("firm2").sector("energy").build(), p4().recipient("uni").sector("energy").build()));
            assertThat(codes(report)).contains("MW_SILOED", "CRIT_NO_CHALLENGE", "CRIT_NO_OPEN_CALL");
            assertThat(report.rating()).isEqualTo(Rating.WEAK);
        }
    }

    // ------------------------------------------------------------ severity overrides reach the rating

    @Test
    void severityOverridesAreWhatTheRatingSees() {
        MissionEngine overridden = Fixture.isolatedEngineBuilder()
                .severity("CRIT_NO_CHALLENGE", Severity.WARNING)
                .severity("GOV_NO_MISSION_BOARD", Severity.CRITICAL)
                .build();

        MissionReport noChallenge = evaluate(overridden, mission().challenge(null));
        assertThat(noChallenge.findings("CRIT_NO_CHALLENGE")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(noChallenge.rating()).isEqualTo(Rating.STRONG);

        MissionReport noBoard = evaluate(overridden, mission().governance(governance(List.of("A", "B"), false, true,
                List.of("CO_DESIGN"), 0.5)));
        assertThat(noBoard.findings("GOV_NO_MISSION_BOARD")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(noBoard.rating()).isEqualTo(Rating.PROMISING);
        assertThat(eval(mission().governance(governance(List.of("A", "B"), false, true, List.of("CO_DESIGN"), 0.5)))
                .rating()).isEqualTo(Rating.STRONG);
    }
}
