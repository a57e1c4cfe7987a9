package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.missionengine.drools.packs.Fixture.AS_OF;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.portfolio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.catalog.ParameterInfo;

/**
 * A pack may declare the range of a parameter ({@code "min"}, {@code "max"} in pack.json): a value outside it, from the
 * portfolio or an option, is refused where it was set instead of quietly turning a rule off or on (a negative
 * {@code trajectory.minTrendYears} would judge every trend; a closure of 1.5 would call nothing AT_RISK).
 */
class ParameterRangesTest {
    private static final MissionEngine ENGINE = MissionEngine.builder().build();

    @Test
    void aPortfolioValueOutsideTheDeclaredRangeIsRefusedAtItsPath() {
        InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class, () -> ENGINE.evaluate(
                portfolio(Map.of("trajectory.minTrendYears", -1), mission().build()), AS_OF));

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::describe).containsExactly("parameters.trajectory.minTrendYears: "
                + "parameter \"trajectory.minTrendYears\" must be at least 0, got -1. Write a number that is at least 0; "
                + "the default of pack trajectory is 1.");
    }

    @Test
    void anOptionOutsideTheDeclaredRangeIsRefusedWhenTheEngineIsBuilt() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().parameter("trajectory.atRiskClosure", "1.5").build());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("--param trajectory.atRiskClosure: parameter \"trajectory.atRiskClosure\" "
                + "must be from 0 to 1, got 1.5. Write a number from 0 to 1 (a share, not a percentage); the default "
                + "of pack trajectory is 0.7.");
    }

    @Test
    void valuesOnTheBoundsAreAccepted() {
        MissionEngine engine = MissionEngine.builder().parameter("trajectory.atRiskClosure", "1").build();

        assertThat(engine.evaluate(portfolio(Map.of("trajectory.minTrendYears", 0, "washing.maxRecipientShare", 1.0),
                mission().build()), AS_OF).missions()).hasSize(1);
    }

    @Test
    void theCatalogShowsTheRange() {
        ParameterInfo closure = ENGINE.catalog().packs().stream().flatMap(p -> p.parameters().stream())
                .filter(p -> p.name().equals("trajectory.atRiskClosure")).findFirst().orElseThrow();

        assertThat(closure.min()).isEqualTo(0.0);
        assertThat(closure.max()).isEqualTo(1.0);
    }

    @Test
    void aPackWhoseRulesAreAllDisabledNoLongerBoundsItsParameters() {
        // an agency that replaces the trajectory pack may read its parameters with a meaning of its own
        MissionEngine engine = MissionEngine.builder().disable("trajectory").build();

        assertThat(engine.evaluate(portfolio(Map.of("trajectory.atRiskClosure", 2), mission().build()), AS_OF)
                .missions()).hasSize(1);
    }

    @Test
    void aDeclaredRangeMustHoldItsDefault(@TempDir Path dir) throws IOException {
        assertThat(refusalOf(dir, """
                {"id": "agency", "parameters": {
                  "agency.maxShare": {"default": 1.5, "min": 0, "max": 1, "description": "Largest share."}}}
                """)).isEqualTo(dir.resolve("agency").resolve("pack.json") + ": parameters.agency.maxShare.default: "
                + "the default 1.5 is outside the declared range (from 0 to 1). Choose a default from 0 to 1.");
    }

    @Test
    void aMinimumAboveTheMaximumIsRefused(@TempDir Path dir) throws IOException {
        assertThat(refusalOf(dir, """
                {"id": "agency", "parameters": {
                  "agency.maxShare": {"default": 0.5, "min": 1, "max": 0, "description": "Largest share."}}}
                """)).isEqualTo(dir.resolve("agency").resolve("pack.json") + ": parameters.agency.maxShare.min: "
                + "min 1.0 is above max 0.0. Swap them, or correct the one that is wrong.");
    }

    @Test
    void aBoundThatIsNotANumberIsRefusedInTheFilesTerms(@TempDir Path dir) throws IOException {
        assertThat(refusalOf(dir, """
                {"id": "agency", "parameters": {
                  "agency.maxShare": {"default": 0.5, "min": "zero", "description": "Largest share."}}}
                """)).isEqualTo(dir.resolve("agency").resolve("pack.json") + ": parameters.agency.maxShare.min: "
                + "must be a number, got \"zero\". Write a plain number without quotes, e.g. \"min\": 0.");
    }

    @Test
    void anAgencyRangeIsEnforcedLikeABuiltInOne(@TempDir Path dir) throws IOException {
        Path pack = pack(dir, """
                {"id": "agency", "parameters": {
                  "agency.maxShare": {"default": 0.5, "min": 0, "max": 1, "description": "Largest share."}}}
                """);
        MissionEngine engine = MissionEngine.builder().rules(pack).build();

        InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class, () -> engine.evaluate(
                portfolio(Map.of("agency.maxShare", 50), mission().build()), AS_OF));

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::describe).containsExactly("parameters.agency.maxShare: parameter "
                + "\"agency.maxShare\" must be from 0 to 1, got 50. Write a number from 0 to 1 (a share, not a "
                + "percentage); the default of pack agency is 0.5.");
    }

    /** The one problem an engine with a pack of this manifest is refused for. */
    private static String refusalOf(Path dir, String manifest) throws IOException {
        Path pack = pack(dir, manifest);
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rules(pack).build());
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0).describe();
    }

    private static Path pack(Path dir, String manifest) throws IOException {
        Path pack = dir.resolve("agency");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("pack.json"), manifest);
        Files.writeString(pack.resolve("agency.drl"), """
                package agency.shares;

                import org.missionengine.model.*;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Largest share"
                    @code("AGY_SHARE") @severity("INFO") @category("AGENCY")
                when
                    $m : Mission( ctx.param("agency.maxShare") < 0 )
                then
                    ctx.report(drools, $m.id(), "never: a share is never negative");
                end
                """);
        return pack;
    }
}
