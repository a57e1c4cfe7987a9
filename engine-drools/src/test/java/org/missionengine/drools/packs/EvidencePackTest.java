package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.packs.Fixture.assertQuiet;
import static org.missionengine.drools.packs.Fixture.evaluate;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.only;
import static org.missionengine.drools.packs.Fixture.p1;
import static org.missionengine.drools.packs.Fixture.p2;
import static org.missionengine.drools.packs.Fixture.p3;
import static org.missionengine.drools.packs.Fixture.p4;
import static org.missionengine.drools.packs.Fixture.project;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Conditionality;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Project;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/** The evidence pack: what a record leaves out is a gap in the evidence (DATA_*), never a sign of washing. */
class EvidencePackTest {
    // ------------------------------------------------------------ DATA_NO_PROJECT_DATES

    @Nested
    class ProjectDates {
        @Test
        void namesTheProjectsWithPublicMoneyWhoseDatesAreMissing() {
            // listed p4 first: the evidence names them in order of id
            Finding f = only(evaluate(mission().projects(p4().start(null).build(), p1().build(), p2().end(null).build(),
                    p3().build())), "DATA_NO_PROJECT_DATES");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.category()).isEqualTo("DATA");
            assertThat(f.pack()).isEqualTo("evidence");
            assertThat(f.message()).isEqualTo("The dates of 2 of the mission's 4 projects with public money are not "
                    + "recorded: record each project's start and end.");
            assertThat(f.evidence()).containsExactly(Map.entry("projects", List.of("p2", "p4")),
                    Map.entry("withPublicMoney", 4), Map.entry("recorded", 0.5));
        }

        @Test
        void countsOnlyProjectsWithPublicMoney() {
            // p5 records no money (0) and p6 none at all (DATA_NO_FUNDING's): neither needs its dates here
            Finding f = only(evaluate(mission().projects(p1().end(null).build(),
                    project("p5").publicFunding(0).start(null).end(null).build(),
                    project("p6").publicFunding((Double) null).start(null).end(null).build())),
                    "DATA_NO_PROJECT_DATES");

            assertThat(f.message()).isEqualTo("The end dates of the mission's only project with public money are not "
                    + "recorded: record each project's start and end.");
            assertThat(f.evidence()).containsExactly(Map.entry("projects", List.of("p1")),
                    Map.entry("withPublicMoney", 1), Map.entry("recorded", 0.0));
        }

        @Test
        void namesTheStartDatesWhenOnlyThoseAreMissing() {
            Finding f = only(evaluate(mission().projects(p1().start(null).build(), p2().start(null).build(),
                    p3().build())), "DATA_NO_PROJECT_DATES");

            assertThat(f.message()).isEqualTo("The start dates of 2 of the mission's 3 projects with public money are "
                    + "not recorded: record each project's start and end.");
        }

        @Test
        void quietWhenEveryProjectWithPublicMoneyIsDated() {
            assertQuiet(evaluate(mission()), "DATA_NO_PROJECT_DATES");
            assertQuiet(evaluate(mission().projects(p1().build(), p2().build(), p3().build(), p4().build(),
                    project("p5").publicFunding(0).start(null).end(null).build())), "DATA_NO_PROJECT_DATES");
        }

        @Test
        void quietWithoutProjectsWithPublicMoney() {
            assertQuiet(evaluate(mission().projects(project("p5").publicFunding(0).start(null).end(null).build())),
                    "DATA_NO_PROJECT_DATES");
            assertQuiet(evaluate(mission().projects()), "DATA_NO_PROJECT_DATES");
        }

        @Test
        void weighsNothingInTheEvidenceByDefault() {
            MissionReport dated = evaluate(mission());
            MissionReport undated = evaluate(mission().projects(p1().end(null).build(), p2().start(null).build(),
                    p3().build(), p4().build()));

            assertThat(undated.findings("DATA_NO_PROJECT_DATES")).hasSize(1);
            assertThat(undated.evidence()).isEqualTo(dated.evidence()).isEqualTo(1.0);
            assertThat(undated.score()).isEqualTo(dated.score());
            assertThat(undated.rating()).isEqualTo(dated.rating());
        }

