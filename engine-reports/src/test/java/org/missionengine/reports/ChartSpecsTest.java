package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Observation;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;
import org.missionengine.report.ValueAssessment;

class ChartSpecsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Test
    void withoutALaunchDateTheTrendStartsAtTheEarliestPointAndThereIsNoBusinessAsUsual() throws Exception {
        TargetAssessment t = target("t\u2028</script>", List.of(observed(2022, 90), observed(2024, 70)));
        ChartSpecs charts = new ChartSpecs();

        assertThat(charts.target("c", t, false, null, AS_OF)).isTrue();

        String json = charts.toJson();
        assertThat(json).doesNotContain("<", ">", "\u2028").contains("\\u003c/script\\u003e", "\\u2028");
        JsonNode c = JSON.readTree(json).path("c");
        assertThat(c.path("unit").asText()).isEqualTo("t\u2028</script>");
        assertThat(c.path("before")).isEmpty();
        assertThat(c.path("since")).hasSize(2);
        // earliest point: the baseline, 2020-12-31; ends at the projection (40) at the goal date
        assertThat(c.path("trend").get(0).get(0).asText()).isEqualTo("2020-12-31");
        assertThat(c.path("trend").get(1).get(0).asText()).isEqualTo("2030-12-31");
        assertThat(c.path("trend").get(1).get(1).asDouble()).isEqualTo(40.0);
        assertThat(c.path("trend").get(0).get(1).asDouble()).isCloseTo(40.0 + 10 * yearsToGoal(2020), within(1e-9));
        assertThat(c.path("bau").isNull()).isTrue();
    }

    @Test
    void theTrendStartsWhereTheEnginesDoesAtTheBaselineWhenItIsAfterTheLaunch() throws Exception {
        // a target set in 2020 (baseline 2020-12-31) of a mission launched in 2015: the engine's trend runs from 2020
        TargetAssessment t = target("Mt", List.of(observed(2017, 110), observed(2024, 70)));
        ChartSpecs charts = new ChartSpecs();
        charts.target("late", t, false, LocalDate.of(2015, 1, 1), AS_OF);
        charts.target("early", t, false, LocalDate.of(2021, 6, 1), AS_OF);

        JsonNode json = JSON.readTree(charts.toJson());
        assertThat(json.path("late").path("trend").get(0).get(0).asText()).isEqualTo("2020-12-31");
        assertThat(json.path("late").path("trend").get(0).get(1).asDouble())
                .isCloseTo(40.0 + 10 * yearsToGoal(2020), within(1e-9));
        // launched after the baseline: from the launch
        assertThat(json.path("early").path("trend").get(0).get(0).asText()).isEqualTo("2021-06-01");
    }

    @Test
    void aTargetWithNothingToDrawGetsNoChart() {
        TargetAssessment empty = new TargetAssessment("t", "m", "u", TargetStatus.NO_DATA, null,
                new DatedValue(null, null), null, null, null, null, null, null, null, null, null, List.of());
        ChartSpecs charts = new ChartSpecs();

        assertThat(charts.target("c", empty, false, LocalDate.of(2020, 1, 1), AS_OF)).isFalse();
        assertThat(charts.toJson()).isEqualTo("{}");
    }

    @Test
    void theValueChartShowsTheLargestProjectsWhenThereAreMany() throws Exception {
        List<ProjectValue> projects = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            projects.add(new ProjectValue("p" + i, "s", 100 + i, 50, -50 - i, 0.5, 120, 1.2, null));
        }
        projects.add(new ProjectValue("no-costs", "s", 0, 10, 10, null, 10, null, null));
        ValueAssessment v = new ValueAssessment("EUR", 0.035, 1000, 500, -500, 0.5, 500, 100, 600, 0.6, 0.1, null, projects);
        ChartSpecs charts = new ChartSpecs();

        assertThat(charts.value("v", v)).isEqualTo(ChartSpecs.MAX_PROJECTS);

        JsonNode c = JSON.readTree(charts.toJson()).path("v");
        assertThat(c.path("projects")).hasSize(25);
        assertThat(c.path("projects").get(0).asText()).isEqualTo("p29");
        assertThat(c.path("projects").get(24).asText()).isEqualTo("p5");
        assertThat(c.path("plain").get(0).asDouble()).isEqualTo(0.5);
        assertThat(c.path("dynamic").get(0).asDouble()).isEqualTo(1.2);
    }

    private static Observation observed(int year, double value) {
        return new Observation("m", null, LocalDate.of(year, 12, 31), value, "s");
    }

    /** The years from the end of {@code year} to the goal date, 2030-12-31, as the engine counts them. */
    private static double yearsToGoal(int year) {
        return (LocalDate.of(2030, 12, 31).toEpochDay() - LocalDate.of(year, 12, 31).toEpochDay()) / 365.25;
    }

    /** Decreasing from 100 (2020-12-31) to a goal of 20 by 2030-12-31; the engine projected 40 at -10 a year. */
    private static TargetAssessment target(String unit, List<Observation> observations) {
        return new TargetAssessment("t", "m", unit, TargetStatus.AT_RISK,
                DatedValue.of(100, LocalDate.of(2020, 12, 31)), DatedValue.of(20, LocalDate.of(2030, 12, 31)),
                DatedValue.of(70, LocalDate.of(2024, 12, 31)), -10.0, 40.0, 0.375, 0.75, -7.8, -10.0, null, null,
                observations);
    }
}
