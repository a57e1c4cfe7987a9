package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool reads decision tables wherever it reads a .drl file, and refuses mistakes in rules when they load: a
 * misspelt parameter at file:line, a broken table cell at file: Sheet!Cell. (Maven runs the tests in engine-cli.)
 */
class DecisionTablesCliTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final Path TABLES = SAMPLES.resolve("rules/agency-tables");

    @Test
    void theSampleTablesValidateAndEvaluateBesideTheBuiltInPacks() {
        Cli.Result validate = Cli.run("validate", TABLES.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).isEqualTo("OK " + TABLES + " (pack agency-tables: 5 rules)\n");
        assertThat(validate.err()).isEmpty();

        // alone, a table is a pack of its own that reads the parameters the pack.json beside it declares
        Cli.Result alone = Cli.run("validate", TABLES.resolve("regional-balance.csv").toString());
        assertThat(alone.exitCode()).as(alone.toString()).isZero();
        assertThat(alone.out()).isEqualTo("OK " + TABLES.resolve("regional-balance.csv")
                + " (pack regional-balance: 2 rules)\n");

        Cli.Result evaluate = Cli.run("evaluate", SAMPLES.resolve("scenarios/portfolios/regional-procurement.yaml")
                .toString(), "--rules", TABLES.toString(), "--format", "json");
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
        assertThat(evaluate.out()).contains("\"code\" : \"AGY_SME_SHARE_LARGE\"")
                .contains("\"code\" : \"AGY_COUNTRY_CAPTURE\"");
        // reading the workbook leaves nothing on stderr (POI's logging is routed to the tool's silent logger)
        assertThat(evaluate.err()).isEmpty();
    }

    @Test
    void aMisspeltParameterInACopyOfTheAgencyPackIsRefusedAtItsLine(@TempDir Path dir) throws IOException {
        Path pack = copy(SAMPLES.resolve("rules/agency-example"), dir.resolve("agency-example"));
        Path drl = pack.resolve("agency.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        Files.writeString(drl, text.replaceFirst("ctx\\.param\\(\"agency\\.smeProcurementFrom\"\\)",
                "ctx.param(\"agency.smeProcurementFro\")"), StandardCharsets.UTF_8);
        int line = lineOf(drl, "agency.smeProcurementFro\"");

        Cli.Result r = Cli.run("validate", pack.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(drl + ":" + line + ": unknown parameter \"agency.smeProcurementFro\"; did you "
                + "mean \"agency.smeProcurementFrom\"? Correct the name, or declare the parameter in the pack's "
                + "pack.json under \"parameters\" with a \"default\" and a \"description\"; mission-eval rules lists the "
                + "parameters in force.\n");
    }

    @Test
    void aBrokenCellOfTheSampleCsvTableIsRefusedNamingTheFileAndTheCell(@TempDir Path dir) throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path csv = pack.resolve("regional-balance.csv");
        Files.writeString(csv, Files.readString(csv, StandardCharsets.UTF_8).replace(",AGY_COUNTRY_CAPTURE,CRITICAL,",
                ",AGY_COUNTRY_CAPTURE,CRITICL,"), StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("validate", pack.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(csv + ": C12: rule \"One member state holds most of the money\": unknown "
                + "severity \"CRITICL\". Did you mean \"CRITICAL\"?\n");
    }

    @Test
    void aBlankRowAmongTheRulesOfATableIsRefusedByValidateAndEvaluate(@TempDir Path dir) throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path csv = pack.resolve("regional-balance.csv");
        Files.writeString(csv, Files.readString(csv, StandardCharsets.UTF_8).replace("\nOne member state holds most",
                "\n\nOne member state holds most"), StandardCharsets.UTF_8);
        String refused = csv + ": A12: a blank row ends the RuleTable \"Regional balance\" here; the rows below it "
                + "(A13...) would not be rules. Remove the blank row, or start a new RuleTable above them.\n";

        Cli.Result validate = Cli.run("validate", pack.toString());
        Cli.Result evaluate = Cli.run("evaluate", SAMPLES.resolve("scenarios/portfolios/regional-procurement.yaml")
                .toString(), "--rules", pack.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.out()).isEmpty();
        assertThat(validate.err()).isEqualTo(refused);
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isEqualTo(2);
        assertThat(evaluate.err()).isEqualTo(refused);
    }

    @Test
    void anEmptyFindingCodeCellIsRefusedByValidateNotWhenTheRuleFires(@TempDir Path dir) throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path csv = pack.resolve("regional-balance.csv");
        Files.writeString(csv, Files.readString(csv, StandardCharsets.UTF_8).replace(",AGY_COUNTRY_CAPTURE,", ",,"),
                StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("validate", pack.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(csv + ": B12: rule \"One member state holds most of the money\": the finding "
                + "code is empty. Write the code of the finding the rule reports, as B11 (AGY_COUNTRY_CONCENTRATION) "
                + "does.\n");
    }

    @Test
    void aMessageWithALonePercentSignIsRefusedByValidateNotWhenTheRuleFires(@TempDir Path dir) throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path csv = pack.resolve("regional-balance.csv");
        Files.writeString(csv, Files.readString(csv, StandardCharsets.UTF_8).replace("to one member state.\"",
                "to one member state: 100%\""), StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("validate", pack.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(csv + ": G11: rule \"One member state holds a large share\": the message has a "
                + "\"%\" that starts no value: \"...member state: 100%\". Write %% for a percent sign.\n");
    }

    @Test
    void aMessageGivenAValueOfAnotherKindEndsEvaluateAtTheTablesCell(@TempDir Path dir) throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path csv = pack.resolve("regional-balance.csv");
        Files.writeString(csv, Files.readString(csv, StandardCharsets.UTF_8).replace("more than the %.0f%% at which",
                "more than the %d%% at which"), StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("evaluate", SAMPLES.resolve("scenarios/portfolios/regional-procurement.yaml").toString(),
                "--rules", pack.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith(csv + ": G12: rule \"One member state holds most of the money\" on mission "
                + "\"national-grid\": failed: its message formats a Double with %d (facts: ")
                .endsWith("In the message, write %d for a whole number (Integer, Long), %.1f or %,.0f for a decimal "
                        + "number (Double), %s for text.\n");
    }

    @Test
    void aDefaultThatIsNotANumberInPackJsonIsRefusedByValidateNotWhileMatching(@TempDir Path dir) throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path manifest = pack.resolve("pack.json");
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8).replace(
                "\"agency.maxCountryShare\": {\"default\": 0.2,", "\"agency.maxCountryShare\": {\"default\": \"fifty\","),
                StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("validate", pack.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(manifest + ": parameters.agency.maxCountryShare: the default \"fifty\" is not a "
                + "number, but the rules read it as one (" + pack.resolve("regional-balance.csv") + ": F11). Write a "
                + "plain number, e.g. \"default\": 0.5.\n");
    }

    @Test
    void aCsvTableSavedAsExcelsCsvUtf8ValidatesAndOneSeparatedBySemicolonsIsRefused(@TempDir Path dir)
            throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path csv = pack.resolve("regional-balance.csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        Files.writeString(csv, "\uFEFF" + text, StandardCharsets.UTF_8);

        Cli.Result bom = Cli.run("validate", pack.toString());

        assertThat(bom.exitCode()).as(bom.toString()).isZero();
        assertThat(bom.out()).isEqualTo("OK " + pack + " (pack agency-tables: 5 rules)\n");

        // as Excel saves CSV where the list separator is a semicolon: every separating comma one
        StringBuilder semicolonText = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            quoted ^= c == '"';
            semicolonText.append(c == ',' && !quoted ? ';' : c);
        }
        Files.writeString(csv, semicolonText, StandardCharsets.UTF_8);
        Cli.Result semicolons = Cli.run("validate", pack.toString());

        assertThat(semicolons.exitCode()).as(semicolons.toString()).isEqualTo(2);
        assertThat(semicolons.err()).isEqualTo(csv + ": A1: the file seems to be separated by semicolons, not commas. "
                + "Save it as comma-separated CSV in UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\").\n");
    }

    @Test
    void aCsvTableSavedInWindows1252IsRefusedAtItsFirstByteThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path pack = copy(TABLES, dir.resolve("agency-tables"));
        Path csv = pack.resolve("regional-balance.csv");
        Files.write(csv, Files.readString(csv, StandardCharsets.UTF_8).replace("One member state holds a large share",
                "Un État membre détient une large part").getBytes("windows-1252"));
        String refusal = csv + ":11:4: the file is not UTF-8 (byte 0xC9, \"É\" in Latin-1 or Windows-1252). Save it "
                + "as comma-separated CSV in UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\").\n";

        Cli.Result validate = Cli.run("validate", pack.toString());
        Cli.Result evaluate = Cli.run("evaluate", SAMPLES.resolve("missions/barbados.json").toString(), "--rules",
                pack.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.err()).isEqualTo(refusal);
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isEqualTo(2);
        assertThat(evaluate.err()).isEqualTo(refusal);
    }

    @Test
    void showDrlPrintsWhatATableBecomes() {
        Cli.Result r = Cli.run("rules", "--show-drl", TABLES.resolve("regional-balance.csv").toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("package agency.tables;\n")
                .contains("// rule values at A11, header at A6\nrule \"One member state holds a large share\"\n"
                        + "\t@code(\"AGY_COUNTRY_CONCENTRATION\")\n")
                .contains("ctx.param(\"agency.captureCountryShare\")");
        assertThat(r.err()).isEmpty();

        Cli.Result missing = Cli.run("rules", "--show-drl", "no-such-table.xlsx");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("no-such-table.xlsx: no such file. --show-drl takes a rule file: a "
                + "decision table (.xlsx, .csv) or a .drl file.\n");

        Cli.Result directory = Cli.run("rules", "--show-drl", TABLES.toString());
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).isEqualTo(TABLES + ": is a directory, not a rule file. --show-drl takes one rule "
                + "file: a decision table (.xlsx, .csv) or a .drl file; this directory holds procurement-bands.xlsx, "
                + "regional-balance.csv.\n");
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
        return to;
    }
}