        @Test
        void followsItsWeightFromThePortfolioFile() {
            // the baseline's items weigh 4.5 (budget 1, governance 1, participation 0.5, projects 1, funding 0.5,
            // conditions 0.5), all recorded; the dates weigh 1 and 3 of their 4 projects record them
            MissionReport r = evaluate(Map.of("evidence.weight.DATA_NO_PROJECT_DATES", 1.0),
                    mission().projects(p1().build(), p2().end(null).build(), p3().build(), p4().build()));

            assertThat(r.evidence()).isCloseTo((4.5 + 0.75) / 5.5, within(1e-4));
        }
    }

    // ------------------------------------------------------------ DATA_NO_CONDITIONS

    @Nested
    class Conditions {
        /** The baseline (p2 and p3, to a business and an SME, record their conditions) and p5, a contract. */
        private Mission.Builder withContract(Project.Builder p5) {
            return mission().projects(p1().build(), p2().build(), p3().build(), p4().build(),
                    p5.instrument(Instrument.PROCUREMENT).publicFunding(1.5e6)
                            .conditionalities((List<Conditionality>) null).build());
        }

        private MissionReport contractTo(ActorType type) {
            Actor recipient = new Actor("contractor", "Contractor", type, "AT");
            return evaluate(List.of(recipient), withContract(project("p5").recipient(recipient.id())));
        }

        @Test
        void aContractWhoseRecipientIsNotRecordedIsBusinessFacing() {
            Finding f = only(evaluate(withContract(project("p5"))), "DATA_NO_CONDITIONS");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.message()).isEqualTo("The conditions attached to 1 of the mission's 3 projects with business "
                    + "(grants, loans, contracts) are not recorded: record each one's conditionalities ([] when it "
                    + "carries none).");
            assertThat(f.evidence()).containsExactly(Map.entry("projects", List.of("p5")),
                    Map.entry("businessFacing", 3), Map.entry("recorded", 0.6666666667)); // 2/3, as evidence rounds it
        }

        @ParameterizedTest
        @EnumSource(value = ActorType.class, names = {"BUSINESS", "SME", "CONSULTANCY"})
        void aContractWithAFirmIsBusinessFacing(ActorType type) {
            assertThat(only(contractTo(type), "DATA_NO_CONDITIONS").evidence())
                    .containsEntry("projects", List.of("p5")).containsEntry("businessFacing", 3);
        }

        @Test
        void aContractWithAnActorOfUnrecordedTypeIsBusinessFacing() {
            assertThat(only(contractTo(null), "DATA_NO_CONDITIONS").evidence())
                    .containsEntry("projects", List.of("p5")).containsEntry("businessFacing", 3);
        }

        @ParameterizedTest
        @EnumSource(value = ActorType.class, names = {"GOVERNMENT", "PUBLIC_AGENCY", "PUBLIC_BANK", "ACADEMIA",
                "RESEARCH", "CIVIL_SOCIETY", "CITIZENS"})
        void aContractWithAPublicOrNonProfitBodyIsNot(ActorType type) {
            assertQuiet(contractTo(type), "DATA_NO_CONDITIONS");
        }

        @Test
        void aContractWithAPublicBodyDoesNotCountAmongTheBusinessFacing() {
            // p3's conditions are left out too: 1 of the 2 business-facing projects (p2, p3), not of 3
            Actor ministry = new Actor("ministry", "Ministry of Works", ActorType.GOVERNMENT, "AT");
            MissionReport r = evaluate(List.of(ministry), mission().projects(p1().build(), p2().build(),
                    p3().conditionalities((List<Conditionality>) null).build(), p4().build(),
                    project("p5").recipient(ministry.id()).instrument(Instrument.PROCUREMENT).publicFunding(1.5e6)
                            .conditionalities((List<Conditionality>) null).build()));

            assertThat(only(r, "DATA_NO_CONDITIONS").evidence()).containsExactly(
                    Map.entry("projects", List.of("p3")), Map.entry("businessFacing", 2), Map.entry("recorded", 0.5));
        }

        @Test
        void aLoanToABusinessIsBusinessFacing() {
            Finding f = only(evaluate(mission().projects(p1().build(),
                    p2().conditionalities((List<Conditionality>) null).build(), p3().build(), p4().build())),
                    "DATA_NO_CONDITIONS");

            assertThat(f.evidence()).containsEntry("projects", List.of("p2")).containsEntry("businessFacing", 2);
        }

        @Test
        void otherMoneyToANonBusinessIsNot() {
            // a grant to the university and a prize to the NGO, their conditions not recorded; a grant to a consultancy
            assertQuiet(evaluate(mission().projects(p1().conditionalities((List<Conditionality>) null).build(),
                    p2().build(), p3().build(), p4().conditionalities((List<Conditionality>) null).build(),
                    project("p5").recipient("consult").publicFunding(1e6)
                            .conditionalities((List<Conditionality>) null).build())), "DATA_NO_CONDITIONS");
        }

        @Test
        void quietWhenEveryBusinessFacingProjectRecordsItsConditions() {
            assertQuiet(evaluate(mission().projects(p1().build(), p2().build(), p3().build(), p4().build(),
                    project("p5").instrument(Instrument.PROCUREMENT).publicFunding(1.5e6).conditionalities().build())),
                    "DATA_NO_CONDITIONS");
        }
    }
}
