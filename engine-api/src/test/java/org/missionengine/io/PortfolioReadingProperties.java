package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;

/**
 * Property: whatever careless editing or a broken export does to a valid portfolio, the reader either reads it or
 * refuses it with an {@link InvalidPortfolioException} whose every problem has a hint and no Jackson vocabulary —
 * never another exception, never a hang (each read is bounded to 10 s), never an OutOfMemoryError. 1,000 mutants
 * (JSON and YAML) of the format's complete example, in a few seconds.
 */
class PortfolioReadingProperties {
    static final byte[] BASE = read(BadPortfolioCorpusTest.ACCEPTED.resolve("plain.json"));

    @Property(tries = 1000)
    void aMutatedPortfolioIsReadOrRefusedAsAUserMistake(@ForAll("mutants") PortfolioMutations.Mutant mutant) {
        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                PortfolioFiles.read(mutant.bytes(), mutant.fileName());
                return "read";
            } catch (InvalidPortfolioException e) {
                for (Problem problem : e.problems()) {
                    assertThat(problem.file()).isEqualTo(mutant.fileName());
                    assertThat(problem.hint()).as("a hint for " + problem).isNotBlank();
                    assertThat(problem.describe()).doesNotContain(BadPortfolioCorpusTest.INTERNALS);
                }
                return "refused";
            }
        }, () -> "reading took more than 10 s: " + mutant);
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<PortfolioMutations.Mutant> mutants() {
        return PortfolioMutations.of(BASE, 4);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
