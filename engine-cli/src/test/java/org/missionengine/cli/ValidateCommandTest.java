package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidateCommandTest {
    @Test
    void validFilesPrintOk() {
        String portfolio = Cli.resource("portfolios/two-missions.json");
        String yaml = Cli.resource("portfolios/small.yaml");
        String rules = Cli.resource("rules/agency.drl");
        Cli.Result r = Cli.run("validate", portfolio, yaml, rules);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("OK " + portfolio).contains("OK " + yaml).contains("OK " + rules);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everyErrorIsReportedAtOnceWithItsLocation() {
        String good = Cli.resource("portfolios/two-missions.json");
        Cli.Result r = Cli.run("validate", Cli.resource("portfolios/unknown-field.json"),
                Cli.resource("rules/broken.drl"), good, "missing.yaml", "notes.txt");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("OK " + good);
        assertThat(r.err())
                .contains("unknown-field.json: missions[1].titel: unknown field \"titel\"")
                .containsPattern("broken\\.drl:7")
                .contains("missing.yaml")
                .contains("notes.txt")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void packDirectoryAndItsManifestAreRuleFiles() {
        String manifest = Cli.resource("rules/city-pack/pack.json");
        String dir = Cli.resource("rules/city-pack");
        Cli.Result r = Cli.run("validate", dir, manifest);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("OK " + dir + " (pack city-pack: 1 rule)");
    }
}
