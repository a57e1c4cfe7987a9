package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Money in the value views carries the portfolio's currency and is written to the unit, as the findings' messages write
 * it (samples/missions/belgium-io.json: an NPV of 25.08 read "NPV 25.08", with no currency).
 */
class ValueViewTest {
    private static final ReportSource SOURCE = Evaluated.file("../samples/missions/belgium-io.json");

    @Test
    void moneyIsWrittenWithItsCurrencyToTheUnit() {
        assertThat(Text.money("EUR", 6_000_000)).isEqualTo("EUR 6,000,000");
        assertThat(Text.money("GBP", -541_333.4)).isEqualTo("GBP -541,333");
        assertThat(Text.money("EUR", 25.08)).isEqualTo("EUR 25");
        assertThat(Text.money("EUR", -0.4)).isEqualTo("EUR 0");
        assertThat(Text.money(null, 1_160.2)).isEqualTo("1,160");
    }

    @Test
    void theTextReportWritesEveryAmountWithItsCurrency() {
        assertThat(ReportWriters.forFormat("text").render(SOURCE)).contains("""
                Value in EUR (discounted at 3.5%)
                  Plain view: PV costs EUR 1,160, PV benefits EUR 1,185, NPV EUR 25,
                  benefit-cost ratio 1.02
                  Mission view: direct EUR 1,185 + spillovers EUR 0 = EUR 1,185, dynamic
                  benefit-cost ratio 1.02, leverage 0.254
                """);
    }

    @Test
    void theMarkdownReportWritesEveryAmountWithItsCurrency() {
        assertThat(ReportWriters.forFormat("markdown").render(SOURCE))
                .contains("| Plain cost-benefit | EUR 1,160 | EUR 1,185 | NPV EUR 25 | 1.02 |\n")
                .contains("| Mission (with spillovers) | EUR 1,160 | EUR 1,185 direct + EUR 0 spillover "
                        + "| EUR 1,185 total | 1.02 (dynamic) |\n")
                .contains("| `be-ill-renovation` | D41T43 | EUR 492 | EUR 400 | 0.815 | EUR 400 | 0.815 |\n");
    }

    @Test
    void theHtmlReportWritesEveryAmountWithItsCurrencyOnOneLine() {
        String html = ReportWriters.forFormat("html").render(SOURCE);
        Document page = Jsoup.parse(html);
        assertThat(page.select("table.value tbody tr").eachText()).containsExactly(
                "Plain cost-benefit EUR 1,160 EUR 1,185 NPV EUR 25 1.02",
                "Mission (with spillovers) EUR 1,160 EUR 1,185 direct + EUR 0 spillover EUR 1,185 total 1.02 dynamic");
        assertThat(page.select("table.projects tbody tr").first().text())
                .isEqualTo("be-ill-renovation Illustrative: deep energy renovation of public buildings D41T43 "
                        + "EUR 492 EUR 400 0.815 EUR 400 0.815");
        // a no-break space keeps a currency beside its amount where the cell wraps
        assertThat(html).contains("<td class=\"num\">NPV EUR\u00A025</td>");
    }
}
