package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTFOLIO = Cli.resource("portfolios/two-missions.json");

    @Test
    void textReportShowsMissionsCriteriaFindingsAndSummary() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("as of 2026-06-30")
                .contains("Climate-neutral city by 2030 (climate-neutral)")
                .contains("Green homes programme (green-homes)")
                .contains("Rating", "Washing risk")
                .contains("BOLD", "MEASURABLE", "AMBITIOUS_REALISTIC", "CROSS_CUTTING", "BOTTOM_UP")
                .contains("CRITICAL", "- MW_NO_NEW_MONEY", "- GOV_NO_MISSION_BOARD", "- MW_NO_PARTICIPATION")
                .contains("evidence: ")
                .contains("Portfolio")
                .containsPattern("Summary: 2 missions .*; findings: \\d+ critical, \\d+ warning, \\d+ info");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonReportIsAMissionReportDocument() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("format").asText()).isEqualTo("mission-report/1");
        assertThat(report.path("asOf").asText()).isEqualTo("2026-06-30");
        assertThat(report.path("engine").path("rulePacks").isArray()).isTrue();
        assertThat(report.path("missions").isArray()).isTrue();
        assertThat(report.path("missions")).hasSize(2);
        JsonNode weak = mission(report, "green-homes");
        assertThat(codes(weak)).contains("MW_NO_NEW_MONEY", "GOV_NO_MISSION_BOARD", "MW_NO_PARTICIPATION");
        assertThat(weak.path("criteria").has("BOLD")).isTrue();
        assertThat(weak.path("rating").asText()).isNotEmpty();
        JsonNode finding = weak.path("findings").get(0);
        for (String field : List.of("code", "severity", "category", "subject", "message", "rule", "pack")) {
            assertThat(finding.has(field)).as(field).isTrue();
        }
    }

    @Test
    void theJsonReportRecordsTheOptionsThePacksByHashAndNoAbsolutePathOfARuleFile(@TempDir Path dir)
            throws Exception {
        Path rules = Path.of(Cli.resource("rules/agency.drl")).toAbsolutePath();
        String[] args = {"evaluate", PORTFOLIO, "--format", "json", "--rules", rules.toString(),
                "--param", "rating.strong=0.9", "--disable", "MW_NO_PARTICIPATION",
                "--severity", "GOV_NO_MISSION_BOARD=CRITICAL", "--threads", "1", "--max-firings", "5000"};
        Cli.Result r = Cli.run(args);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain(rules.getParent().toString());
        JsonNode engine = JSON.readTree(r.out()).path("engine");
        JsonNode strong = byField(engine.path("parameters"), "name", "rating.strong");
        assertThat(strong.toString()).isEqualTo("{\"name\":\"rating.strong\",\"value\":0.9,\"source\":\"OPTION\","
                + "\"pack\":\"rating\",\"default\":0.8}");
        assertThat(byField(engine.path("parameters"), "name", "rating.promising").path("source").asText())
                .isEqualTo("DEFAULT");
        assertThat(engine.path("disabled").toString()).isEqualTo("[{\"given\":\"MW_NO_PARTICIPATION\",\"rules\":"
                + "[{\"pack\":\"washing\",\"rule\":\"No participation mechanism\",\"code\":\"MW_NO_PARTICIPATION\"}]}]");
        assertThat(engine.path("severityOverrides").toString()).isEqualTo("[{\"code\":\"GOV_NO_MISSION_BOARD\","
                + "\"severity\":\"CRITICAL\",\"declared\":\"WARNING\"}]");
        assertThat(engine.path("limits").toString()).isEqualTo("{\"threads\":1,\"timeout\":\"PT10S\","
                + "\"maxFirings\":5000}");
        JsonNode agency = byField(engine.path("packs"), "id", "agency");
        assertThat(agency.path("source").asText()).isEqualTo("agency.drl");
        assertThat(agency.path("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(engine.path("packs")).allSatisfy(p -> assertThat(p.path("sha256").asText()).hasSize(64));
        assertThat(engine.path("java").asText()).isEqualTo(System.getProperty("java.vendor") + " "
                + Runtime.version());

        // streamed to a file (another path through the code): the same bytes, and the same again on a second run
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        assertThat(Cli.run(concat(args, "--output", first.toString())).exitCode()).isZero();
        assertThat(Cli.run(concat(args, "--output", second.toString())).exitCode()).isZero();
        assertThat(Files.readString(first)).isEqualTo(r.out());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void severalFilesInJsonGiveAnArrayOfDocuments() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, Cli.resource("portfolios/small.yaml"), "--format=json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode array = JSON.readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0).path("format").asText()).isEqualTo("mission-report/1");
        assertThat(array.get(0).path("file").asText()).endsWith("two-missions.json");
        assertThat(array.get(1).path("missions").get(0).path("id").asText()).isEqualTo("lonely");
    }

    @Test
    void severalFilesInTextFollowOneAnother() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, Cli.resource("portfolios/small.yaml"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("two-missions.json", "small.yaml", "as of 2026-01-01");
        assertThat(r.out().split("Summary: ", -1)).hasSize(3);
    }

    @Test
    void disableRemovesAFindingCode() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--disable", "MW_NO_PARTICIPATION");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(codes(mission(report, "green-homes"))).doesNotContain("MW_NO_PARTICIPATION")
                .contains("MW_NO_NEW_MONEY");
    }

    @Test
    void severityOverrideChangesTheReportedSeverity() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--severity", "MW_NO_PARTICIPATION=critical");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode weak = mission(JSON.readTree(r.out()), "green-homes");
        assertThat(weak.path("findings").findParents("code").stream()
                .filter(f -> f.path("code").asText().equals("MW_NO_PARTICIPATION"))
                .map(f -> f.path("severity").asText())).containsOnly("CRITICAL");
    }

    @Test
    void asOfOverridesThePortfolioDate() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--as-of", "2025-01-31");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(r.out()).path("asOf").asText()).isEqualTo("2025-01-31");
    }

    @Test
    void failOnCriticalExitsWithOneWhenACriticalFindingExists() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--fail-on", "CRITICAL");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("MW_NO_NEW_MONEY");
        assertThat(r.err()).contains("at or above CRITICAL");
    }

    @Test
    void failOnIsNotTriggeredWithoutSuchFindings() {
        Cli.Result r = Cli.run("evaluate", Cli.resource("portfolios/strong.json"), "--fail-on", "critical");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Rating        STRONG");
    }

    @Test
    void unknownCodeToDisableIsAUserMistake() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--disable", "MW_NO_PARTICIPATON");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("MW_NO_PARTICIPATON").doesNotContain("\tat ");
    }

    /** The engine is built while the files are read: the mistakes of both come in one message, the rules' first. */
    @Test
    void aBrokenRuleFileAndABrokenPortfolioAreReportedTogetherRulesFirst(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("agency.drl");
        Files.writeString(rules, "package agency;\n\nrule \"Broken\"\nwhen\n    Mission( titel == \"x\" )\nthen\nend\n");
        Path portfolio = dir.resolve("portfolio.json");
        Files.writeString(portfolio, Files.readString(Path.of(PORTFOLIO)).replaceFirst("\"title\"", "\"titel\""));

        Cli.Result r = Cli.run("evaluate", portfolio.toString(), "--rules", rules.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\tat ");
        int ruleMistake = r.err().indexOf(rules + ":5");
        int fileMistake = r.err().indexOf(portfolio + ": missions[0].titel: unknown field \"titel\"");
        assertThat(ruleMistake).as(r.err()).isNotNegative();
        assertThat(fileMistake).as(r.err()).isGreaterThan(ruleMistake);
    }

    @Test
    void outputWritesTheReportToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/report.json");
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--output", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(JSON.readTree(Files.readString(file)).path("format").asText()).isEqualTo("mission-report/1");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void aJsonReportWrittenToAFileIsStreamedAndEqualsTheOneOnStdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Cli.Result toFile = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--output", file.toString(),
                "--fail-on", "critical");
        Cli.Result toStdout = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--fail-on", "critical");

        assertThat(toFile.exitCode()).as(toFile.toString()).isEqualTo(1);
        assertThat(toStdout.exitCode()).as(toStdout.toString()).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo(toStdout.out());
        assertThat(toFile.err()).isEqualTo("Wrote " + file + "\n" + toStdout.err());
    }

    @Test
    void aStreamedReportThatFailsLeavesTheEarlierFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "earlier\n");
        Path rules = dir.resolve("failing.drl");
        Files.writeString(rules, """
                package agency.failing;
                import org.missionengine.model.*;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Fails on green homes"
                when
                    $m : Mission( id == "green-homes" )
                then
                    throw new IllegalStateException("no data for " + $m.id());
                end
                """);
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--output", file.toString(),
                "--rules", rules.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("failing.drl", "Fails on green homes", "mission \"green-homes\"")
                .doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo("earlier\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json",
                    "failing.drl");
        }
    }

    @Test
    void unknownOptionIsAUserMistake() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--frobnicate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badFormatIsAUserMistake() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "pdf");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--format").contains("text, json, markdown, html");
    }

    @Test
    void badDateIsAUserMistake() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--as-of", "31/12/2030");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--as-of").contains("31/12/2030").contains("2030-12-31");
    }

    @Test
    void paramWithoutEqualsSignIsAUserMistakeNamingTheOption() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--param", "crossCutting.minSectors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--param").doesNotContain("\tat ");
    }

    @Test
    void unknownParameterIsAUserMistake() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--param", "crossCutting.minSectorz=4");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("crossCutting.minSectorz").doesNotContain("\tat ");
    }

    @Test
    void ratingThresholdsThatContradictEachOtherAreRefusedNamingBothValuesAndWhereTheyCameFrom(@TempDir Path dir)
            throws Exception {
        Cli.Result option = Cli.run("evaluate", PORTFOLIO, "--param", "rating.strong=0.5");

        assertThat(option.exitCode()).as(option.toString()).isEqualTo(2);
        assertThat(option.err().strip()).isEqualTo("--param rating.strong: rating.strong (0.5, set with --param) must "
                + "be at least rating.promising (0.6, the default of pack rating): a score between them would be rated "
                + "both STRONG and WEAK. Raise rating.strong to 0.6 or more, or lower rating.promising to 0.5 or less.");

        Path portfolio = Files.writeString(dir.resolve("lenient.json"), Files.readString(Path.of(PORTFOLIO))
                .replaceFirst("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"parameters\": {\"rating.promising\": 0.9},"));
        Cli.Result file = Cli.run("evaluate", portfolio.toString());

        assertThat(file.exitCode()).as(file.toString()).isEqualTo(2);
        assertThat(file.err().strip()).isEqualTo(portfolio + ": parameters.rating.promising: rating.strong (0.8, the "
                + "default of pack rating) must be at least rating.promising (0.9, set in the portfolio's parameters): a "
                + "score between them would be rated both STRONG and WEAK. Raise rating.strong to 0.9 or more, or lower "
                + "rating.promising to 0.8 or less.");
    }

    @Test
    void parameterOverrideChangesAThreshold() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--param", "crossCutting.minSectors=4");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(codes(mission(JSON.readTree(r.out()), "climate-neutral"))).contains("CRIT_NARROW_SECTORS");
    }

    @Test
    void unknownFieldInPortfolioNamesTheFileAndThePath() {
        Cli.Result r = Cli.run("evaluate", Cli.resource("portfolios/unknown-field.json"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown-field.json").contains("missions[1].titel").contains("title")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void everyBrokenFileIsReportedAtOnce() {
        Cli.Result r = Cli.run("evaluate", Cli.resource("portfolios/unknown-field.json"), "no-such-file.json",
                "--rules", Cli.resource("rules/broken.drl"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown-field.json").contains("no-such-file.json").contains("broken.drl:7");
    }

    @Test
    void ruleFileWithASyntaxErrorNamesFileAndLine() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--rules", Cli.resource("rules/broken.drl"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("broken\\.drl:\\d+").doesNotContain("\tat ");
    }

    @Test
    void aRuleThatFailsWhileItRunsIsNamedAtItsFileAndLineInOneMessage(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("per-project.drl"), """
                package agency.perproject;
                import org.missionengine.model.*;

                rule "Budget per project"
                when
                    $m : Mission( id == "green-homes" )
                then
                    Double none = null;
                    double perProject = $m.projects().size() / none;
                end
                """);

        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--rules", rules.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith(rules + ":4: rule \"Budget per project\" on mission \"green-homes\": failed: ")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void customRuleFileAddsFindings() throws Exception {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--rules", Cli.resource("rules/agency.drl"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(codes(mission(report, "climate-neutral"))).contains("AGENCY_CITY_OWNED");
        assertThat(codes(mission(report, "green-homes"))).contains("AGENCY_CITY_OWNED");
    }

    @Test
    void packDirectoryWithParametersCanBeTuned() throws Exception {
        String pack = Cli.resource("rules/city-pack");
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--rules", pack);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(codes(mission(JSON.readTree(r.out()), "green-homes"))).contains("CITY_BIG_PUBLIC_ONLY");

        Cli.Result raised = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--rules", pack,
                "--param", "city.bigProjectFrom=5000000");
        assertThat(raised.exitCode()).as(raised.toString()).isZero();
        assertThat(codes(mission(JSON.readTree(raised.out()), "green-homes"))).doesNotContain("CITY_BIG_PUBLIC_ONLY");
    }

    @Test
    void outputToADirectoryIsAUserMistake(@TempDir Path dir) {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--output", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(dir.toString()).contains("is a directory");
    }

    @Test
    void outputEndingInASeparatorNamesADirectoryEvenWhenItDoesNotExist(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("reports");
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--output", missing + "/");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'" + missing + "/' names a directory").contains(missing + "/report.txt");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty(); // no file named "reports" either
        }
    }

    @Test
    void anEmptyOutputNameIsAUserMistake() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--output", "");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--output': an empty file name")
                .contains("e.g. report.txt");
    }

    @Test
    void noSubcommandIsAUserMistake() {
        Cli.Result r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("evaluate");
    }

    @Test
    void helpExplainsSeveralFiles() {
        Cli.Result r = Cli.run("evaluate", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--fail-on", "--as-of", "--rules", "--disable", "--param", "--severity",
                "--output", "JSON array");
    }

    private static JsonNode mission(JsonNode report, String id) {
        for (JsonNode m : report.path("missions")) {
            if (m.path("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no mission " + id + " in " + report);
    }

    private static List<String> codes(JsonNode mission) {
        List<String> codes = new ArrayList<>();
        mission.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }
}
