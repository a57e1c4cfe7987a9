package org.missionengine.drools.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;

/**
 * Portfolio files that read well but cannot be evaluated ({@code src/test/resources/bad-portfolios-at-evaluation}):
 * spillover loops whose intensities amplify without bound (spectral radius 1 or more), and parameters the engine
 * refuses. Each is refused by {@code evaluate} with exactly the message of {@code expected-messages.tsv}.
 */
class EvaluationTimeCorpusTest {
    static final Path DIR = Path.of("src/test/resources/bad-portfolios-at-evaluation");
    static final MissionEngine ENGINE = MissionEngine.builder().build();

    static Map<String, String> expected() {
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(DIR.resolve("expected-messages.tsv"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    expected.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    static Stream<Arguments> corpus() {
        return expected().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileReadsButIsRefusedAtEvaluationWithItsExactMessage(String file, String message) {
        Portfolio portfolio = PortfolioFiles.read(DIR.resolve(file));

        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> catchThrowable(() -> ENGINE.evaluate(portfolio)));

        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class).hasMessage(message);
        assertThat(((InvalidPortfolioException) thrown).problems()).allSatisfy(p -> assertThat(p.hint()).isNotBlank());
    }

    @Test
    void everyFileHasAnExpectedMessage() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    /** A loop that shrinks (spectral radius below 1) is accepted: value spills around it and converges. */
    @Test
    void aLoopThatShrinksIsEvaluated() {
        Portfolio portfolio = PortfolioFiles.read(DIR.resolve("spillover-two-sector-loop.json"));
        String shrinking = PortfolioFiles.toString(portfolio, "x.json").replace("\"intensity\" : 1.0", "\"intensity\" : 0.9");
        Portfolio accepted = PortfolioFiles.read(shrinking.getBytes(StandardCharsets.UTF_8), "shrinking.json");

        assertThat(ENGINE.evaluate(accepted).missions()).hasSize(1);
    }

    static String describe(InvalidPortfolioException e) {
        return e.problems().stream().map(Problem::describe).collect(Collectors.joining("\n"));
    }
}
