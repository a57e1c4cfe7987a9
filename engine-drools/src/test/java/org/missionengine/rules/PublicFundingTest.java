package org.missionengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.missionengine.model.Mission;
import org.missionengine.model.Project;

/** The public-funding summary MW_CAPTURED and MW_REBRANDED judge shares of. */
class PublicFundingTest {

    @Test
    void sumsTheRecordedAmountsAndEachRecipientsHoldingInOrderOfFirstAppearance() {
        Mission mission = Mission.builder("m").projects(
                Project.builder("p1").recipient("b").publicFunding(300.0).build(),
                Project.builder("p2").recipient("a").publicFunding(100.0).build(),
                Project.builder("p3").recipient("b").publicFunding(500.0).build(),
                Project.builder("p4").publicFunding(100.0).build()).build();

        PublicFunding funding = PublicFunding.of(mission);

        assertThat(funding.total()).isEqualTo(1000.0);
        assertThat(funding.complete()).isTrue();
        assertThat(funding.byRecipient()).containsExactly(new PublicFunding.Holding("b", 800.0, 0.8),
                new PublicFunding.Holding("a", 100.0, 0.1));
    }

    @Test
    void aProjectWithoutARecordedAmountMakesItIncomplete() {
        Mission mission = Mission.builder("m").projects(
                Project.builder("p1").recipient("a").publicFunding(300.0).build(),
                Project.builder("p2").recipient("b").build()).build();

        PublicFunding funding = PublicFunding.of(mission);

        assertThat(funding.complete()).isFalse();
        assertThat(funding.total()).isEqualTo(300.0);
        assertThat(funding.byRecipient()).containsExactly(new PublicFunding.Holding("a", 300.0, 1.0));
    }

    @Test
    void noProjectsMeansNothingToShare() {
        PublicFunding funding = PublicFunding.of(Mission.builder("m").build());

        assertThat(funding.total()).isZero();
        assertThat(funding.byRecipient()).isEmpty();
    }
}
