package org.missionengine.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.missionengine.test.MissionAssertions.within;
import static org.missionengine.test.TestPortfolios.project;
import static org.missionengine.test.TestPortfolios.strongMission;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import org.missionengine.model.ActorType;
import org.missionengine.report.Criterion;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Rating;
import org.missionengine.report.Severity;
import org.missionengine.report.TargetStatus;

class MissionAssertionsTest {
    static final PolicyVerifier verifier = BuiltIn.VERIFIER;

    /** 62 of 100 million to a programme that predates the mission, no new money, no participation. */
    static final EvaluationReport WASHED = verifier.given(TestPortfolios.mission("m1")
            .launched("2024-01-01")
            .budget(100e6, 0)
            .target("jobs", 10, 20)
            .withProject(project("old").grant(62e6).recipient("acme", ActorType.BUSINESS).preexisting())
            .withProject(project("new").grant(38e6).recipient("uni", ActorType.ACADEMIA).openCall()))
            .evaluate();

    static final EvaluationReport STRONG = verifier.given(strongMission("m1")).evaluate();

    @Test
    void aPassingChainReadsLikeThePolicy() {
        MissionAssertions.assertThat(WASHED).mission("m1")
                .hasFinding("MW_REBRANDED").withEvidence("share", 0.62).withSubject("m1")
                .withSeverity(Severity.CRITICAL).withMessageContaining("62%")
                .hasFinding("MW_NO_NEW_MONEY")
                .doesNotHaveFinding("CRIT_NO_OPEN_CALL")
                .hasRating(Rating.MISSION_WASHING);
        MissionAssertions.assertThat(STRONG).mission("m1")
                .hasRating(Rating.STRONG)
                .hasCriterion(Criterion.BOLD, 1.0, within(1e-6))
                .hasCriterion(Criterion.MEASURABLE, 1.0)
                .hasWashingRisk(0)
                .hasFinding("TRJ_ON_TRACK").withEvidence("gapClosure", 0.28).withEvidence("projectedClosure", 1.12, within(0.01))
                .target("m1-emissions").hasStatus(TargetStatus.ON_TRACK).hasGapClosure(0.28, within(1e-9))
                .doesNotHaveFindings("MW_REBRANDED", "MW_NO_NEW_MONEY")
                .hasOnlyFindings("TRJ_ON_TRACK")
                .report().hasNoPortfolioFindings().doesNotHavePortfolioFinding("PORT_TOO_MANY_MISSIONS");
    }

