package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RulesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonListsPacksRulesAndParameters() throws Exception {
        Cli.Result r = Cli.run("rules", "--format", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode catalog = JSON.readTree(r.out());
        assertThat(catalog.path("format").asText()).isEqualTo("mission-rules/1");
        List<JsonNode> rules = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        catalog.path("packs").forEach(p -> {
            assertThat(p.has("id")).isTrue();
            p.path("rules").forEach(rules::add);
            p.path("parameters").forEach(parameters::add);
        });
        JsonNode noNewMoney = rules.stream().filter(n -> n.path("code").asText().equals("MW_NO_NEW_MONEY"))
                .findFirst().orElseThrow();
        assertThat(noNewMoney.path("severity").asText()).isIn("INFO", "WARNING", "CRITICAL");
        assertThat(noNewMoney.path("category").asText()).isNotEmpty();
        assertThat(noNewMoney.path("pack").asText()).isEqualTo("washing");
        assertThat(noNewMoney.path("name").asText()).isNotEmpty();
        assertThat(rules).extracting(n -> n.path("code").asText()).contains("GOV_NO_MISSION_BOARD", "MW_NO_PARTICIPATION");
        JsonNode minSectors = parameters.stream().filter(n -> n.path("name").asText().equals("crossCutting.minSectors"))
                .findFirst().orElseThrow();
        assertThat(minSectors.path("default").asDouble()).isEqualTo(3);
        assertThat(minSectors.has("description")).isTrue();
    }

    @Test
    void overridesShowInTheCatalog() throws Exception {
        Cli.Result r = Cli.run("rules", "--format", "json", "--param", "crossCutting.minSectors=5",
                "--severity", "GOV_NO_MISSION_BOARD=CRITICAL", "--rules", Cli.resource("rules/agency.drl"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode catalog = JSON.readTree(r.out());
        assertThat(catalog.findParents("code").stream()
                .filter(n -> n.path("code").asText().equals("GOV_NO_MISSION_BOARD"))
                .map(n -> n.path("severity").asText())).containsOnly("CRITICAL");
        assertThat(catalog.findParents("name").stream()
                .filter(n -> n.path("name").asText().equals("crossCutting.minSectors"))
                .map(n -> n.path("value").asDouble())).containsOnly(5.0);
        assertThat(catalog.findParents("code").stream().map(n -> n.path("code").asText()))
                .contains("AGENCY_CITY_OWNED");
    }

    @Test
    void textListsCodesSeveritiesAndParameters() {
        Cli.Result r = Cli.run("rules");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Pack washing", "MW_NO_NEW_MONEY", "CODE", "SEVERITY", "Parameters",
                "crossCutting.minSectors = 3");
    }

    @Test
    void brokenRuleFileIsAUserMistake() {
        Cli.Result r = Cli.run("rules", "--rules", Cli.resource("rules/broken.drl"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("broken\\.drl:\\d+").doesNotContain("\tat ");
    }
}
