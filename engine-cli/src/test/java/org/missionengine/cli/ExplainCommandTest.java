package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code mission-eval explain}, on the agency-policy sample's pack and portfolio. */
class ExplainCommandTest {
    static final String PORTFOLIO = Path.of("../samples/agency-policy/src/test/resources/portfolios/northland.yaml")
            .toString();
    static final String PACK = Path.of("../samples/agency-policy/src/main/resources/rules/agency-policy").toString();
    static final String DRL = PACK + "/agency-policy.drl";

    @Test
    void aFindingIsExplainedWithItsRuleFactsAndParametersAsText() {
        Cli.Result r = Cli.run("explain", PORTFOLIO, "--mission", "warm-homes", "--code", "AGP_LARGE_CONSULTANCY",
                "--rules", PACK, "--param", "agency.maxConsultancyContract=300000");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                Mission warm-homes, finding code AGP_LARGE_CONSULTANCY

                FIRED      AGP_LARGE_CONSULTANCY  rule "Consultancy contracts stay small" [agency-policy] %s:24
                  finding on heat-advice: Project heat-advice pays consultancy advisers 400,000 of public money; the \
                agency's cap is 300,000.
                    matched $p = Project heat-advice; $r = advisers
                  parameters:
                    agency.maxConsultancyContract = 300,000  (option (--param))
                """.formatted(DRL));
    }

    @Test
    void aCodeThatDidNotFireShowsTheFailedConditionAndSaysItIsBestEffort() throws Exception {
        Cli.Result r = Cli.run("explain", PORTFOLIO, "--mission", "clean-port", "--code", "AGP_LARGE_CONSULTANCY",
                "--rules", PACK, "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("format").asText()).isEqualTo("mission-explanation/1");
        JsonNode rule = json.path("rules").get(0);
        assertThat(rule.path("fired").asBoolean()).isFalse();
        assertThat(rule.path("file").asText() + ":" + rule.path("line").asInt()).isEqualTo(DRL + ":24");
        assertThat(rule.path("parameters").get(0).toString()).isEqualTo("{\"name\":\"agency.maxConsultancyContract\","
                + "\"value\":250000,\"source\":\"default\",\"pack\":\"agency-policy\"}");
        JsonNode failed = rule.path("conditions").get(1);
        assertThat(failed.path("outcome").asText()).isEqualTo("failed");
        assertThat(failed.path("line").asInt()).isEqualTo(29);
        assertThat(failed.path("detail").asText()).isEqualTo("no Actor has type == ActorType.CONSULTANCY; tried on "
                + "Actor harbour-eng (type = BUSINESS), Actor shore-power-sme (type = SME)");
        assertThat(json.path("notes").get(0).asText()).startsWith("Why a rule did not fire is found by matching its "
                + "conditions one at a time");
    }

    @Test
    void aDecisionTablesRuleIsPlacedAtItsRowAndItsConditionsAtTheirCells() throws Exception {
        String table = Path.of("../samples/agency-policy/src/main/resources/rules/agency-policy-table").toString();
        Cli.Result r = Cli.run("explain", PORTFOLIO, "--mission", "clean-port", "--code", "AGP_LARGE_CONSULTANCY",
                "--rules", table);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // the row of the table, not a line of the DRL the table becomes
        assertThat(r.out()).contains("rule \"Consultancy contracts stay small\" [agency-policy-table] " + table
                + "/funding-policy.csv: A12\n").contains("    FAILED      G12: $cap : Double()");

        JsonNode rule = new ObjectMapper().readTree(Cli.run("explain", PORTFOLIO, "--mission", "clean-port", "--code",
                "AGP_LARGE_CONSULTANCY", "--rules", table, "--format", "json").out()).path("rules").get(0);
        assertThat(rule.path("cell").asText()).isEqualTo("A12");
        assertThat(rule.path("conditions").get(0).path("cell").asText()).isEqualTo("G12");
    }

    @Test
    void anUnknownMissionExitsWith2NamingTheClosestAndTheKnownOnes() {
        Cli.Result r = Cli.run("explain", PORTFOLIO, "--mission", "clean-ports", "--rules", PACK);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(PORTFOLIO + ": --mission clean-ports: no mission \"clean-ports\" in the "
                + "portfolio. Did you mean \"clean-port\"? Its missions: warm-homes, clean-port.\n");
    }

    @Test
    void anUnknownCodeExitsWith2NamingTheClosest() {
        Cli.Result r = Cli.run("explain", PORTFOLIO, "--mission", "clean-port", "--code", "AGP_LOW_COFUNDNG",
                "--rules", PACK);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(PORTFOLIO + ": --code AGP_LOW_COFUNDNG: no enabled rule emits the finding code "
                + "\"AGP_LOW_COFUNDNG\". Did you mean \"AGP_LOW_COFUNDING\"? The codes: AGP_LARGE_CONSULTANCY, ");
    }
}
