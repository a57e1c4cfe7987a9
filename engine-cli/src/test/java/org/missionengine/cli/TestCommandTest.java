package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mission-eval test}: scenario files in, one line per failure, the summary line, coverage, exit codes. */
class TestCommandTest {
    /** A portfolio file beside the scenarios: a directory run must skip it, scenarios refer to it by path. */
    private static final String PORTFOLIO = """
            format: mission-portfolio/1
            asOf: 2026-06-30
            metrics:
              - {id: jobs, name: Green jobs, unit: jobs, kind: OUTPUT}
            actors:
              - {id: acme, name: Acme, type: BUSINESS}
              - {id: uni, name: University, type: ACADEMIA}
            missions:
              - id: m1
                title: Green growth
                launched: 2024-01-01
                budget: {total: 100000000, newMoney: 0}
                targets: [{metric: jobs, goal: {value: 1000, date: 2030-12-31}}]
                projects:
                  - {id: old, instrument: GRANT, recipient: acme, publicFunding: 62000000, preexisting: true}
                  - {id: new, instrument: GRANT, recipient: uni, publicFunding: 38000000, openCall: true}
            """;

    /** Holds: 62% of the money is relabelled, there is no new money, and there is an open call. */
    private static final String PASSING = """
            format: mission-scenario/1
            name: Relabelled programmes
            portfolio: portfolios/green-growth.yaml
            expect:
              m1:
                findings:
                  - code: MW_REBRANDED
                    evidence: {share: 0.62, projects: [old]}
                  - MW_NO_NEW_MONEY
                absent: [CRIT_NO_OPEN_CALL]
                rating: MISSION_WASHING
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void portfolio() throws IOException {
        write("portfolios/green-growth.yaml", PORTFOLIO);
    }

    @Test
    void aPassingDirectoryExitsZeroWithTheSummaryLineAndTheRulesNeverFired() throws IOException {
        write("rebranded.yaml", PASSING);

        Cli.Result r = Cli.run("test", dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("(?m)^1 passed, 0 failed$")
                .contains("Rule coverage: ")
                .contains("never fired:")
                .contains("PORT_TOO_MANY_MISSIONS");
        assertThat(r.out().lines().findFirst()).hasValue("1 passed, 0 failed");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void coverageListsEveryRulePerPackWithHowOftenItFired() throws IOException {
        write("rebranded.yaml", PASSING);

        Cli.Result r = Cli.run("test", dir.resolve("rebranded.yaml").toString(), "--coverage");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("(?m)^1 passed, 0 failed$")
                .containsPattern("(?m)^  washing: \\d+ of 12$")
                .containsPattern("(?m)^ +1x  MW_REBRANDED +Old programmes hold the money$")
                .containsPattern("(?m)^ +never  PORT_TOO_MANY_MISSIONS +Too many missions for one owner$");
    }

    @Test
    void aFailedExpectationExitsOneWithWhatWasExpectedAndWhatWasFound() throws IOException {
        Path file = write("wrong.yaml", """
                format: mission-scenario/1
                name: Wrong expectations
                portfolio: portfolios/green-growth.yaml
                expect:
                  m1:
                    findings:
                      - code: MW_REBRANDED
                        evidence: {share: 0.5}
                    absent: [MW_NO_NEW_MONEY]
                    rating: WEAK
                """);
        write("rebranded.yaml", PASSING);

        Cli.Result r = Cli.run("test", dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains(file + ":7: Wrong expectations/m1: expected finding MW_REBRANDED with share = 0.5, found "
                        + "share = 0.62")
                .contains(file + ":9: Wrong expectations/m1: expected no finding MW_NO_NEW_MONEY, found it on m1")
                .contains(file + ":10: Wrong expectations/m1: expected rating WEAK, found MISSION_WASHING")
                .containsPattern("(?m)^1 passed, 1 failed$");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aCodeNoRuleEmitsFailsInsteadOfPassingSilently() throws IOException {
        Path file = write("typo.yaml", """
                format: mission-scenario/1
                name: A typo
                portfolio: portfolios/green-growth.yaml
                expect:
                  m1:
                    findings: [MW_REBRANDD]
                    absent: [MW_NO_NEW_MONY]
                """);

        Cli.Result r = Cli.run("test", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains(file + ":6: A typo/m1: no rule emits code \"MW_REBRANDD\" (did you mean \"MW_REBRANDED\"?)")
                .contains(file + ":7: A typo/m1: no rule emits code \"MW_NO_NEW_MONY\" (did you mean \"MW_NO_NEW_MONEY\"?)")
                .containsPattern("(?m)^0 passed, 1 failed$");
    }

    @Test
    void aMalformedFileIsAUserErrorWithItsLineEvenWhenOtherScenariosRan() throws IOException {
        write("rebranded.yaml", PASSING);
        Path broken = write("broken.yaml", """
                format: mission-scenario/1
                name: Broken
                portfolio: portfolios/green-growth.yaml
                expect:
                  m1:
                    findigns: [MW_REBRANDED]
                    rating: STRONGG
                """);

        Cli.Result r = Cli.run("test", dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .contains(broken + ":6: unknown field \"findigns\". Did you mean \"findings\"?")
                .contains(broken + ":7: unknown rating \"STRONGG\". Did you mean \"STRONG\"?")
                .contains("1 scenario file could not be run")
                .doesNotContain("Exception").doesNotContain("\tat ");
        // the valid scenario still ran, and the summary is printed anyway
        assertThat(r.out()).containsPattern("(?m)^1 passed, 1 failed$");
    }

    @Test
    void minimumCoverageFailsNamingTheRulesThatNeverFired() throws IOException {
        write("rebranded.yaml", PASSING);

        Cli.Result r = Cli.run("test", dir.toString(), "--min-coverage", "1.0");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^1 passed, 0 failed$")
                .contains("never fired:")
                .contains("portfolio  PORT_TOO_MANY_MISSIONS  \"Too many missions for one owner\"")
                .contains("trajectory  MW_BAU_TARGET")
                .containsPattern("Rule coverage \\d+\\.\\d% is below the required 100\\.0%")
                .doesNotContain("MW_REBRANDED  \"Old programmes hold the money\"");
    }

    @Test
    void minimumCoverageThatIsMetPasses() throws IOException {
        write("rebranded.yaml", PASSING);

        Cli.Result r = Cli.run("test", dir.toString(), "--coverage", "--min-coverage", "10%");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("below the required");
    }

    @Test
    void badOptionsAndMissingPathsAreUserErrors() throws IOException {
        write("rebranded.yaml", PASSING);

        Cli.Result ratio = Cli.run("test", dir.toString(), "--min-coverage", "1.5");
        assertThat(ratio.exitCode()).as(ratio.toString()).isEqualTo(2);
        assertThat(ratio.err()).contains("'1.5' is not a share of the rules").doesNotContain("\tat ");

        Path missing = dir.resolve("no-such-dir");
        Cli.Result path = Cli.run("test", missing.toString());
        assertThat(path.exitCode()).as(path.toString()).isEqualTo(2);
        assertThat(path.err()).contains(missing + ":").contains("no such file or directory");
        assertThat(path.out()).containsPattern("(?m)^0 passed, 1 failed$");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.Result none = Cli.run("test", empty.toString());
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains(empty + ":").contains("no scenario files in this directory");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
