package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @Test
    void validFilesPrintOk() {
        String portfolio = Cli.resource("portfolios/two-missions.json");
        String yaml = Cli.resource("portfolios/small.yaml");
        String rules = Cli.resource("rules/agency.drl");
        Cli.Result r = Cli.run("validate", portfolio, yaml, rules);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("OK " + portfolio).contains("OK " + yaml).contains("OK " + rules)
                .doesNotContain("checked without");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everyErrorIsReportedAtOnceWithItsLocation() {
        String good = Cli.resource("portfolios/two-missions.json");
        Cli.Result r = Cli.run("validate", Cli.resource("portfolios/unknown-field.json"),
                Cli.resource("rules/broken.drl"), good, "missing.yaml", "notes.txt");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        // the good portfolio was checked, but not against the broken rule file: its OK says so
        assertThat(r.out()).contains("OK " + good + " (2 missions, ").contains("; checked without the rule files that "
                + "have mistakes)");
        assertThat(r.err())
                .contains("unknown-field.json: missions[1].titel: unknown field \"titel\"")
                .containsPattern("broken\\.drl:7")
                .contains("missing.yaml")
                .contains("notes.txt")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aFileOfManyWrongReferencesIsRefusedWithTheFirstHundredProblems(@TempDir Path dir) throws IOException {
        // 150 projects naming actors that the file does not declare (as after renaming the actors' ids)
        StringBuilder projects = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            projects.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\",\"recipient\":\"actor-")
                    .append(i).append("\"}");
        }
        Path file = Files.writeString(dir.resolve("renamed.json"), "{\"format\":\"mission-portfolio/1\","
                + "\"actors\":[{\"id\":\"a1\",\"name\":\"A\",\"type\":\"SME\"}],"
                + "\"missions\":[{\"id\":\"m\",\"title\":\"M\",\"projects\":[" + projects + "]}]}");

        Cli.Result r = Cli.run("validate", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines().filter(line -> line.startsWith(file + ": missions[0].projects["))).hasSize(100);
        assertThat(r.err()).contains(file + ": missions[0].projects[0].recipient: unknown actor \"actor-0\"")
                .contains(file + ": missions[0].projects[99].recipient: unknown actor \"actor-99\"")
                .doesNotContain("projects[100]")
                .contains("... and 50 more problems (150 in all): fix those above first, as one mistake is often "
                        + "repeated.");
    }

    @Test
    void packDirectoryAndItsManifestAreRuleFiles() {
        String manifest = Cli.resource("rules/city-pack/pack.json");
        String dir = Cli.resource("rules/city-pack");
        Cli.Result r = Cli.run("validate", dir, manifest);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("OK " + dir + " (pack city-pack: 1 rule)");
    }

    @Test
    void aFileOutsideTheAllowListValidatesOnlyWhenTrusted(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("clock.drl"), """
                package agency.clock;

                import org.missionengine.model.*;

                rule "Stamp"
                when
                    Mission( id == "no such mission" )
                then
                    System.exit(0);
                end
                """);
        String portfolio = Cli.resource("portfolios/two-missions.json");

        Cli.Result plain = Cli.run("validate", rules.toString());
        Cli.Result trusted = Cli.run("validate", "--trust-rules", rules.toString(), portfolio);

        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(2);
        assertThat(plain.err()).contains(rules + ":9: System.exit is not allowed").contains("--trust-rules " + rules);
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(trusted.out()).contains("OK " + rules + " (pack clock: 1 rule; trusted)").contains("OK " + portfolio);

        Cli.Result alone = Cli.run("validate", "--trust-rules", rules.toString());
        assertThat(alone.exitCode()).as(alone.toString()).isZero();
        assertThat(alone.out()).contains("OK " + rules + " (pack clock: 1 rule; trusted)");
    }

    @Test
    void rulesMayBeGivenWithTheRulesOptionAsEvaluateTakesThem() {
        String tables = "../samples/rules/agency-tables";
        String manifest = Cli.resource("rules/city-pack/pack.json");
        String portfolio = Cli.resource("portfolios/two-missions.json");

        Cli.Result r = Cli.run("validate", "--rules", tables, "--rules", manifest, portfolio);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("OK " + tables + " (pack agency-tables: 5 rules)\n"
                + "OK " + Cli.resource("rules/city-pack") + " (pack city-pack: 1 rule)\n"
                + "OK " + portfolio + " (2 missions, 4 projects)\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theRulesOptionTakesRuleFilesOnly() {
        String portfolio = Cli.resource("portfolios/two-missions.json");
        Cli.Result r = Cli.run("validate", "--rules", portfolio, "--rules", "no-such-pack");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(portfolio + ": not a rule file or pack directory. --rules takes rule files (.drl, "
                + ".xlsx, .csv) and pack directories; pass portfolio files as plain arguments.\n"
                + "no-such-pack: no such file or directory. --rules takes rule files (.drl, .xlsx, .csv) and pack "
                + "directories; pass portfolio files as plain arguments.\n");
    }

    @Test
    void nothingToValidateIsAUserMistake() {
        Cli.Result r = Cli.run("validate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'PATH'").contains("--rules PATH")
                .contains("--trust-rules PATH").doesNotContain("\tat ");
    }

    @Test
    void trustRulesTakesRuleFilesOnly() {
        String portfolio = Cli.resource("portfolios/two-missions.json");
        Cli.Result r = Cli.run("validate", "--trust-rules", portfolio, portfolio);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(portfolio + ": not a rule file or pack directory")
                .contains("--trust-rules takes rule files");
    }
}
