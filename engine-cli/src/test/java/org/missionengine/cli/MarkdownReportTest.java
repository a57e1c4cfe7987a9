package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private static final String PORTFOLIO = Cli.resource("portfolios/report.json");
    private static String markdown;
    private static JsonNode report;

    @BeforeAll
    static void evaluate() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "markdown");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        markdown = r.out();
        report = new ObjectMapper().readTree(Cli.run("evaluate", PORTFOLIO, "--format", "json").out());
    }

    @Test
    void summaryTableHasARowPerMissionWithRatingRiskAndCriteria() {
        List<String> lines = Arrays.asList(markdown.split("\n"));
        int header = lines.indexOf("| Mission | Rating | Score | Delivery | Evidence | Washing risk | Bold | Measurable "
                + "| Ambitious-realistic | Cross-cutting | Bottom-up | Findings |");
        assertThat(header).as(markdown).isPositive();
        assertThat(lines.get(header + 1)).isEqualTo("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        // the title's pipe and angle brackets are escaped: one cell, no HTML
        assertThat(lines.get(header + 2)).isEqualTo("| Clean air \\<script\\>alert(1)\\</script\\> \\| by 2030 "
                + "(`clean-air`) | STRONG | 0.83 | 0.85 | 1.00 | 0.20 | 1.00 | 1.00 | 1.00 | 0.67 | 0.50 "
                + "| 0 critical, 4 warning, 1 info |");
        // green homes: no outcome data yet (delivery "—"); its projects are not listed and nothing was observed, so
        // AMBITIOUS_REALISTIC and BOTTOM_UP could not be assessed ("—")
        assertThat(lines.get(header + 3)).isEqualTo("| Green homes programme (`green-homes`) | MISSION_WASHING | 0.21 | — "
                + "| 0.29 | 0.70 | 1.00 | 0.00 | — | 0.00 | — | 2 critical, 6 warning, 3 info |");
        assertThat(lines.get(header + 4)).isEmpty();
        // the numbers are the report's
        JsonNode first = report.path("missions").get(0);
        assertThat(first.path("rating").asText()).isEqualTo("STRONG");
        assertThat(first.path("score").asDouble()).isCloseTo(0.83, org.assertj.core.data.Offset.offset(0.005));
        assertThat(first.path("criteria").path("CROSS_CUTTING").asDouble()).isEqualTo(0.6667);   // to 4 decimals
    }

    @Test
    void targetsShowStatusAndNumbersWithTheUnitOnce() {
        assertThat(markdown).contains("| `co2-2030` (metric `co2`, in kt \\</script\\>\\<script\\>alert(2)\\</script\\>) "
                + "| AT_RISK | 1,000 (2015-12-31) | 500 (2030-12-31) | 750 (2025-12-31) | 50% | -35.43 | 574 | 85% "
                + "| -55.51 | -7.5 | 886 |");
        // the record leaves the baseline out and nothing was observed: said so, never "none"
        assertThat(markdown).contains("| `homes-2030` (metric `homes`, in homes) | NO_DATA | not recorded "
                + "| 5,000 (2030-12-31) | no observation | n/a | n/a | n/a | n/a | n/a | n/a | n/a |");
    }

    @Test
    void valueSetsThePlainViewBesideTheMissionView() {
        assertThat(markdown).contains("### Value in EUR (discounted at 3.5%)")
                .contains("| Plain cost-benefit | EUR 5,737,615 | EUR 4,050,386 | NPV EUR -1,687,229 | 0.706 |")
                .contains("| Mission (with spillovers) | EUR 5,737,615 | EUR 4,050,386 direct + EUR 1,211,058 spillover "
                        + "| EUR 5,261,443 total | 0.917 (dynamic) |")
                .contains("| `heat-grid` | energy | EUR 3,442,569 | EUR 2,506,129 | 0.728 | EUR 3,408,335 | 0.99 |");
    }

    @Test
    void findingsAreGroupedBySeverityWithTheirEvidence() {
        String greenHomes = markdown.substring(markdown.indexOf("## Green homes programme"));
        assertThat(greenHomes).contains("2 critical, 6 warning, 3 info.\n\n#### CRITICAL\n\n");
        assertThat(greenHomes.indexOf("#### CRITICAL")).isLessThan(greenHomes.indexOf("#### WARNING"));
        assertThat(greenHomes).contains("- `MW_NO_NEW_MONEY`: The mission's budget records no new money (EUR 4,000,000 in "
                + "all): it reallocates existing spending instead of bringing money of its own.\n  - Evidence: `newMoney` "
                + "= 0, `total` = 4,000,000\n  - Rule: No new money (pack washing)\n");
        // a finding about a target names it; list evidence is escaped
        assertThat(markdown).contains("- `CRIT_SINGLE_SOLUTION`: The mission explores 2 solution paths, fewer than 3")
                .contains("  - Evidence: `solutions` = \\[deep retrofit, district heating\\], `count` = 2, "
                        + "`minimum` = 3, ");
        assertThat(markdown).containsPattern("- `TRJ_AT_RISK` on `co2-2030`: Target co2-2030 is at risk");
        assertThat(markdown).contains("## Portfolio findings\n\nNone.\n\n## Audit\n");
    }

}
