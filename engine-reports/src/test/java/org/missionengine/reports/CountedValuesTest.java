package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Observation;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/**
 * A metric that counts whole things shows what the engine computed from it in whole units: Sweden's road deaths
 * (src/test/resources/portfolios/se-vision-zero.json) were projected at "218.89 deaths".
 */
class CountedValuesTest {
    private static final ReportSource SOURCE = Evaluated.file("src/test/resources/portfolios/se-vision-zero.json");

    @Test
    void aProjectionOfACountIsInWholeUnitsInEveryFormat() {
        assertThat(ReportWriters.forFormat("text").render(SOURCE)).contains("""
                  se-2030 (metric se-road-deaths): OFF_TRACK
                    baseline 266 deaths (2019-12-31); goal 133 deaths (2030-12-31); latest
                    205 deaths (2024-12-31); projected 219 deaths at the goal date
                """);
        assertThat(ReportWriters.forFormat("markdown").render(SOURCE)).contains("| `se-2030` (metric `se-road-deaths`, "
                + "in deaths) | OFF_TRACK | 266 (2019-12-31) | 133 (2030-12-31) | 205 (2024-12-31) | 46% | +0.34 | 219 | 35% "
                + "| -13.08 | -40.01 | 0 |");
        assertThat(ReportWriters.forFormat("html").render(SOURCE))
                .contains("<dt>Projected at goal date</dt><dd>219 deaths</dd>");
    }

    @Test
    void aMetricWithFractionsKeepsThem() {
        TargetAssessment people = target(22.4, List.of(20.1, 17.8));
        TargetAssessment count = target(440, List.of(300.0, 205.0));

        assertThat(ReportCells.level(people, 14.372)).isEqualTo("14.37");
        assertThat(ReportCells.level(count, 14.372)).isEqualTo("14");
        assertThat(ReportCells.level(count, 1_234.57)).isEqualTo("1,235");
        assertThat(ReportCells.level(count, 0.5)).isEqualTo("1");
    }

    private static TargetAssessment target(double baseline, List<Double> observed) {
        List<Observation> observations = observed.stream()
                .map(v -> new Observation("m", null, LocalDate.of(2020, 1, 1).plusYears(observed.indexOf(v)), v, "s"))
                .toList();
        return new TargetAssessment("t", "m", "million", TargetStatus.AT_RISK,
                DatedValue.of(baseline, LocalDate.of(2019, 12, 31)), DatedValue.of(10, LocalDate.of(2030, 12, 31)),
                null, -1.0, 14.372, null, null, null, null, null, null, observations);
    }
}
