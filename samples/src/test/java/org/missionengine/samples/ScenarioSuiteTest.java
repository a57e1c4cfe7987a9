package org.missionengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.test.ScenarioFailure;
import org.missionengine.test.ScenarioResults;
import org.missionengine.test.ScenarioRunner;
import org.missionengine.test.Scenarios;

/**
 * The scenario suite in {@code scenarios/}: every built-in rule and every rule of the agency example pack fires in
 * at least one scenario and stays quiet in another. The last dynamic test, "rule coverage", fails the build when a
 * rule never fired, so a new rule cannot be merged without a scenario. (Maven runs the samples' tests with
 * {@code samples/} as the working directory.)
 */
class ScenarioSuiteTest {
    private static final Path SCENARIOS = Path.of("scenarios");

    @TestFactory
    Stream<DynamicNode> everyBuiltInAndAgencyRuleHasPassingScenarios() {
        return Scenarios.from(SCENARIOS).requireCoverage(1.0).tests();
    }

    /**
     * What an agency sees when it changes a threshold: in a copy of the agency pack whose
     * {@code agency.smeProcurementFrom} default goes from 500,000 to 400,000, the SME-procurement scenario fails on
     * both sides, each with what it expected and what it found. The unchanged copy passes, so it is the threshold
     * that makes the difference.
     */
    @Test
    void aChangedAgencyThresholdFailsTheScenarioWithExpectedVersusFound(@TempDir Path dir) throws IOException {
        Path scenarios = dir.resolve("scenarios/agency-example");
        copy(SCENARIOS.resolve("agency-example"), scenarios);
        copy(SCENARIOS.resolve("portfolios"), dir.resolve("scenarios/portfolios"));
        copy(Path.of("rules/agency-example"), dir.resolve("rules/agency-example"));

        ScenarioResults unchanged = ScenarioRunner.create().run(List.of(scenarios));
        assertThat(unchanged.failures()).as(unchanged.summary()).isEmpty();
        assertThat(unchanged.successful()).isTrue();

        Path manifest = dir.resolve("rules/agency-example/pack.json");
        String pack = Files.readString(manifest, StandardCharsets.UTF_8);
        String changed = pack.replace("\"agency.smeProcurementFrom\": {\"default\": 500000",
                "\"agency.smeProcurementFrom\": {\"default\": 400000");
        assertThat(changed).as("the pack declares agency.smeProcurementFrom with default 500000").isNotEqualTo(pack);
        Files.writeString(manifest, changed, StandardCharsets.UTF_8);

        ScenarioResults results = ScenarioRunner.create().run(List.of(scenarios));

        assertThat(results.errors()).isEmpty();
        assertThat(results.summary()).isEqualTo((unchanged.passed() - 2) + " passed, 2 failed");
        List<ScenarioFailure> failures = results.failures();
        assertThat(failures).hasSize(2).allSatisfy(f -> {
            assertThat(f.file().getFileName()).hasToString("sme-procurement.yaml");
            assertThat(f.scenario()).isEqualTo("Contracts from 500,000 include SMEs");
        });
        // the contract above both thresholds: still flagged, but with the new threshold in its evidence
        assertThat(failures.get(0).mission()).isEqualTo("swimmable-rivers");
        assertThat(failures.get(0).describe()).endsWith("sme-procurement.yaml:" + failures.get(0).line()
                + ": Contracts from 500,000 include SMEs/swimmable-rivers: expected finding AGY_SME_PROCUREMENT with "
                + "threshold = 500000, found threshold = 400000 (evidence {publicFunding=2000000, threshold=400000})");
        assertThat(failures.get(0).expected()).hasToString("500000");
        assertThat(failures.get(0).actual()).hasToString("400000");
        // the 450,000 contract between the two thresholds: flagged now
        assertThat(failures.get(1).mission()).isEqualTo("safe-taps");
        assertThat(failures.get(1).describe()).contains("safe-taps: expected no finding AGY_SME_PROCUREMENT, found it "
                + "on valve-contract: \"Contract valve-contract of 450,000 has no SME-inclusion condition; the agency "
                + "requires one from 400,000.\"");
        assertThat(lineOf(scenarios.resolve("sme-procurement.yaml"), failures.get(1).line()))
                .contains("absent: [AGY_SME_PROCUREMENT]");
    }

    private static String lineOf(Path file, int line) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(line - 1);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
