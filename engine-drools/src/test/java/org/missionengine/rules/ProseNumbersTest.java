package org.missionengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Numbers in messages: three significant digits of the value as its evidence shows it, thousands separated. */
class ProseNumbersTest {
    private final EvaluationContext ctx = new EvaluationContext(LocalDate.of(2026, 6, 30), Map.of(), Map.of());

    @Test
    void threeSignificantDigitsOfTheDecimalAReaderSees() {
        assertThat(ctx.number(0.29634)).isEqualTo("0.296");
        assertThat(ctx.number(12.46)).isEqualTo("12.5");
        // 0.1235 is stored as 0.12349999...; a reader who sees 0.1235 rounds it up, and so does the message
        assertThat(ctx.number(0.1235)).isEqualTo("0.124");
        assertThat(ctx.number(-7.816885148173433)).isEqualTo("-7.82");
    }

    @Test
    void wholeAndLargeNumbersGetThousandsSeparators() {
        assertThat(ctx.number(3_500_000)).isEqualTo("3,500,000");
        assertThat(ctx.number(1663076.8124999995)).isEqualTo("1,660,000");
    }

    @Test
    void aScoreBetweenTwoThresholdsIsShownPreciselyWhereTwoDecimalsWouldReadAsEither() {
        assertThat(ctx.between(0.7963, 0.6, 0.8)).isEqualTo("0.7963");
        assertThat(ctx.between(0.6032, 0.6, 0.8)).isEqualTo("0.6032");
        assertThat(ctx.between(0.7123, 0.6, 0.8)).isEqualTo("0.71");
    }

    @Test
    void partsOfAMissionsItemsReadAsEnglish() {
        assertThat(ctx.someOfTheMissions(1, 1, "project", "projects")).isEqualTo("the mission's only project");
        assertThat(ctx.someOfTheMissions(2, 2, "project", "projects")).isEqualTo("both of the mission's projects");
        assertThat(ctx.someOfTheMissions(3, 3, "project", "projects")).isEqualTo("all 3 of the mission's projects");
        assertThat(ctx.someOfTheMissions(1, 2, "project", "projects")).isEqualTo("1 of the mission's 2 projects");
        assertThat(ctx.someOfTheMissions(2, 5, "project with a business", "projects with a business"))
                .isEqualTo("2 of the mission's 5 projects with a business");
    }
}
