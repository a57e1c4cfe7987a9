package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A yes/no target shows its status and its latest value as yes or no, never a trend or a projection: a tram line not
 * yet open read "projected 0 yes/no at the goal date; trend 0 yes/no/year; required +0.222 yes/no/year"
 * (src/test/resources/portfolios/yes-no.json). The JSON report keeps every field its schema has.
 */
class YesNoTargetTest {
    private static final ReportSource SOURCE = Evaluated.file("src/test/resources/portfolios/yes-no.json");

    @Test
    void textShowsTheStatusAndTheLatestValueAsYesOrNo() {
        assertThat(ReportWriters.forFormat("text").render(SOURCE)).contains("""
                Targets
                  tram-2030 (metric tram-open): ON_TRACK
                    latest no (2025-12-31)
                  depot-2025 (metric depot-open): ACHIEVED
                    latest yes (2025-10-01)

                """);
    }

    @Test
    void markdownLeavesTheTrendAndProjectionCellsEmpty() {
        assertThat(ReportWriters.forFormat("markdown").render(SOURCE))
                .contains("| `tram-2030` (metric `tram-open`, in yes/no) | ON_TRACK | n/a | n/a | no (2025-12-31) | n/a "
                        + "| n/a | n/a | n/a | n/a | n/a | n/a |\n")
                .contains("| `depot-2025` (metric `depot-open`, in yes/no) | ACHIEVED | n/a | n/a | yes (2025-10-01) "
                        + "| n/a | n/a | n/a | n/a | n/a | n/a | n/a |\n");
    }

    @Test
    void htmlListsOnlyTheLatestValueAndDrawsNoLine() throws Exception {
        Document page = Jsoup.parse(ReportWriters.forFormat("html").render(SOURCE));
        assertThat(page.select("article.target").eachText()).containsExactly(
                "tram-2030 ON_TRACK The new tram line carries passengers (0 = no, 1 = yes) (yes/no) Latest no (2025-12-31)",
                "depot-2025 ACHIEVED The tram depot is in service (0 = no, 1 = yes) (yes/no) Latest yes (2025-10-01)");

        JsonNode chart = new ObjectMapper().readTree(page.getElementById("chart-data").data()).path("r0-m0-t0");
        assertThat(chart.path("yesNo").asBoolean()).isTrue();
        assertThat(chart.path("since")).hasSize(2);
        assertThat(chart.path("goal").get(1).asDouble()).isEqualTo(1.0);
        assertThat(chart.has("trend")).isFalse();
        assertThat(chart.has("bau")).isFalse();
    }

    @Test
    void jsonKeepsTheEnginesNumbers() throws Exception {
        JsonNode target = new ObjectMapper().readTree(ReportWriters.forFormat("json").render(SOURCE))
                .path("missions").get(0).path("targets").get(0);
        assertThat(target.path("target").asText()).isEqualTo("tram-2030");
        assertThat(target.path("trendPerYear").asDouble()).isEqualTo(0.0);
        assertThat(target.path("projected").asDouble()).isEqualTo(0.0);
        assertThat(target.has("requiredRatePerYear")).isTrue();
    }
}
