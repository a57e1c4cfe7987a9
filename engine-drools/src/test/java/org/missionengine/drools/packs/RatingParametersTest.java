package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.missionengine.drools.packs.Fixture.AS_OF;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.portfolio;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.UserErrorException;
import org.missionengine.model.Portfolio;

/**
 * Values of the rating pack's parameters that contradict each other, or that are no weight, are refused once all of
 * them are known, naming each value and where it came from: at build when the options alone set them, else at
 * evaluation (a portfolio may set the other).
 */
class RatingParametersTest {
    private static final MissionEngine ENGINE = MissionEngine.builder().build();

    private static Portfolio withParameters(Map<String, Object> parameters) {
        return portfolio(parameters, mission().build());
    }

    @Test
    void aStrongThresholdUnderThePromisingOneIsRefusedAtThePortfoliosValue() {
        InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class,
                () -> ENGINE.evaluate(withParameters(Map.of("rating.strong", 0.5)), AS_OF));

        assertThat(e).isNotNull();
        assertThat(e.inFile("missions.json").getMessage()).isEqualTo("missions.json: parameters.rating.strong: "
                + "rating.strong (0.5, set in the portfolio's parameters) must be at least rating.promising (0.6, the "
                + "default of pack rating): a score between them would be rated both STRONG and WEAK. Raise "
                + "rating.strong to 0.6 or more, or lower rating.promising to 0.5 or less.");
    }

    @Test
    void twoOptionsThatContradictEachOtherAreRefusedWhenTheEngineIsBuilt() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> MissionEngine.builder()
                .parameter("rating.strong", "0.5").parameter("rating.promising", "0.7").build());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("--param rating.strong: rating.strong (0.5, set with --param) must be at "
                + "least rating.promising (0.7, set with --param): a score between them would be rated both STRONG and "
                + "WEAK. Raise rating.strong to 0.7 or more, or lower rating.promising to 0.5 or less.");
    }

    @Test
    void anOptionAgainstADefaultWaitsForThePortfolioWhichMaySetTheOther() {
        MissionEngine engine = MissionEngine.builder().parameter("rating.strong", "0.5").build();

        assertThat(engine.evaluate(withParameters(Map.of("rating.promising", 0.4)), AS_OF).missions()).hasSize(1);
        UserErrorException e = catchThrowableOfType(InvalidRulesException.class,
                () -> engine.evaluate(withParameters(Map.of()), AS_OF));
        assertThat(e).isNotNull();
        // an option is in no file: the portfolio's name is not put before it
        assertThat(e.inFile("missions.json").getMessage()).startsWith("--param rating.strong: rating.strong (0.5, set "
                + "with --param) must be at least rating.promising (0.6, the default of pack rating)");
        assertThat(catchThrowableOfType(InvalidRulesException.class, () -> engine.monitor(withParameters(Map.of()),
                AS_OF))).hasMessage(e.getMessage());
    }

    @Test
    void aPortfolioValueAgainstAnOptionIsLocatedInThePortfolio() {
        MissionEngine engine = MissionEngine.builder().parameter("rating.promising", "0.7").build();

        InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class,
                () -> engine.evaluate(withParameters(Map.of("rating.strong", 0.65)), AS_OF));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("parameters.rating.strong: rating.strong (0.65, set in the portfolio's "
                + "parameters) must be at least rating.promising (0.7, set with --param)");
    }

    @Test
    void weightsOutsideZeroToOneAreRefused() {
        InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class,
                () -> ENGINE.evaluate(withParameters(Map.of("rating.deliveryWeight", 1.5,
                        "washing.weight.MW_SILOED", -0.5, "washing.weight.AGY_PRESS_RELEASE", 35)), AS_OF));

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(p -> p.describe()).containsExactlyInAnyOrder(
                "parameters.rating.deliveryWeight: parameter \"rating.deliveryWeight\" must be from 0 to 1, got 1.5. "
                        + "Write a number from 0 to 1 (a share, not a percentage); the default of pack rating is 0.5.",
                "parameters.washing.weight.MW_SILOED: parameter \"washing.weight.MW_SILOED\" must be from 0 to 1, got "
                        + "-0.5. Write a number from 0 to 1 (a share, not a percentage); the default of pack rating is "
                        + "0.15.");
        // a weight of an agency's own code is declared by no pack: the rating pack's own check refuses it
        e = catchThrowableOfType(InvalidPortfolioException.class,
                () -> ENGINE.evaluate(withParameters(Map.of("washing.weight.AGY_PRESS_RELEASE", 35)), AS_OF));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(p -> p.describe()).containsExactly(
                "parameters.washing.weight.AGY_PRESS_RELEASE: washing.weight.AGY_PRESS_RELEASE (35, set in the "
                        + "portfolio's parameters) must be from 0 to 1: it is a weight. Write a share such as 0.2 (not a "
                        + "percentage).");
        assertThat(ENGINE.evaluate(withParameters(Map.of("rating.deliveryWeight", 0, "washing.weight.MW_SILOED", 1)),
                AS_OF).missions()).hasSize(1);
    }

    @Test
    void withoutTheRatingPackItsParametersAreNotChecked() {
        MissionEngine engine = MissionEngine.builder().disable("rating").parameter("rating.strong", "0.5")
                .parameter("rating.promising", "0.7").build();

        assertThat(engine.evaluate(withParameters(Map.of("rating.deliveryWeight", 2)), AS_OF).missions()).hasSize(1);
    }
}
