package org.missionengine.drools.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.io.PortfolioMutations;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/**
 * Property: a portfolio broken by careless editing (engine-api's {@link PortfolioMutations}) is either read and
 * evaluated, or refused as a user's mistake ({@link UserErrorException}, by the reader or by the engine) — never
 * another exception, never a hang (each read and evaluation bounded to 20 s), never an OutOfMemoryError. 1,000 mutants
 * of the format's complete example, in about fifteen seconds.
 */
class EvaluationMutationProperties {
    static final MissionEngine ENGINE = MissionEngine.builder().build();
    static final byte[] BASE = resource("/accepted-portfolios/plain.json");

    @Property(tries = 1000)
    void aMutatedPortfolioIsEvaluatedOrRefusedAsAUserMistake(@ForAll("mutants") PortfolioMutations.Mutant mutant) {
        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Portfolio portfolio;
            try {
                portfolio = PortfolioFiles.read(mutant.bytes(), mutant.fileName());
            } catch (UserErrorException e) {
                checkProblems(e);
                return "refused by the reader";
            }
            try {
                EvaluationReport report = ENGINE.evaluate(portfolio, portfolio.asOf() != null ? portfolio.asOf()
                        : LocalDate.of(2026, 6, 30));
                assertThat(report.missions()).hasSameSizeAs(portfolio.missions());
                return "evaluated";
            } catch (UserErrorException e) {
                checkProblems(e);
                return "refused by the engine";
            }
        }, () -> "reading and evaluating took more than 20 s: " + mutant);
        Statistics.collect(outcome);
    }

    static void checkProblems(UserErrorException e) {
        assertThat(e.problems()).isNotEmpty();
        for (Problem problem : e.problems()) {
            assertThat(problem.hint()).as("a hint for " + problem).isNotBlank();
            assertThat(problem.describe()).doesNotContain("`", "jackson", "Exception", "java.", "Caused by");
        }
    }

    @Provide
    Arbitrary<PortfolioMutations.Mutant> mutants() {
        return PortfolioMutations.of(BASE, 2);
    }

    static byte[] resource(String name) {
        try (InputStream in = EvaluationMutationProperties.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name + " (from engine-api's test jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
