package org.missionengine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.missionengine.io.SchemaValidation;

import static org.assertj.core.api.Assertions.assertThat;

/** Every JSON report mission-eval writes for the sample portfolios validates against docs/schema/mission-report-1. */
class ReportSchemaTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final SchemaValidation REPORT = SchemaValidation.of(SchemaValidation.REPORT);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Path> samplePortfolios() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(SAMPLES.resolve("missions"), SAMPLES.resolve("scenarios/portfolios"))) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("samplePortfolios")
    void theReportOfEverySampleValidates(Path portfolio) throws IOException {
        Path report = dir.resolve("report.json");
        Cli.Result result = Cli.run("evaluate", "--format", "json", "-o", report.toString(), portfolio.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(REPORT.errors(report)).isEmpty();
        JsonNode missions = MAPPER.readTree(report.toFile()).get("missions");
        assertThat(missions).isNotEmpty();
        assertThat(missions.get(0).get("rating").asText()).isNotEmpty();
    }

    @Test
    void aReportOfSeveralFilesWithTimelinesIsAnArrayThatValidates() throws IOException {
        Cli.Result result = Cli.run("evaluate", "--format", "json", "--timeline", "yearly",
                SAMPLES.resolve("missions/format-example.json").toString(),
                SAMPLES.resolve("scenarios/portfolios/records.yaml").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(REPORT.errors(result.out())).isEmpty();
        JsonNode reports = MAPPER.readTree(result.out());
        assertThat(reports.isArray()).isTrue();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1).get("file").asText()).endsWith("records.yaml");
        assertThat(reports.get(1).at("/timeline/format").asText()).isEqualTo("mission-timeline/1");
    }

    @Test
    void aFieldTheReportDoesNotHaveIsRefusedAtItsPointer() throws IOException {
        Cli.Result result = Cli.run("evaluate", "--format", "json",
                SAMPLES.resolve("missions/format-example.json").toString());
        ObjectNode report = (ObjectNode) MAPPER.readTree(result.out());
        ((ObjectNode) report.at("/missions/0")).put("washingRisc", 0.5);
        ((ObjectNode) report.at("/missions/0")).put("score", 1.5);

        assertThat(REPORT.violations(MAPPER.writeValueAsString(report)))
                .containsExactlyInAnyOrder("/missions/0/washingRisc additionalProperties", "/missions/0/score maximum");
    }
}
