package org.missionengine.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.missionengine.test.TestPortfolios.project;
import static org.missionengine.test.TestPortfolios.strongMission;

import org.junit.jupiter.api.Test;

import org.missionengine.model.ActorType;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Rating;
import org.missionengine.report.Severity;
import org.missionengine.report.TargetStatus;

class TestPortfoliosTest {
    static final PolicyVerifier verifier = BuiltIn.VERIFIER;

    @Test
    void aStrongMissionPassesEveryBuiltInCheck() {
        EvaluationReport report = verifier.given(strongMission("m1")).evaluate();
        assertThat(report.mission("m1").findings()).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(report.findings()).isEmpty();
        MissionAssertions.assertThat(report).mission("m1").hasRating(Rating.STRONG)
                .target("m1-emissions").hasStatus(TargetStatus.ON_TRACK);
    }

    @Test
    void aBareMissionHasOnlyWhatTheTestNames() {
        Portfolio portfolio = TestPortfolios.mission("m1")
                .withProject(project("p1").loan(5e6).recipient("acme", ActorType.SME))
                .target("jobs", 10, 20)
                .build();
        assertThat(portfolio.missions()).hasSize(1);
        assertThat(portfolio.actor("acme")).get().extracting(a -> a.type()).isEqualTo(ActorType.SME);
        assertThat(portfolio.metric("jobs")).isPresent();
        assertThat(portfolio.asOf()).isEqualTo(TestPortfolios.AS_OF);
        assertThat(portfolio.missions().get(0).statement()).isNull();
    }

    @Test
    void oneChangeToAStrongMissionShowsInItsFindings() {
        verifier.verifyThat("MW_REBRANDED")
                .given(strongMission("m1").changeProject("m1-p1", p -> p.grant(40e6).preexisting()))
                .firesFor("m1").withEvidence("share", 40e6 / 60e6);
        verifier.verifyThat("MW_NO_PARTICIPATION")
                .given(strongMission("m1").participation())
                .firesFor("m1");
    }

    @Test
    void disciplinesLeftOutAreAGapNotNone() {
        verifier.verifyThat("DATA_NO_DISCIPLINES")
                .given(strongMission("m1").disciplinesNotRecorded())
                .firesFor("m1").withEvidence("recorded", 0.0);
        verifier.verifyThat("CRIT_NARROW_DISCIPLINES")
                .given(strongMission("m1").disciplinesNotRecorded())
                .doesNotFireFor("m1");
        verifier.verifyThat("CRIT_NARROW_DISCIPLINES")
                .given(strongMission("m1").disciplines())
                .firesFor("m1").withEvidence("count", 0);
    }

    @Test
    void targetsLeftOutAreAGapNotNone() {
        assertThat(strongMission("m1").targetsNotRecorded().mission().targetsRecorded()).isFalse();
        assertThat(strongMission("m1").noTargets().mission().targetsRecorded()).isTrue();
        verifier.verifyThat("DATA_NO_TARGETS")
                .given(strongMission("m1").targetsNotRecorded())
                .firesFor("m1").withEvidence("recorded", 0.0);
        verifier.verifyThat("MW_NO_MEASURABLE_TARGET")
                .given(strongMission("m1").targetsNotRecorded())
                .doesNotFireFor("m1");
        verifier.verifyThat("MW_NO_MEASURABLE_TARGET")
                .given(strongMission("m1").noTargets())
                .firesFor("m1").withEvidence("targets", 0);
        verifier.verifyThat("DATA_NO_TARGETS")
                .given(strongMission("m1").targetsNotRecorded().target("jobs", 10, 20))
                .doesNotFireFor("m1");
    }

    @Test
    void severalMissionsShareOnePortfolio() {
        Portfolio portfolio = TestPortfolios.portfolio(strongMission("a"), strongMission("b").owner("Other"));
        assertThat(portfolio.missions()).extracting(m -> m.id()).containsExactly("a", "b");
        assertThat(portfolio.actors()).hasSize(3);
    }
}