    @Test
    void aMissingFindingListsTheCodesFound() {
        assertThatThrownBy(() -> MissionAssertions.assertThat(STRONG).mission("m1").hasFinding("MW_REBRANDED"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("mission \"m1\": expected finding MW_REBRANDED, found [TRJ_ON_TRACK]")
                .satisfies(e -> {
                    AssertionFailedError failure = (AssertionFailedError) e;
                    assertThat(failure.getExpected().getValue()).isEqualTo("MW_REBRANDED");
                    assertThat(failure.getActual().getValue()).isEqualTo("TRJ_ON_TRACK");
                });
    }

    @Test
    void wrongEvidenceShowsTheEvidenceFound() {
        assertThatThrownBy(() -> MissionAssertions.assertThat(WASHED).mission("m1")
                .hasFinding("MW_REBRANDED").withEvidence("share", 0.5))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("mission \"m1\": expected finding MW_REBRANDED with share = 0.5, found share = 0.62 "
                        + "(evidence {share=0.62, ")
                .hasMessageContaining("projects=[old]");
        assertThatThrownBy(() -> MissionAssertions.assertThat(WASHED).mission("m1")
                .hasFinding("MW_REBRANDED").withEvidence("sahre", 0.62))
                .hasMessageContaining("found no evidence \"sahre\" (evidence {share=0.62");
    }

    @Test
    void anUnwantedFindingShowsItsMessageAndEvidence() {
        assertThatThrownBy(() -> MissionAssertions.assertThat(WASHED).mission("m1").doesNotHaveFinding("MW_NO_NEW_MONEY"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("mission \"m1\": expected no finding MW_NO_NEW_MONEY, found it on m1: \"The mission's "
                        + "budget records no new money")
                .hasMessageContaining("{newMoney=0, total=100000000}");
    }

    @Test
    void ratingsTargetsAndCriteriaSayWhatTheyFound() {
        assertThatThrownBy(() -> MissionAssertions.assertThat(STRONG).mission("m1").hasRating(Rating.WEAK))
                .hasMessageStartingWith("mission \"m1\": expected rating WEAK, found STRONG (score 1, washing risk 0, criteria {BOLD 1,");
        assertThatThrownBy(() -> MissionAssertions.assertThat(STRONG).mission("m1").target("m1-emissions")
                .hasStatus(TargetStatus.AT_RISK))
                .hasMessage("mission \"m1\": expected target m1-emissions AT_RISK, found ON_TRACK (gap closure 0.28, "
                        + "projected closure 1.121)");
        assertThatThrownBy(() -> MissionAssertions.assertThat(STRONG).mission("m1").hasCriterion(Criterion.BOLD, 0.8, within(0.1)))
                .hasMessage("mission \"m1\": expected criterion BOLD 0.8 ±0.1, found 1");
        assertThatThrownBy(() -> MissionAssertions.assertThat(STRONG).mission("m1").target("t9"))
                .hasMessage("mission \"m1\": expected target \"t9\", found no such target (targets: [m1-emissions])");
        assertThatThrownBy(() -> MissionAssertions.assertThat(STRONG).mission("m2"))
                .hasMessage("expected mission \"m2\", found no such mission (missions: [m1]); did you mean \"m1\"?");
    }

    @Test
    void withTheCatalogATypoFailsInsteadOfPassingSilently() {
        // without the catalog a typo in doesNotHaveFinding cannot be told from a code that did not fire
        MissionAssertions.assertThat(STRONG).mission("m1").doesNotHaveFinding("MW_REBRANDD");
        assertThatThrownBy(() -> MissionAssertions.assertThat(STRONG, verifier.catalog()).mission("m1")
                .doesNotHaveFinding("MW_REBRANDD"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("mission \"m1\": no rule emits code \"MW_REBRANDD\" (did you mean \"MW_REBRANDED\"?)");
        assertThatThrownBy(() -> verifier.verifyThat("NO_SUCH_THING"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("no rule emits code \"NO_SUCH_THING\"; known codes: CRIT_")
                .hasMessageContaining("MW_REBRANDED");
    }

    @Test
    void portfolioFindingsHaveTheirOwnAssertions() {
        TestMission[] missions = new TestMission[8];
        for (int i = 0; i < missions.length; i++) {
            missions[i] = strongMission("m" + i).owner("Ministry of Everything");
        }
        verifier.verifyThat("PORT_TOO_MANY_MISSIONS").given(missions)
                .firesForPortfolio().withSubject("Ministry of Everything").withEvidence("missions", 8);
        assertThatThrownBy(() -> verifier.given(missions).then().doesNotHavePortfolioFinding("PORT_TOO_MANY_MISSIONS"))
                .hasMessageStartingWith("portfolio: expected no finding PORT_TOO_MANY_MISSIONS, found it on Ministry of "
                        + "Everything");
        verifier.verifyThat("PORT_TOO_MANY_MISSIONS").given(strongMission("m1")).doesNotFire();
    }

    @Test
    void theVerifierRecordsCoverage() {
        verifier.verifyThat("MW_NO_NEW_MONEY").given(strongMission("m1").budget(10e6, 0)).firesFor("m1")
                .withEvidence("newMoney", 0).times(1);
        RuleCoverage coverage = verifier.coverage();
        assertThat(coverage.rules()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("MW_NO_NEW_MONEY");
            assertThat(r.fired()).isTrue();
        });
        assertThat(coverage.ratio()).isBetween(0.0, 1.0);
    }
}
