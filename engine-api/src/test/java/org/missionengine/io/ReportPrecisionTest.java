package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.missionengine.report.ProjectValue;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;
import org.missionengine.report.ValueAssessment;

/** Reports write money to the cent, ratios to 4 decimals and a metric's values to 6 digits; the records stay exact. */
class ReportPrecisionTest {
    private static final ProjectValue PROJECT = new ProjectValue("grid", "energy", 1663076.8124999995,
            400.38432544340924, -1662676.4281745561, 0.00024074855, 1185.1302766878437, 0.0007126126,
            new LinkedHashMap<>(Map.of("transport", 784.7459512444, "care", 0.0049)));

    @Test
    void moneyIsWrittenToTheCentAndRatiosToFourDecimals() throws Exception {
        JsonNode written = written(PROJECT);

        assertThat(written.path("pvCosts").asText()).isEqualTo("1663076.81");
        assertThat(written.path("pvBenefits").asText()).isEqualTo("400.38");
        assertThat(written.path("npv").asText()).isEqualTo("-1662676.43");
        assertThat(written.path("totalValue").asText()).isEqualTo("1185.13");
        assertThat(written.path("benefitCostRatio").asText()).isEqualTo("0.0002");
        assertThat(written.path("dynamicBenefitCostRatio").asText()).isEqualTo("0.0007");
        assertThat(written.path("spillsInto").path("transport").asText()).isEqualTo("784.75");
        // what rounds to no cent is written 0.0, never -0.0
        assertThat(written.path("spillsInto").path("care").asText()).isEqualTo("0.0");
        // the record keeps the exact figures for Java callers
        assertThat(PROJECT.pvCosts()).isEqualTo(1663076.8124999995);
    }

    @Test
    void largeAmountsAndSmallRatiosAreWrittenWithoutExponents() throws Exception {
        ProjectValue large = new ProjectValue("grid", "energy", 13580809.584, 2.5e7, 1e15, 0.000012, 123456789012.3456,
                null, Map.of());

        JsonNode written = written(large);

        assertThat(written.path("pvCosts").asText()).isEqualTo("13580809.58");
        assertThat(written.path("pvBenefits").asText()).isEqualTo("25000000");
        assertThat(written.path("npv").asText()).isEqualTo("1000000000000000");
        assertThat(written.path("benefitCostRatio").asText()).isEqualTo("0.0");
        assertThat(written.path("totalValue").asText()).isEqualTo("123456789012.35");
    }

    @Test
    void aMissionsValueIsWrittenTheSameWay() throws Exception {
        ValueAssessment value = new ValueAssessment("EUR", 0.035, 1663076.8124999995, 400.38432544340924, -1662676.4281745561,
                0.00024074855, 400.38432544340924, 784.7459512444, 1185.1302766878437, 0.0007126126,
                0.3333333333333333, Map.of("energy", 400.38432544340924), List.of(PROJECT));

        JsonNode written = written(value);

        assertThat(written.path("currency").asText()).isEqualTo("EUR");
        assertThat(written.path("discountRate").asText()).isEqualTo("0.035");
        assertThat(written.path("spilloverValue").asText()).isEqualTo("784.75");
        assertThat(written.path("directValue").asText()).isEqualTo("400.38");
        assertThat(written.path("leverage").asText()).isEqualTo("0.3333");
        assertThat(written.path("valueBySector").path("energy").asText()).isEqualTo("400.38");
        assertThat(written.path("projects").get(0).path("pvCosts").asText()).isEqualTo("1663076.81");
    }

    @Test
    void aTargetsLevelsAndRatesHaveSixDigitsAndItsClosuresFourDecimals() throws Exception {
        TargetAssessment target = new TargetAssessment("t", "m", "%", TargetStatus.AT_RISK, null, null, null,
                0.12248490945674044, 0.7008207934336568, 0.22222222222222215, 0.7217662258701907, -0.3108510638297873,
                0.12248490945674044, -7.816885148173433, 590.8917028390383, List.of());

        JsonNode written = written(target);

        assertThat(written.path("trendPerYear").asText()).isEqualTo("0.122485");
        assertThat(written.path("projected").asText()).isEqualTo("0.700821");
        assertThat(written.path("gapClosure").asText()).isEqualTo("0.2222");
        assertThat(written.path("projectedClosure").asText()).isEqualTo("0.7218");
        assertThat(written.path("requiredRatePerYear").asText()).isEqualTo("-0.310851");
        assertThat(written.path("bauTrendPerYear").asText()).isEqualTo("-7.81689");
        assertThat(written.path("bauProjection").asText()).isEqualTo("590.892");
    }

    @Test
    void aRoundedFigureThatIsNotFiniteIsStillRefused() {
        ProjectValue broken = new ProjectValue("grid", "energy", Double.POSITIVE_INFINITY, 1, 1, null, 1, null, Map.of());

        assertThatThrownBy(() -> Json.JSON.writeValueAsString(broken))
                .hasRootCauseMessage("the report would hold Infinity at pvCosts; no report is written with a number "
                        + "that is not finite");
    }

    private static JsonNode written(Object record) throws Exception {
        // read back as text: the digits written, not a double that might print differently
        return Json.JSON.readTree(Json.JSON.writeValueAsString(record).replaceAll(":\\s*(-?[0-9][0-9.E-]*)", ": \"$1\""));
    }
}
