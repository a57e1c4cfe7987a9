package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.missionengine.report.TargetAssessment;

/**
 * The chart's trend line is the engine's trend: Sweden's 2030 road-deaths target (baseline 2019-12-31) of Vision Zero
 * (launched 1997-10-09) is judged on 2019 onwards, and its line was drawn from 1997 with the slope of 2019-2025.
 */
class TrendLineTest {
    @Test
    void aTargetSetAfterTheLaunchHasItsTrendLineFromItsBaseline() throws Exception {
        ReportSource source = Evaluated.file("src/test/resources/portfolios/se-vision-zero.json");
        TargetAssessment se2030 = source.report().missions().get(0).targets().get(1);
        assertThat(se2030.target()).isEqualTo("se-2030");

        String html = ReportWriters.forFormat("html").render(source);
        JsonNode charts = new ObjectMapper().readTree(Jsoup.parse(html).getElementById("chart-data").data());
        JsonNode chart = charts.path("r0-m0-t1");

        assertThat(chart.path("launched").asText()).isEqualTo("1997-10-09");
        JsonNode trend = chart.path("trend");
        assertThat(trend.get(0).get(0).asText()).isEqualTo("2019-12-31");
        assertThat(trend.get(1).get(0).asText()).isEqualTo("2030-12-31");
        assertThat(trend.get(1).get(1).asDouble()).isEqualTo(se2030.projected());
        double years = (LocalDate.of(2030, 12, 31).toEpochDay() - LocalDate.of(2019, 12, 31).toEpochDay()) / 365.25;
        assertThat((trend.get(1).get(1).asDouble() - trend.get(0).get(1).asDouble()) / years)
                .isCloseTo(se2030.trendPerYear(), within(1e-9));
        // the 2020 target's baseline (2007) is after the launch too
        assertThat(charts.path("r0-m0-t0").path("trend").get(0).get(0).asText()).isEqualTo("2007-12-31");
    }
}
