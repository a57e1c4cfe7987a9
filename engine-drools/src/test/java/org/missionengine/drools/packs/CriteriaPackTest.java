package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.packs.Fixture.assertQuiet;
import static org.missionengine.drools.packs.Fixture.emissionsTarget;
import static org.missionengine.drools.packs.Fixture.evaluate;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.only;
import static org.missionengine.drools.packs.Fixture.p1;
import static org.missionengine.drools.packs.Fixture.p2;
import static org.missionengine.drools.packs.Fixture.p3;
import static org.missionengine.drools.packs.Fixture.p4;
import static org.missionengine.drools.packs.Fixture.target;
import static org.missionengine.drools.packs.Fixture.texts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.model.Actor;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Project;
import org.missionengine.model.Target;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/** The criteria pack: one or more rules per check of the five mission criteria. */
class CriteriaPackTest {
    private static MissionEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = Fixture.engine();
    }

    private static MissionReport eval(Mission.Builder mission) {
        return evaluate(engine, mission);
    }

    @Test
    void healthyMissionMeetsEveryCriterion() {
        MissionReport report = eval(mission());

        assertThat(report.findings()).filteredOn(f -> f.code().startsWith("CRIT_")).isEmpty();
        assertThat(report.criteria()).containsOnlyKeys(Criterion.values()).allSatisfy((c, score) ->
                assertThat(score).as("%s", c).isEqualTo(1.0));
    }

    // ------------------------------------------------------------ CRIT_NO_CHALLENGE (BOLD)

    @Nested
    class NoChallenge {
        @Test
        void firesWithoutAChallenge() {
            Finding f = only(eval(mission().challenge(null)), "CRIT_NO_CHALLENGE");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.category()).isEqualTo("CRITERIA");
            assertThat(f.criterion()).isEqualTo(Criterion.BOLD);
            assertThat(f.pack()).isEqualTo("criteria");
            assertThat(f.rule()).isEqualTo("Mission names no societal challenge or public statement");
            assertThat(f.evidence()).containsExactly(Map.entry("missing", List.of("challenge")));
            // not recorded is not written as "has no"
            assertThat(f.message()).startsWith("No societal challenge of the mission is recorded: ");
        }

        @Test
        void firesWithABlankStatement() {
            Finding f = only(eval(mission().statement("   ")), "CRIT_NO_CHALLENGE");

            assertThat(f.evidence()).containsExactly(Map.entry("missing", List.of("statement")));
            assertThat(f.message()).startsWith("No public statement of the mission is recorded: ");
        }

        @Test
        void namesBothWhenBothAreMissing() {
            Finding f = only(eval(mission().challenge("").statement(null)), "CRIT_NO_CHALLENGE");

            assertThat(f.evidence()).containsExactly(Map.entry("missing", List.of("challenge", "statement")));
            assertThat(f.message()).startsWith("Neither the societal challenge nor the public statement of the mission is "
                    + "recorded: ");
        }

        @Test
        void quietWithAChallengeAndAStatement() {
            assertQuiet(eval(mission().challenge("Climate change").statement("Cut emissions")), "CRIT_NO_CHALLENGE");
        }
    }

    // ------------------------------------------------------------ CRIT_NOT_MEASURABLE (MEASURABLE)

    @Nested
    class NotMeasurable {
        private final DatedValue baseline = DatedValue.of(100, Fixture.BASELINE_DATE);
        private final DatedValue goal = DatedValue.of(40, Fixture.DEADLINE);

        @Test
        void firesForATargetWithoutMetric() {
            Target vague = new Target("t-vague", null, baseline, goal, List.of());
            Finding f = only(eval(mission().targets(emissionsTarget(), vague)), "CRIT_NOT_MEASURABLE");

            assertThat(f.subject()).isEqualTo("t-vague");
            assertThat(f.rule()).isEqualTo("Target has no metric");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.criterion()).isEqualTo(Criterion.MEASURABLE);
            assertThat(f.evidence()).containsExactly(Map.entry("missing", List.of("metric")));
        }

        @Test
        void namesEveryMissingPartAsEnglishListsThem() {
            Target bare = new Target("t-bare", "emissions", null, null, List.of());
            Finding f = only(eval(mission().targets(emissionsTarget(), bare)), "CRIT_NOT_MEASURABLE");

            assertThat(f.message()).isEqualTo("Target t-bare of mission m1 lacks baseline, numeric goal and goal date: "
                    + "progress cannot be measured against it.");
        }

        @Test
        void firesForAMetricWithoutUnit() {
            Finding f = only(eval(mission().targets(emissionsTarget(), target(Fixture.WELLBEING))),
                    "CRIT_NOT_MEASURABLE");

            assertThat(f.subject()).isEqualTo("wellbeing");
            assertThat(f.rule()).isEqualTo("Target lacks unit, baseline, numeric goal or goal date");
            assertThat(f.evidence()).containsExactly(Map.entry("metric", "wellbeing"),
                    Map.entry("missing", List.of("unit")));
        }

        @Test
        void firesWithoutBaseline() {
            Finding f = only(eval(mission().targets(new Target("emissions", null, goal))), "CRIT_NOT_MEASURABLE");

            assertThat(f.subject()).isEqualTo("emissions");
            assertThat(f.evidence()).containsEntry("metric", "emissions")
                    .containsEntry("missing", List.of("baseline"));
        }

        @Test
        void firesForABaselineWithoutDate() {
            Target t = new Target("emissions", new DatedValue(100.0, null), goal);
            Finding f = only(eval(mission().targets(t)), "CRIT_NOT_MEASURABLE");

            assertThat(f.evidence()).containsEntry("missing", List.of("baseline date"));
        }

        @Test
        void firesWithoutGoal() {
            Finding f = only(eval(mission().targets(new Target("emissions", baseline, null))), "CRIT_NOT_MEASURABLE");

            assertThat(f.evidence()).containsEntry("missing", List.of("numeric goal", "goal date"));
        }

        @Test
        void firesForAGoalWithoutDate() {
            Target t = new Target("emissions", baseline, new DatedValue(40.0, null));
            Finding f = only(eval(mission().targets(t)), "CRIT_NOT_MEASURABLE");

            assertThat(f.evidence()).containsEntry("missing", List.of("goal date"));
        }

        @Test
        void firesForAGoalDateWithoutValue() {
            Target t = new Target("emissions", baseline, new DatedValue(null, Fixture.DEADLINE));
            Finding f = only(eval(mission().targets(t)), "CRIT_NOT_MEASURABLE");

            assertThat(f.evidence()).containsEntry("missing", List.of("numeric goal"));
        }

        @Test
        void oneFindingPerIncompleteTarget() {
            Target noGoal = new Target("emissions", baseline, null);
            Target vague = new Target("t-vague", null, baseline, goal, List.of());
            MissionReport report = eval(mission().targets(noGoal, vague, target(Fixture.RENEWABLES)));

            assertThat(report.findings("CRIT_NOT_MEASURABLE")).extracting(Finding::subject)
                    .containsExactlyInAnyOrder("emissions", "t-vague");
        }

        @Test
        void notAssessedWhileTargetsAreNotRecorded() {
            MissionReport silent = eval(mission().targets((List<Target>) null).deadline(null));
            MissionReport none = eval(mission().targets().deadline(null));

            assertQuiet(silent, "CRIT_NOT_MEASURABLE");
            assertQuiet(silent, "CRIT_NO_OUTCOME_METRIC");
            // MEASURABLE rests on the deadline alone, which fails: 0 of 1, where [] fails 2 of 3 (no outcome metric)
            assertThat(silent.criteria()).containsEntry(Criterion.MEASURABLE, 0.0);
            assertThat(none.criteria().get(Criterion.MEASURABLE)).isCloseTo(1.0 / 3, within(1e-4));
            assertThat(only(silent, "DATA_NO_TARGETS").evidence()).containsEntry("missing", List.of("targets"));
        }

        @Test
        void quietForACompleteTarget() {
            assertQuiet(eval(mission().targets(new Target("emissions", baseline, goal), target(Fixture.RENEWABLES))),
                    "CRIT_NOT_MEASURABLE");
        }
    }

    // ------------------------------------------------------------ CRIT_NO_DEADLINE (MEASURABLE)

    @Test
    void noDeadlineFires() {
        Finding f = only(eval(mission().deadline(null)), "CRIT_NO_DEADLINE");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.criterion()).isEqualTo(Criterion.MEASURABLE);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).isEmpty();
        // a deadline left out is not recorded, which is all the message claims
        assertThat(f.message()).isEqualTo("No deadline is recorded for the mission: a mission is time-bound; record its "
                + "deadline.");
    }

    @Test
    void noDeadlineQuietWithADeadline() {
        assertQuiet(eval(mission().deadline(Fixture.DEADLINE)), "CRIT_NO_DEADLINE");
    }

    // ------------------------------------------------------------ CRIT_NO_OUTCOME_METRIC (MEASURABLE)

    @Nested
    class NoOutcomeMetric {
        @Test
        void firesWhenEveryTargetIsOnAnOutputOrInput() {
            Finding f = only(eval(mission().targets(target(Fixture.RETROFITS), target(Fixture.SPENDING))),
                    "CRIT_NO_OUTCOME_METRIC");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.criterion()).isEqualTo(Criterion.MEASURABLE);
            assertThat(f.evidence()).containsExactly(Map.entry("targets", 2));
        }

        @Test
        void firesWithoutTargets() {
            Finding f = only(eval(mission().targets()), "CRIT_NO_OUTCOME_METRIC");

            assertThat(f.evidence()).containsExactly(Map.entry("targets", 0));
        }

        @Test
        void notAssessedWhileTargetsAreNotRecorded() {
            MissionReport silent = eval(mission().targets((List<Target>) null));

            assertQuiet(silent, "CRIT_NO_OUTCOME_METRIC");
            // a gap in the evidence, never a failed check: MEASURABLE is scored on the deadline, which passes
            assertThat(silent.criteria()).containsEntry(Criterion.MEASURABLE, 1.0);
            assertThat(eval(mission().targets()).criteria().get(Criterion.MEASURABLE)).isLessThan(1.0);
        }

        @Test
        void firesWhenTheOnlyTargetHasNoMetric() {
            Target vague = new Target("t-vague", null, null, null, List.of());
            Finding f = only(eval(mission().targets(vague)), "CRIT_NO_OUTCOME_METRIC");

            assertThat(f.evidence()).containsExactly(Map.entry("targets", 1));
            assertThat(f.message()).isEqualTo("The mission's one target is not on an outcome or impact metric: it "
                    + "measures what it spends or produces, not what changes.");
        }

        @Test
        void quietWithOneImpactTarget() {
            assertQuiet(eval(mission().targets(target(Fixture.RETROFITS), target(Fixture.ASTHMA))),
                    "CRIT_NO_OUTCOME_METRIC");
        }

        @Test
        void quietWithOneOutcomeTarget() {
            assertQuiet(eval(mission().targets(target(Fixture.RETROFITS), target(Fixture.RENEWABLES))),
                    "CRIT_NO_OUTCOME_METRIC");
        }
    }

    // ------------------------------------------------------------ CRIT_NO_RESEARCH (AMBITIOUS_REALISTIC)

    @Test
    void noResearchFiresWithoutGrantOrPrize() {
        Finding f = only(eval(mission().projects(p1().instrument(Instrument.LOAN).build(), p2().build(),
                p3().instrument(Instrument.EQUITY).build(), p4().instrument(Instrument.PROCUREMENT).build())),
                "CRIT_NO_RESEARCH");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.criterion()).isEqualTo(Criterion.AMBITIOUS_REALISTIC);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsExactly(Map.entry("projects", 4));
        assertThat(f.message()).isEqualTo("None of the mission's 4 projects is a grant or a prize: nothing funds "
                + "research and innovation towards the goal.");
    }

    @Test
    void noResearchSpeaksOfOneProjectAsOne() {
        Finding f = only(eval(mission().projects(p2().build())), "CRIT_NO_RESEARCH");

        assertThat(f.message()).isEqualTo("The mission's one project is not a grant or a prize: nothing funds "
                + "research and innovation towards the goal.");
    }

    @Test
    void noResearchFiresWithoutProjects() {
        assertThat(only(eval(mission().projects()), "CRIT_NO_RESEARCH").evidence())
                .containsExactly(Map.entry("projects", 0));
    }

    @Test
    void noResearchNotAssessedWhileAnInstrumentIsNotRecorded() {
        // loan, equity, procurement, and one project whose instrument is not recorded: it might be the grant
        assertQuiet(eval(mission().projects(p1().instrument(Instrument.LOAN).build(), p2().instrument(null).build(),
                p3().instrument(Instrument.EQUITY).build(), p4().instrument(Instrument.PROCUREMENT).build())),
                "CRIT_NO_RESEARCH");
    }

    @Test
    void noResearchQuietWithOnePrize() {
        assertQuiet(eval(mission().projects(p1().instrument(Instrument.LOAN).build(), p2().build(),
                p3().instrument(Instrument.EQUITY).build(), p4().build())), "CRIT_NO_RESEARCH");
    }

    @Test
    void noResearchQuietWithOneGrant() {
        assertQuiet(eval(mission().projects(p1().build(), p2().build())), "CRIT_NO_RESEARCH");
    }

    // ------------------------------------------------------------ CRIT_NARROW_SECTORS (CROSS_CUTTING)

    @Nested
    class NarrowSectors {
        @Test
        void firesWithTwoSectors() {
            Finding f = only(eval(mission().sectors("energy").projects(p1().build(), p2().build(),
                    p3().sector("energy").build(), p4().sector("transport").build())), "CRIT_NARROW_SECTORS");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.criterion()).isEqualTo(Criterion.CROSS_CUTTING);
            assertThat(f.evidence()).containsExactly(Map.entry("sectors", List.of("energy", "transport")),
                    Map.entry("count", 2), Map.entry("minimum", 3), Map.entry("projectsWithoutSector", 0));
        }

        @Test
        void projectsWithoutASectorCountAsOneMoreEach() {
            // energy and a project of unknown sector: 2 at most, still fewer than 3
            Finding f = only(eval(mission().sectors("energy").projects(p1().build(), p2().sector("energy").build(),
                    p3().sector(null).build())), "CRIT_NARROW_SECTORS");

            assertThat(f.evidence()).containsEntry("count", 1).containsEntry("projectsWithoutSector", 1);
            assertThat(f.message()).isEqualTo("The mission and its projects span 1 sector (energy), 1 project without "
                    + "a recorded sector counted as one more each, fewer than 3: a mission should cut across sectors.");
        }

        @Test
        void notAssessedWhileProjectsWithoutASectorCouldReachTheMinimum() {
            // energy and transport on record; p3 and p4 record no sector and might add a third
            MissionReport report = eval(mission().sectors("energy").projects(p1().build(), p2().build(),
                    p3().sector(" ").build(), p4().sector(null).build()));

            assertQuiet(report, "CRIT_NARROW_SECTORS");
        }

        @Test
        void notAssessedWhenNothingNamesASector() {
            // no sector list and no project: nothing to count, which is not a record of one sector
            MissionReport report = eval(mission().sectors((List<String>) null).projects());

            assertQuiet(report, "CRIT_NARROW_SECTORS");
            // the same mission recording "no sectors" ([]) is judged on it
            assertThat(only(eval(mission().sectors().projects()), "CRIT_NARROW_SECTORS").message())
                    .startsWith("The record names no sector for the mission or its projects, fewer than 3");
        }

        @Test
        void quietWithExactlyThreeSectors() {
            // The mission names one sector; its projects add the other two.
            assertQuiet(eval(mission().sectors("energy").projects(p1().build(), p2().build(),
                    p3().sector("energy").build(), p4().sector("buildings").build())), "CRIT_NARROW_SECTORS");
        }

        @Test
        void firesAgainstAHigherMinimumFromTheEngine() {
            MissionEngine strict = Fixture.engineBuilder().parameter("crossCutting.minSectors", 5).build();

            Finding f = only(evaluate(strict, mission()), "CRIT_NARROW_SECTORS");

            assertThat(f.evidence()).containsExactly(
                    Map.entry("sectors", List.of("buildings", "energy", "transport")),
                    Map.entry("count", 3), Map.entry("minimum", 5), Map.entry("projectsWithoutSector", 0));
            assertThat(f.message()).isEqualTo("The mission and its projects span 3 sectors (buildings, energy and "
                    + "transport), fewer than 5: a mission should cut across sectors.");
            assertThat(strict.catalog().parameters()).filteredOn(p -> p.name().equals("crossCutting.minSectors"))
                    .singleElement().satisfies(p -> assertThat(((Number) p.value()).intValue()).isEqualTo(5));

            // The engine's override wins over the portfolio file's parameters.
            Finding withFile = only(evaluate(strict, Map.of("crossCutting.minSectors", 2), mission()),
                    "CRIT_NARROW_SECTORS");
            assertThat(withFile.evidence()).containsEntry("minimum", 5);
        }

        @Test
        void firesAgainstAHigherMinimumFromThePortfolioFile() {
            Finding f = only(evaluate(engine, Map.of("crossCutting.minSectors", 4), mission()),
                    "CRIT_NARROW_SECTORS");

            assertThat(f.evidence()).containsEntry("count", 3).containsEntry("minimum", 4);
        }

        @Test
        void quietAgainstALowerMinimumFromThePortfolioFile() {
            assertQuiet(evaluate(engine, Map.of("crossCutting.minSectors", 2), mission().sectors("energy")
                    .projects(p1().build(), p2().build())), "CRIT_NARROW_SECTORS");
        }
    }

    // ------------------------------------------------------------ CRIT_NARROW_DISCIPLINES (CROSS_CUTTING)

    @Test
    void narrowDisciplinesFiresWithOneDiscipline() {
        Finding f = only(eval(mission().disciplines("engineering")), "CRIT_NARROW_DISCIPLINES");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.criterion()).isEqualTo(Criterion.CROSS_CUTTING);
        assertThat(f.evidence()).containsExactly(Map.entry("disciplines", List.of("engineering")),
                Map.entry("count", 1), Map.entry("minimum", 2));
    }

    @Test
    void narrowDisciplinesCountsDistinctDisciplines() {
        Finding f = only(eval(mission().disciplines("engineering", "engineering")), "CRIT_NARROW_DISCIPLINES");

        assertThat(f.evidence()).containsEntry("count", 1);
    }

    @Test
    void narrowDisciplinesFiresWithoutDisciplines() {
        Finding f = only(eval(mission().disciplines()), "CRIT_NARROW_DISCIPLINES");
        assertThat(f.evidence()).containsEntry("disciplines", List.of()).containsEntry("count", 0);
        // recorded as none ([]): the record's own claim, said as such
        assertThat(f.message()).isEqualTo("The record says the mission draws on no discipline, fewer than 2.");
    }

    @Test
    void narrowDisciplinesNotAssessedWhileDisciplinesAreNotRecorded() {
        MissionReport recorded = eval(mission());
        MissionReport silent = eval(mission().disciplines((List<String>) null));

        assertQuiet(silent, "CRIT_NARROW_DISCIPLINES");
        // CROSS_CUTTING rests on its other checks: the healthy fixture passes them, so it stays 1.0 over fewer checks
        assertThat(silent.criteria()).containsEntry(Criterion.CROSS_CUTTING, 1.0);
        assertThat(recorded.criteria()).containsEntry(Criterion.CROSS_CUTTING, 1.0);
        // a gap in the evidence, never a failed check: the same mission with one discipline fails it
        assertThat(eval(mission().disciplines("engineering")).criteria().get(Criterion.CROSS_CUTTING))
                .isLessThan(1.0);
    }

    @Test
    void narrowDisciplinesQuietWithExactlyTwo() {
        assertQuiet(eval(mission().disciplines("engineering", "sociology")), "CRIT_NARROW_DISCIPLINES");
    }

    // ------------------------------------------------------------ CRIT_NARROW_ACTORS (CROSS_CUTTING)

    @Test
    void narrowActorsFiresWithTwoActorTypes() {
        // uni (ACADEMIA) twice, firm and firm2 (both BUSINESS).
        Finding f = only(eval(mission().projects(p1().build(), p2().build(), p3().recipient("firm2").build(),
                p4().recipient("uni").build())), "CRIT_NARROW_ACTORS");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.criterion()).isEqualTo(Criterion.CROSS_CUTTING);
        assertThat(texts(f, "actorTypes")).containsExactlyInAnyOrder("ACADEMIA", "BUSINESS");
        assertThat(f.evidence()).containsEntry("count", 2).containsEntry("minimum", 3);
    }

    @Test
    void narrowActorsQuietWithExactlyThreeActorTypes() {
        assertQuiet(eval(mission().projects(p1().build(), p2().build(), p3().recipient("firm2").build(),
                p4().build())), "CRIT_NARROW_ACTORS");
    }

    @Test
    void narrowActorsNotAssessedWhileTheProjectsRecipientsAreNotRecorded() {
        // Projects listed without recipients: who takes part is not recorded, a gap in the evidence rather than a
        // mission of no actors, however many actors the portfolio declares.
        MissionReport silent = eval(mission().projects(p1().recipient(null).build(), p4().recipient(null).build()));

        assertQuiet(silent, "CRIT_NARROW_ACTORS");
        // one type recorded, one recipient not: two types at most, still fewer than three
        assertThat(eval(mission().projects(p1().recipient(null).build(), p4().build())).findings("CRIT_NARROW_ACTORS"))
                .singleElement().satisfies(f -> {
                    assertThat(f.evidence()).containsEntry("count", 1).containsEntry("recipientsOfUnknownType", 1);
                    assertThat(f.message()).contains("are of 1 type (CIVIL_SOCIETY), 1 recipient not recorded or without a "
                            + "recorded type counted as one more type each, fewer than 3");
                });
    }

    @Test
    void narrowActorsNotAssessedWhenUnrecordedRecipientsCouldReachTheMinimum() {
        // ACADEMIA and BUSINESS recorded; a third project's recipient not recorded might be the third type
        assertQuiet(eval(mission().projects(p1().build(), p2().build(), p3().recipient(null).build())),
                "CRIT_NARROW_ACTORS");
        // likewise a recipient on record whose type is not
        Actor untyped = new Actor("coop", "Energy Cooperative", null, "AT");
        assertQuiet(Fixture.evaluate(List.of(untyped), mission().projects(p1().build(), p2().build(),
                p3().recipient("coop").build())), "CRIT_NARROW_ACTORS");
    }

    @Test
    void narrowActorsFiresWhenTheMissionHasNoProjects() {
        Finding f = only(eval(mission().projects(List.of())), "CRIT_NARROW_ACTORS");

        assertThat(f.message()).isEqualTo("The mission has no projects, so no type of actor works in it, fewer than 3: "
                + "a mission needs business, research, public bodies and civil society working together.");
        assertThat(f.evidence()).containsEntry("count", 0).containsEntry("actorTypes", List.of());
    }

    // ------------------------------------------------------------ CRIT_SINGLE_SOLUTION (BOTTOM_UP)

    @Nested
    class SingleSolution {
        @Test
        void firesWithTwoSolutionPaths() {
            // solar 3M + 2M, electric vehicles 3M + 2M: no path holds more than 60 %.
            Finding f = only(eval(mission().projects(p1().build(), p2().build(), p3().solution("solar").build(),
                    p4().solution("electric vehicles").build())), "CRIT_SINGLE_SOLUTION");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.rule()).isEqualTo("Too few solution paths, or one that holds most of the money");
            assertThat(f.criterion()).isEqualTo(Criterion.BOTTOM_UP);
            assertThat(texts(f, "solutions")).containsExactly("electric vehicles", "solar");
            assertThat(f.evidence()).containsEntry("count", 2).containsEntry("minimum", 3)
                    .containsEntry("reasons", List.of("too few paths"));
            assertThat(f.message()).isEqualTo("The mission explores 2 solution paths, fewer than 3: missions should let "
                    + "many solutions compete instead of picking their answer.");
        }

        @Test
        void projectsWithoutSolutionDoNotCount() {
            Finding f = only(eval(mission().projects(p1().build(), p2().build(), p3().solution(null).build(),
                    p4().solution(null).build())), "CRIT_SINGLE_SOLUTION");

            assertThat(f.evidence()).containsEntry("count", 2);
        }

        @Test
        void quietWithExactlyThreePaths() {
            // solar 3M, electric vehicles 3M, heat pumps 2M + 2M: 40 % at most.
            assertQuiet(eval(mission().projects(p1().build(), p2().build(), p3().build(),
                    p4().solution("heat pumps").build())), "CRIT_SINGLE_SOLUTION");
        }

        @Test
        void firesWhenOnePathHoldsMoreThanSixtyPercent() {
            // solar 4M + 3M of 10M = 70 %; three paths.
            Finding f = only(eval(mission().projects(p1().publicFunding(4e6).build(),
                    p2().solution("solar").publicFunding(3e6).build(), p3().publicFunding(2e6).build(),
                    p4().publicFunding(1e6).build())), "CRIT_SINGLE_SOLUTION");

            assertThat(f.evidence()).containsEntry("largestPath", "solar").containsEntry("largestShare", 0.7)
                    .containsEntry("maximumShare", 0.6)
                    .containsEntry("reasons", List.of("one path holds most of the money"));
            assertThat(f.message()).isEqualTo("The solution path \"solar\" holds 70% of the public funding, more than "
                    + "60%: missions should let many solutions compete instead of picking their answer.");
        }

        @Test
        void quietWhenOnePathHoldsExactlySixtyPercent() {
            // solar 4M + 2M of 10M = 60 %: not more than the maximum.
            assertQuiet(eval(mission().projects(p1().publicFunding(4e6).build(),
                    p2().solution("solar").publicFunding(2e6).build(), p3().publicFunding(2e6).build(),
                    p4().publicFunding(2e6).build())), "CRIT_SINGLE_SOLUTION");
        }

        @Test
        void oneFindingWithBothReasonsForTwoPathsOneDominant() {
            MissionReport report = eval(mission().projects(p1().publicFunding(4e6).build(),
                    p2().solution("solar").publicFunding(3e6).build(), p3().publicFunding(3e6).build(),
                    p4().solution("heat pumps").publicFunding(0).build()));

            Finding f = only(report, "CRIT_SINGLE_SOLUTION");
            assertThat(f.evidence()).containsEntry("reasons", List.of("too few paths", "one path holds most of the money"));
            assertThat(f.message()).isEqualTo("The mission explores 2 solution paths, fewer than 3, and the path "
                    + "\"solar\" holds 70% of the public funding, more than 60%: missions should let many solutions "
                    + "compete instead of picking their answer.");
        }

        @Test
        void notAssessedWithoutProjects() {
            MissionReport report = eval(mission().projects((List<Project>) null));

            assertQuiet(report, "CRIT_SINGLE_SOLUTION");
            assertQuiet(report, "CRIT_NO_OPEN_CALL");
            assertThat(report.criteria()).doesNotContainKey(Criterion.BOTTOM_UP);
            assertThat(only(report, "DATA_NO_PROJECTS").evidence()).containsEntry("missing", List.of("projects"));
        }
    }

    // ------------------------------------------------------------ CRIT_NO_OPEN_CALL (BOTTOM_UP)

    @Test
    void noOpenCallFires() {
        Finding f = only(eval(mission().projects(p1().openCall(false).build(), p2().build(), p3().build(),
                p4().build())), "CRIT_NO_OPEN_CALL");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.criterion()).isEqualTo(Criterion.BOTTOM_UP);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsExactly(Map.entry("projects", 4));
        assertThat(f.message()).isEqualTo("None of the mission's 4 projects came from an open call: bottom-up "
                + "experimentation needs open calls.");
    }

    @Test
    void noOpenCallSpeaksOfOneProjectAsOne() {
        Finding f = only(eval(mission().projects(p1().openCall(false).build())), "CRIT_NO_OPEN_CALL");

        assertThat(f.message()).isEqualTo("The mission's one project did not come from an open call: bottom-up "
                + "experimentation needs open calls.");
    }

    @Test
    void noOpenCallNotAssessedWhileOpenCallsAreNotRecorded() {
        MissionReport report = eval(mission().projects(p1().openCall(false).build(), p2().openCall((Boolean) null).build()));

        assertQuiet(report, "CRIT_NO_OPEN_CALL");
        // BOTTOM_UP rests on its one assessed check, CRIT_SINGLE_SOLUTION (two paths: fails)
        assertThat(report.criteria()).containsEntry(Criterion.BOTTOM_UP, 0.0);
    }

    @Test
    void noOpenCallQuietWithOneOpenCall() {
        assertQuiet(eval(mission().projects(p1().openCall(false).build(), p2().build(), p3().build(),
                p4().openCall(true).build())), "CRIT_NO_OPEN_CALL");
    }

    // ------------------------------------------------------------ disabling

    @Test
    void disablingACodeTurnsOffEveryRuleWithIt() {
        MissionEngine without = Fixture.engineBuilder().disable("CRIT_SINGLE_SOLUTION").build();
        Mission.Builder twoPathsOneDominant = mission().projects(p1().publicFunding(4e6).build(),
                p2().solution("solar").publicFunding(3e6).build(), p3().publicFunding(3e6).build());

        MissionReport report = evaluate(without, twoPathsOneDominant);

        assertQuiet(report, "CRIT_SINGLE_SOLUTION");
        assertThat(without.catalog().rules()).noneMatch(r -> "CRIT_SINGLE_SOLUTION".equals(r.code()));
        // BOTTOM_UP is left with CRIT_NO_OPEN_CALL alone, which stays quiet.
        assertThat(report.criteria()).containsEntry(Criterion.BOTTOM_UP, 1.0);
        assertThat(eval(twoPathsOneDominant).findings("CRIT_SINGLE_SOLUTION")).hasSize(1);
    }

    @Test
    void disablingARuleByNameKeepsTheOtherRuleWithTheSameCode() {
        MissionEngine without = Fixture.engineBuilder().disable("Target has no metric").build();
        Target noMetric = new Target("t-vague", null, DatedValue.of(1, Fixture.BASELINE_DATE),
                DatedValue.of(2, Fixture.DEADLINE), List.of());
        Target noUnitTarget = new Target("t-unitless", Fixture.WELLBEING.id(), null, DatedValue.of(2, Fixture.DEADLINE),
                List.of());

        Finding f = only(evaluate(without, mission().targets(emissionsTarget(), noMetric, noUnitTarget)),
                "CRIT_NOT_MEASURABLE");

        assertThat(f.rule()).isEqualTo("Target lacks unit, baseline, numeric goal or goal date");
        assertThat(without.catalog().rules()).extracting(r -> r.name())
                .doesNotContain("Target has no metric").contains("Target lacks unit, baseline, numeric goal or goal date");
    }
}
