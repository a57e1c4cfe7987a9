package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.packs.Fixture.assertQuiet;
import static org.missionengine.drools.packs.Fixture.codes;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.model.Budget;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Project;
import org.missionengine.model.Revision;
import org.missionengine.model.Target;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
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
    /** Reports give scores to 4 decimals. */
    private static final Offset<Double> FOUR_DECIMALS = within(1e-4);

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
        assertThat(report.evidence()).isEqualTo(1.0);
        // without the trajectory pack there are no outcomes on record: STRONG needs them
        assertThat(report.delivery()).isNull();
        assertThat(report.rating()).isEqualTo(Rating.PROMISING);
    }

    // ------------------------------------------------------------ criterion scores

    @Nested
    class CriterionScores {
        @Test
        void oneOfThreeMeasurableChecksFailed() {
            MissionReport report = eval(mission().deadline(null));

            assertThat(codes(report)).containsExactly("CRIT_NO_DEADLINE");
            assertThat(report.criteria().get(Criterion.MEASURABLE)).isCloseTo(2.0 / 3, FOUR_DECIMALS);
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
            assertThat(report.criteria().get(Criterion.MEASURABLE)).isCloseTo(1.0 / 3, FOUR_DECIMALS);
        }

        @Test
        void everyMeasurableCheckFailed() {
            Target vague = new Target("t-vague", null, null, null, List.of());
            MissionReport report = eval(mission().deadline(null).targets(vague));

            assertThat(codes(report)).contains("CRIT_NOT_MEASURABLE", "CRIT_NO_DEADLINE", "CRIT_NO_OUTCOME_METRIC");
            assertThat(report.criteria()).containsEntry(Criterion.MEASURABLE, 0.0);
        }

        @Test
        void bothSingleSolutionReasonsAreOneCheckOfTwo() {
            // Two paths, solar holding 70 %: one CRIT_SINGLE_SOLUTION with both reasons; CRIT_NO_OPEN_CALL is quiet.
            MissionReport report = eval(mission().projects(p1().publicFunding(4e6).build(),
                    p2().solution("solar").publicFunding(3e6).build(), p3().publicFunding(3e6).build()));

            assertThat(report.findings("CRIT_SINGLE_SOLUTION")).hasSize(1);
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
            // no delivery here: design/2 + evidence x (1 - risk)/2
            assertThat(report.score()).isCloseTo(0.9, EXACT);

            MissionReport heavier = evaluate(agency, Map.of("washing.defaultWeight", 0.4), pressRelease);
            assertThat(heavier.washingRisk()).isCloseTo(0.4, EXACT);
            assertThat(heavier.score()).isCloseTo(0.8, EXACT);

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
            // No new money (MW_NO_NEW_MONEY 0.35), one lead body and not cross-ministerial (MW_SILOED 0.15), no
            // participation (MW_NO_PARTICIPATION 0.1), all recorded as none.
            MissionReport report = eval(mission().budget(new Budget(1e9, 0.0, true))
                    .governance(governance(List.of("Ministry of Energy"), true, false, List.of(), 0.5)));

            assertThat(codes(report)).containsExactly("MW_NO_NEW_MONEY", "MW_NO_PARTICIPATION", "MW_SILOED");
            assertThat(report.washingRisk()).isCloseTo(1 - 0.65 * 0.85 * 0.9, FOUR_DECIMALS).isCloseTo(0.50275, FOUR_DECIMALS);
            // under rating.washingRisk: the risk weighs through integrity, design/2 + (1 - risk)/2
            assertThat(report.score()).isCloseTo(0.5 + 0.65 * 0.85 * 0.9 / 2, FOUR_DECIMALS);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void recordsLeftOutAreNoSignOfWashing() {
            MissionReport report = eval(mission().budget(null).governance(null));

            assertThat(codes(report)).containsExactly("DATA_NO_BUDGET", "DATA_NO_GOVERNANCE", "DATA_NO_PARTICIPATION");
            assertThat(report.washingRisk()).isEqualTo(0.0);
            // budget 1, governance 1 and participation 0.5 of 4.5 (projects 1, funding 0.5, conditions 0.5) missing
            assertThat(report.evidence()).isCloseTo(2.0 / 4.5, FOUR_DECIMALS);
        }

        @Test
        void targetsLeftOutAreAGapInTheEvidenceNotASignOfWashing() {
            MissionReport report = eval(mission().targets((List<Target>) null));

            assertThat(codes(report)).containsExactly("DATA_NO_TARGETS");
            assertThat(report.washingRisk()).isEqualTo(0.0);
            Finding f = only(report, "DATA_NO_TARGETS");
            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.category()).isEqualTo("DATA");
            assertThat(f.pack()).isEqualTo("evidence");
            assertThat(f.rule()).isEqualTo("The targets are not recorded");
            assertThat(f.evidence()).containsExactly(Map.entry("missing", List.of("targets")), Map.entry("recorded", 0.0));
            assertThat(f.message()).isEqualTo("The record lists none of the mission's targets, so what it is to "
                    + "achieve, and by when, cannot be assessed: record its targets, each with a metric, a baseline and "
                    + "a goal with its date ([] when it has none).");
            // weight 0 by default: the evidence of a mission that records its targets stays what it was
            assertThat(report.evidence()).isEqualTo(1.0);
            // weighed like the projects: budget 1, governance 1, participation 0.5, projects 1, funding 0.5 and
            // conditions 0.5 recorded, of 5.5 with the targets
            assertThat(eval(Map.of("evidence.weight.DATA_NO_TARGETS", 1.0), mission().targets((List<Target>) null))
                    .evidence()).isCloseTo(4.5 / 5.5, FOUR_DECIMALS);
            assertThat(eval(Map.of("evidence.weight.DATA_NO_TARGETS", 1.0), mission()).evidence()).isEqualTo(1.0);
        }

        @Test
        void targetsRecordedAsNoneAreNoGapInTheEvidence() {
            MissionReport none = eval(mission().targets());

            assertQuiet(none, "DATA_NO_TARGETS");
            assertQuiet(eval(mission()), "DATA_NO_TARGETS");
            // recorded as none: the record's own claim, judged as such
            assertThat(codes(none)).contains("MW_NO_MEASURABLE_TARGET", "CRIT_NO_OUTCOME_METRIC");
            assertThat(none.washingRisk()).isCloseTo(0.4, EXACT);
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
            assertThat(eval(Map.of("washing.weight.MW_SILOED", 0.6), siloed).rating())
                    .isEqualTo(Rating.MISSION_WASHING);
            // 1 is certainty; weights outside 0..1 are refused (RatingParametersTest)
            assertThat(eval(Map.of("washing.weight.MW_SILOED", 1.0), siloed).washingRisk()).isEqualTo(1.0);
            assertThat(eval(Map.of("washing.weight.MW_SILOED", 0.0), siloed).washingRisk()).isEqualTo(0.0);
        }

        @Test
        void nonWashingFindingsDoNotCount() {
            MissionReport report = eval(mission().deadline(null).governance(governance(List.of("A", "B"), false,
                    true, List.of("CO_DESIGN"), 0.5)));

            assertThat(codes(report)).containsExactly("CRIT_NO_DEADLINE", "GOV_NO_MISSION_BOARD");
            assertThat(report.washingRisk()).isEqualTo(0.0);
        }
    }

    // ------------------------------------------------------------ the outcome-oriented rating

    /**
     * The rating's paths (SPEC section 5), with the trajectory and evidence packs beside the packs under test so that
     * delivery and evidence take part. The healthy mission's emissions target is on course (95, 90, 85 since launch
     * towards 40 by 2035: delivery 1.0) and its record is complete (evidence 1.0).
     */
    @Nested
    class Ratings {
        private static MissionEngine full;

        @BeforeAll
        static void buildFullEngine() {
            full = Fixture.isolatedEngineBuilder("trajectory").build();
        }

        private MissionReport rate(Mission.Builder mission) {
            return evaluate(full, mission);
        }

        private MissionReport rate(Map<String, Object> parameters, Mission.Builder mission) {
            return evaluate(full, parameters, mission);
        }

        /** The record of "m1" without budget, governance or projects: evidence 0. */
        private Mission.Builder thinRecord() {
            return mission().budget(null).governance(null).projects((List<Project>) null);
        }

        @Test
        void outcomesOnCourseAndAFullRecordAreStrong() {
            MissionReport report = rate(mission());

            assertThat(report.delivery()).isEqualTo(1.0);
            assertThat(report.design()).isEqualTo(1.0);
            assertThat(report.evidence()).isEqualTo(1.0);
            assertThat(report.score()).isCloseTo(1.0, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.STRONG);
            assertThat(report.ratingReason()).isEqualTo("STRONG: outcome targets on course, score 1.00 (delivery 1.00, "
                    + "design 1.00, evidence 1.00, no recorded sign of washing)");
        }

        @Test
        void strongNeedsOutcomesOnRecord() {
            // the asthma target has no observation: no delivery, and MW_NOT_MONITORED (0.2);
            // score = design/2 + evidence x (1 - risk)/2 = 0.5 + 0.4
            MissionReport report = rate(mission().targets(target(Fixture.ASTHMA)));

            assertThat(report.delivery()).isNull();
            assertThat(report.score()).isCloseTo(0.9, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
            assertThat(report.ratingReason()).endsWith("at or above 0.60; STRONG needs outcomes on record");
        }

        @Test
        void outcomesGoingNowhereAreWeakWhateverTheDesign() {
            // 100 to 40 by 2023-01-01, missed: 95 on 2022-07-01 closed 5/60 of the gap by the goal date
            Target missed = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, LocalDate.of(2023, 1, 1)), List.of());
            MissionReport report = rate(mission().targets(missed));

            assertThat(report.design()).isEqualTo(1.0);
            assertThat(report.delivery()).isCloseTo(5.0 / 60, FOUR_DECIMALS);
            // 0.5 x 0.0833 + 0.25 x 1 + 0.25 x 1
            assertThat(report.score()).isCloseTo(0.5 + 2.5 / 60, FOUR_DECIMALS);
            assertThat(report.rating()).isEqualTo(Rating.WEAK);
            assertThat(report.ratingReason()).isEqualTo("WEAK: score 0.54 (delivery 0.08, design 1.00, evidence 1.00, "
                    + "no recorded sign of washing), under 0.60");
            assertThat(rate(Map.of("rating.promising", 0.5), mission().targets(missed)).rating())
                    .isEqualTo(Rating.PROMISING);
        }

        @Test
        void aStrongRatingWithALaggingTargetDoesNotCallItOnCourse() {
            // the missed target of the test above, rated STRONG from 0.5 (PROMISING too): delivery 0.08 is not "on course"
            Target missed = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, LocalDate.of(2023, 1, 1)), List.of());
            MissionReport report = rate(Map.of("rating.strong", 0.5, "rating.promising", 0.5), mission().targets(missed));

            assertThat(report.rating()).isEqualTo(Rating.STRONG);
            assertThat(report.ratingReason()).startsWith("STRONG: outcome targets mostly delivering, score 0.54 "
                    + "(delivery 0.08,");
        }

        @Test
        void achievingOutcomesOutweighsAThinRecord() {
            // nothing recorded about money, governance or projects, but the outcome is on course
            MissionReport report = rate(thinRecord());

            assertThat(report.evidence()).isEqualTo(0.0);
            assertThat(report.delivery()).isEqualTo(1.0);
            assertThat(report.findings()).noneMatch(f -> "WASHING".equals(f.category()));
            assertThat(codes(report)).contains("DATA_NO_BUDGET", "DATA_NO_GOVERNANCE", "DATA_NO_PARTICIPATION",
                    "DATA_NO_PROJECTS");
            // the project checks are not assessed: design rests on BOLD, MEASURABLE and CROSS_CUTTING
            // (AMBITIOUS_REALISTIC keeps CRIT_UNREALISTIC, which the trajectory can assess)
            assertThat(report.criteria()).containsOnlyKeys(Criterion.BOLD, Criterion.MEASURABLE,
                    Criterion.AMBITIOUS_REALISTIC, Criterion.CROSS_CUTTING);
            // 0.5 x 1 + 0.25 x 1 + 0.25 x 0
            assertThat(report.score()).isCloseTo(0.75, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
        }

        @Test
        void aThinRecordWithoutOutcomeDataIsInsufficientEvidence() {
            MissionReport report = rate(thinRecord().targets(target(Fixture.ASTHMA)));

            assertThat(report.evidence()).isEqualTo(0.0);
            assertThat(report.delivery()).isNull();
            // MW_NOT_MONITORED (0.2): the outcome target has no observation, and observations are the monitoring
            assertThat(report.washingRisk()).isCloseTo(0.2, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.INSUFFICIENT_EVIDENCE);
            assertThat(report.ratingReason()).isEqualTo("INSUFFICIENT_EVIDENCE: the record holds 0% of the evidence "
                    + "(under 50%) and no outcome data, too little to rate; record what DATA_NO_BUDGET, "
                    + "DATA_NO_GOVERNANCE, DATA_NO_PARTICIPATION and DATA_NO_PROJECTS ask for");
            // rated anyway: design/2 + evidence x (1 - risk)/2 = 0.5
            assertThat(rate(Map.of("rating.minEvidence", 0.0), thinRecord().targets(target(Fixture.ASTHMA))).rating())
                    .isEqualTo(Rating.WEAK);
        }

        @Test
        void aThinRecordWithoutTargetsIsInsufficientEvidenceNotWashing() {
            MissionReport silent = rate(thinRecord().targets((List<Target>) null));

            assertThat(silent.findings()).noneMatch(f -> "WASHING".equals(f.category()));
            assertThat(silent.delivery()).isNull();
            assertThat(silent.rating()).isEqualTo(Rating.INSUFFICIENT_EVIDENCE);
            // the same record saying "no targets" ([]) is evidence of washing enough to rate it
            MissionReport none = rate(thinRecord().targets());
            assertThat(codes(none)).contains("MW_NO_MEASURABLE_TARGET");
            assertThat(none.rating()).isEqualTo(Rating.WEAK);
        }

        @Test
        void recordedSignsOfWashingRateAThinRecord() {
            // no new money (0.35, recorded) on a thin record: washing risk at rating.weakRisk is evidence enough
            MissionReport report = rate(thinRecord().targets(target(Fixture.ASTHMA)).budget(new Budget(null, 0.0, null)));

            // and MW_NOT_MONITORED (0.2): 1 - 0.65 x 0.8
            assertThat(report.washingRisk()).isCloseTo(0.48, EXACT);
            assertThat(report.evidence()).isLessThan(0.5);
            assertThat(report.rating()).isEqualTo(Rating.WEAK);
        }

        @Test
        void highWashingRiskIsMissionWashingWhateverTheOutcomes() {
            // MW_NO_NEW_MONEY 0.35 and MW_REBRANDED 0.45: 1 - 0.65 x 0.55 = 0.6425, while emissions are on course
            MissionReport report = rate(mission().budget(new Budget(1e9, 0.0, true)).projects(
                    p1().preexisting(true).build(), p2().preexisting(true).build(), p3().build(), p4().build()));

            assertThat(report.delivery()).isEqualTo(1.0);
            assertThat(report.washingRisk()).isCloseTo(0.6425, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.MISSION_WASHING);
            assertThat(report.ratingReason()).isEqualTo("MISSION_WASHING: washing risk 0.64, at or above 0.60, from "
                    + "MW_NO_NEW_MONEY and MW_REBRANDED");
        }

        @Test
        void washingRiskLowersTheScoreThroughIntegrity() {
            // MW_SILOED 0.15: 0.5 x 1 + 0.25 x 1 + 0.25 x (1 x 0.85)
            MissionReport report = rate(mission()
                    .governance(governance(List.of("Ministry of Energy"), true, false, List.of("CO_DESIGN"), 0.5)));

            assertThat(report.score()).isCloseTo(0.9625, EXACT);
            assertThat(report.rating()).isEqualTo(Rating.STRONG);
            assertThat(report.ratingReason()).contains("washing risk 0.15");
        }

        @Test
        void theDeliveryWeightIsAParameter() {
            Target missed = new Target("emissions", "emissions", DatedValue.of(100, Fixture.BASELINE_DATE),
                    DatedValue.of(40, LocalDate.of(2023, 1, 1)), List.of());
            // w = 0.2: 0.2 x 0.0833 + 0.4 x 1 + 0.4 x 1
            MissionReport report = rate(Map.of("rating.deliveryWeight", 0.2), mission().targets(missed));

            assertThat(report.score()).isCloseTo(0.8 + 1.0 / 60, FOUR_DECIMALS);
            assertThat(report.rating()).isEqualTo(Rating.STRONG);
        }
    }

    // ------------------------------------------------------------ an agency's rating pack

    @Nested
    class AgencyRating {
        private static final String LENIENT = """
                package agency.rating;

                import org.missionengine.report.Rating;
                import org.missionengine.rules.MissionScores;

                global org.missionengine.rules.EvaluationContext ctx;

                rule "Everything is promising"
                    salience -2000
                when
                    MissionScores()
                then
                    ctx.rate(drools, Rating.PROMISING, "the agency rates every mission PROMISING");
                end
                """;

        @Test
        void anAgencyRuleCanTakeThePlaceOfTheRatingRules() {
            MissionEngine agency = Fixture.isolatedEngineBuilder().rulesText("lenient.drl", LENIENT)
                    .disable("Rate: mission washing", "Rate: insufficient evidence", "Rate: strong", "Rate: promising",
                            "Rate: weak").build();

            MissionReport report = evaluate(agency, mission().budget(new Budget(1e9, 0.0, true)));

            assertThat(report.rating()).isEqualTo(Rating.PROMISING);
            assertThat(report.ratingReason()).isEqualTo("PROMISING: the agency rates every mission PROMISING");
            assertThat(report.washingRisk()).isCloseTo(0.35, EXACT);
        }

        @Test
        void twoRatingsForOneMissionAreRefusedNamingTheRulesAndPacks() {
            MissionEngine both = Fixture.isolatedEngineBuilder().rulesText("lenient.drl", LENIENT).build();

            assertThatThrownBy(() -> evaluate(both, mission().targets(target(Fixture.ASTHMA))))
                    .isInstanceOf(InvalidRulesException.class)
                    .hasMessageContaining("mission \"m1\" got 2 ratings: PROMISING from rule \"Everything is "
                            + "promising\" (pack \"lenient\") and PROMISING from rule \"Rate: promising\" (pack "
                            + "\"rating\")");
        }

        @Test
        void noRatingForAMissionIsRefusedNamingThePack() {
            MissionEngine none = Fixture.isolatedEngineBuilder().disable("Rate: strong", "Rate: promising",
                    "Rate: weak").build();

            assertThatThrownBy(() -> evaluate(none, mission()))
                    .isInstanceOf(InvalidRulesException.class)
                    .hasMessageContaining("pack \"rating\"")
                    .hasMessageContaining("mission \"m1\" got no rating: no rule rated it");
        }
    }
}
