package org.missionengine.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
    static final Path DIR = Path.of("src/test/resources/scenarios");
    static ScenarioResults results;

    @BeforeAll
    static void runEveryScenarioOnce() {
        results = ScenarioRunner.create().run(DIR.resolve("passing"), DIR.resolve("failing"), DIR.resolve("malformed"));
    }

    static List<String> failures(String file) {
        return results.failures().stream().filter(f -> f.file().endsWith(Path.of(file)))
                .map(ScenarioFailure::describe).toList();
    }

    static String at(String file, int line) {
        return DIR.resolve(file) + ":" + line + ": ";
    }

    @Test
    void passingScenariosPassAndPortfolioFilesAreNotTakenForScenarios() {
        assertThat(results.files()).extracting(p -> DIR.relativize(p).toString().replace('\\', '/')).containsExactly(
                "passing/agency-threshold.yaml", "passing/rebranded.json", "passing/small-budget.yaml",
                "passing/strong-mission.yaml",
                "failing/bad-parameter.yaml", "failing/disabled.yaml", "failing/typo.json",
                "failing/wrong-expectations.yaml",
                "malformed/fields.yaml", "malformed/inline-portfolio.yaml", "malformed/no-format.yaml",
                "malformed/nothing-expected.json", "malformed/syntax.json");
        List<ScenarioCheck> passing = results.checks().stream()
                .filter(c -> c.file().startsWith(DIR.resolve("passing"))).toList();
        assertThat(passing).extracting(ScenarioCheck::name).containsExactly(
                "The agency's own rule and thresholds/m1", "The agency's own rule and thresholds/portfolio",
                "Relabelled programmes make mission washing/m1", "A small budget is flagged by the agency/tiny",
                "A strong mission passes every check/m1");
        assertThat(passing).allMatch(ScenarioCheck::passed);
        assertThat(results.summary()).isEqualTo("5 passed, 10 failed");
        assertThat(results.successful()).isFalse();
    }

    @Test
    void aFailingScenarioSaysWhatWasExpectedAndWhatWasFound() {
        String f = "failing/wrong-expectations.yaml";
        String s = "Expectations that do not hold/";
        List<String> lines = failures(f);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo(at(f, 7) + s + "m1: expected finding MW_REBRANDED, found [TRJ_ON_TRACK]");
        assertThat(lines.get(1)).startsWith(at(f, 8) + s + "m1: expected finding TRJ_ON_TRACK with gapClosure = 0.5, "
                + "found gapClosure = 0.28 (evidence {").contains("projectedClosure=1.12");
        assertThat(lines.get(2)).startsWith(at(f, 10) + s + "m1: expected no finding TRJ_ON_TRACK, found it on "
                + "m1-emissions: \"Target m1-emissions is on track").contains("gapClosure=0.28");
        assertThat(lines.subList(3, 7)).containsExactly(
                at(f, 11) + s + "m1: expected rating WEAK, found STRONG (score 1, washing risk 0, criteria {BOLD 1, MEASURABLE 1, "
                        + "AMBITIOUS_REALISTIC 1, CROSS_CUTTING 1, BOTTOM_UP 1})",
                at(f, 13) + s + "m1: expected target m1-emissions AT_RISK, found ON_TRACK (gap closure 0.28, projected "
                        + "closure 1.121)",
                at(f, 15) + s + "m1: expected criterion BOLD 0.5, found 1",
                at(f, 16) + s + "m9: expected mission \"m9\", found no such mission (missions: [m1]); did you mean \"m1\"?");
        ScenarioFailure rating = results.failures().stream().filter(x -> x.message().contains("rating WEAK")).findFirst()
                .orElseThrow();
        assertThat(rating.expected()).hasToString("WEAK");
        assertThat(rating.actual()).hasToString("STRONG");
    }

    @Test
    void aCodeNoRuleEmitsFailsWithTheClosestCode() {
        String f = "failing/typo.json";
        assertThat(failures(f)).hasSize(2);
        assertThat(failures(f).get(0)).isEqualTo(at(f, 7) + "A typo in a code/m1: no rule emits code \"MW_REBRANDD\" "
                + "(did you mean \"MW_REBRANDED\"?)");
        assertThat(failures(f).get(1)).startsWith(at(f, 8) + "A typo in a code/m1: no rule emits code "
                + "\"NOT_A_CODE_AT_ALL\"; known codes: CRIT_").contains("MW_REBRANDED, ");
    }

    @Test
    void aDisabledCodeIsTriviallyAbsentButCannotBeExpected() {
        String f = "failing/disabled.yaml";
        assertThat(failures(f)).containsExactly(at(f, 8) + "Expecting a finding the scenario disabled/m1: expected "
                + "finding GOV_NO_MISSION_BOARD, but the scenario disables the rule(s) that emit it");
    }

    @Test
    void anEngineConfigurationMistakePointsAtTheScenarioLine() {
        String f = "failing/bad-parameter.yaml";
        assertThat(failures(f)).containsExactly(at(f, 6) + "A mistyped parameter: disable \"MW_NO_PARTICIPATON\": no "
                + "finding code, rule name or pack id \"MW_NO_PARTICIPATON\". Did you mean \"MW_NO_PARTICIPATION\"? "
                + "List them with: mission-eval rules");
    }

    @Test
    void aMalformedScenarioIsAClearErrorWithItsLocation() {
        assertThat(failures("malformed/syntax.json")).singleElement().asString()
                .startsWith(at("malformed/syntax.json", 4) + "not valid JSON: Unexpected character ('\"' (code 34)): "
                        + "was expecting comma to separate Object entries (column 3).");
        String f = "malformed/fields.yaml";
        assertThat(failures(f)).containsExactly(
                at(f, 3) + "\"2026-13-01\" is not a date. Write dates as ISO-8601: 2026-06-30.",
                at(f, 7) + "unknown field \"findigns\". Did you mean \"findings\"?",
                at(f, 8) + "unknown rating \"STRONGG\". Did you mean \"STRONG\"? Allowed: STRONG, PROMISING, WEAK, "
                        + "MISSION_WASHING, INSUFFICIENT_EVIDENCE.",
                at(f, 10) + "unknown target status \"ONTRACK\". Did you mean \"ON_TRACK\"? Allowed: ACHIEVED, ON_TRACK, "
                        + "AT_RISK, OFF_TRACK, MISSED, NO_DATA.");
        assertThat(failures("malformed/inline-portfolio.yaml")).singleElement().asString()
                .startsWith(at("malformed/inline-portfolio.yaml", 10)
                        + "portfolio.missions[0].projects[0].recipient: unknown actor \"nobody\"");
        assertThat(failures("malformed/no-format.yaml")).singleElement().asString()
                .startsWith(at("malformed/no-format.yaml", 1) + "the \"format\" field is missing.");
        assertThat(failures("malformed/nothing-expected.json")).singleElement().asString()
                .startsWith(at("malformed/nothing-expected.json", 4) + "the scenario expects nothing.");
    }

    @Test
    void coverageCountsFiringsPerRuleAndListsTheRulesThatNeverFired() {
        RuleCoverage coverage = results.coverage();
        assertThat(coverage.rules()).filteredOn(r -> r.code().equals("AG_SMALL_BUDGET")).singleElement()
                .satisfies(r -> {
                    assertThat(r.pack()).isEqualTo("agency");
                    assertThat(r.rule()).isEqualTo("Budget under 50 million");
                    assertThat(r.firings()).isEqualTo(1);
                });
        assertThat(coverage.neverFired()).extracting(RuleCoverage.RuleUse::code)
                .contains("PROC_NO_MISSION_CRITERIA", "PORT_NO_SUNSET")
                .doesNotContain("MW_REBRANDED", "AG_SMALL_BUDGET");
        assertThat(coverage.ratio()).isEqualTo((double) coverage.fired() / coverage.total()).isBetween(0.3, 0.9);
        assertThat(coverage.meets(1.0)).isFalse();
        assertThat(coverage.byPack().keySet()).startsWith("criteria", "washing").contains("agency");
        String text = coverage.toText();
        assertThat(text).startsWith(coverage.summary() + "\n")
                .containsPattern("  agency: 1 of 1\n +1x  AG_SMALL_BUDGET +Budget under 50 million\n")
                .containsPattern(" never  PROC_NO_MISSION_CRITERIA +Procurement without mission criteria\n");
        assertThat(coverage.summary()).matches("Rule coverage: \\d+ of \\d+ rules fired \\(\\d+\\.\\d%\\)");
        assertThat(coverage.neverFiredText()).contains("never fired:\n", "    procurement  PROC_NO_MISSION_CRITERIA  "
                + "\"Procurement without mission criteria\"\n");
    }

    @Test
    void missingPathsAndEmptyDirectoriesFailInsteadOfPassingWithNothingTested(@TempDir Path empty) {
        ScenarioResults none = ScenarioRunner.create().run(empty, empty.resolve("nope"));
        assertThat(none.successful()).isFalse();
        assertThat(none.failures()).extracting(ScenarioFailure::message).containsExactly(
                "no scenario files in this directory. A scenario is a .json, .yaml or .yml file with \"format\": "
                        + "\"mission-scenario/1\". See docs/testing-policies.md.",
                "no such file or directory. Check the path (relative paths start from "
                        + Path.of("").toAbsolutePath() + ").");
        assertThat(none.summary()).isEqualTo("0 passed, 2 failed");
    }

    @Test
    void aMistypedParameterIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Path portfolio = Files.copy(DIR.resolve("passing/portfolios/strong.json"), dir.resolve("strong.json"));
        Path scenario = Files.writeString(dir.resolve("threshold.yaml"), """
                format: mission-scenario/1
                portfolio: strong.json
                parameters:
                  crossCutting.minSectors: 4
                  washing.rebrandedShar: 0.4
                expect:
                  m1: {rating: STRONG}
                """);
        ScenarioResults run = ScenarioRunner.create().run(List.of(scenario));
        assertThat(run.failures()).extracting(ScenarioFailure::describe).containsExactly(scenario + ":5: threshold: "
                + "unknown parameter \"washing.rebrandedShar\". Did you mean \"washing.rebrandedShare\"? List the "
                + "parameters with: mission-eval rules");
        assertThat(portfolio).exists();
    }
}
