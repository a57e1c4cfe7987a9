package org.missionengine.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.catalog.RulePackInfo;
import org.missionengine.drools.spi.RuleSourceTranslator;
import org.missionengine.drools.spi.TranslatedRules;

/**
 * Decision tables go where a DRL file goes, one row a rule, and their mistakes are reported at the sheet and cell
 * that hold them. (Maven runs the tests in the module directory: the samples are one level up.)
 */
class DecisionTableTranslatorTest {
    private static final Path PACK = Path.of("../samples/rules/agency-tables");
    private static final String PARAMETER_HINT = "Correct the name, or declare the parameter in the pack's pack.json "
            + "under \"parameters\" with a \"default\" and a \"description\"; mission-eval rules lists the parameters "
            + "in force.";

    @Test
    void theTranslatorIsFoundByTheEngineForSpreadsheetsAndCsv() {
        assertThat(RuleSourceTranslator.forFile(Path.of("rules/bands.xlsx"))).get()
                .isInstanceOf(DecisionTableTranslator.class);
        assertThat(RuleSourceTranslator.forFile(Path.of("rules/regional.CSV"))).isPresent();
        assertThat(RuleSourceTranslator.forFile(Path.of("rules/agency.drl"))).isEmpty();
    }

    @Test
    void theSamplePackLoadsEachRowAsARuleWithItsMetadata() {
        MissionEngine engine = MissionEngine.builder().rules(PACK).build();

        RulePackInfo pack = engine.catalog().packs().stream().filter(p -> p.id().equals("agency-tables")).findFirst()
                .orElseThrow();
        assertThat(pack.rules()).extracting(RuleInfo::name, RuleInfo::code, r -> r.severity().name(),
                RuleInfo::category).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("SME share of small contracts", "AGY_SME_SHARE_SMALL", "WARNING",
                        "PROCUREMENT"),
                org.assertj.core.groups.Tuple.tuple("SME share of medium contracts", "AGY_SME_SHARE_MEDIUM", "WARNING",
                        "PROCUREMENT"),
                org.assertj.core.groups.Tuple.tuple("SME share of large contracts", "AGY_SME_SHARE_LARGE", "INFO",
                        "PROCUREMENT"),
                org.assertj.core.groups.Tuple.tuple("One member state holds a large share", "AGY_COUNTRY_CONCENTRATION",
                        "WARNING", "REGIONAL"),
                org.assertj.core.groups.Tuple.tuple("One member state holds most of the money", "AGY_COUNTRY_CAPTURE",
                        "CRITICAL", "REGIONAL"));
        assertThat(pack.parameters()).extracting(p -> p.name()).contains("agency.maxCountryShare",
                "agency.band.small.minSmeShare");
    }

    @Test
    void eachLineOfTheGeneratedDrlLeadsBackToItsCell() {
        Path table = PACK.resolve("procurement-bands.xlsx");
        TranslatedRules rules = new DecisionTableTranslator().translate(table, "procurement-bands.xlsx");
        List<String> lines = List.of(rules.drl().split("\n", -1));

        assertThat(rules.drl()).startsWith("package agency.tables;");
        int code = lines.indexOf("\t@code(\"AGY_SME_SHARE_MEDIUM\")") + 1;
        assertThat(rules.locator().locate(code, "")).isEqualTo("Rules!B12");
        int from = lines.indexOf("\t\t$from : Double() from ctx.param(\"agency.band.medium.from\")") + 1;
        assertThat(rules.locator().locate(from, "agency.band.medium.from")).isEqualTo("Rules!F12");
        // a line of the header's snippet, about a name only the snippet holds
        int band = indexOfLineContaining(lines, "$band : sum( $f )", from);
        assertThat(rules.locator().locate(band, "count")).isEqualTo("Rules!H9");
        assertThat(rules.locator().locate(1, "")).isEqualTo("Rules!B1");
    }

    @Test
    void aLineOfAHeaderSnippetThatHappensToHoldARowsValueIsTheSnippetsNotTheRowsCell() {
        // the snippet's "instrument == Instrument.PROCUREMENT" holds the category cell's value, PROCUREMENT
        Path table = PACK.resolve("procurement-bands.xlsx");
        TranslatedRules rules = new DecisionTableTranslator().translate(table, "procurement-bands.xlsx");
        List<String> lines = List.of(rules.drl().split("\n", -1));
        int category = indexOfLineContaining(lines, "@category(\"PROCUREMENT\")",
                lines.indexOf("\t@code(\"AGY_SME_SHARE_MEDIUM\")"));
        int accumulate = indexOfLineContaining(lines, "accumulate( Project( instrument == Instrument.PROCUREMENT",
                category);

        assertThat(rules.locator().locate(category, "")).isEqualTo("Rules!D12");
        assertThat(rules.locator().locate(accumulate, "")).isEqualTo("Rules!H9");
    }

    @Test
    void aMisspeltParameterInACsvCellIsRefusedAtThatCell(@TempDir Path dir) throws IOException {
        Path pack = copyOfPack(dir);
        replace(pack.resolve("regional-balance.csv"), ",agency.captureCountryShare,", ",agency.captureCountryShar,");

        assertThat(mistakes(pack)).containsExactly(pack.resolve("regional-balance.csv") + ": F12: unknown parameter "
                + "\"agency.captureCountryShar\"; did you mean \"agency.captureCountryShare\"? " + PARAMETER_HINT);
    }

    @Test
    void aMisspeltFieldInAHeaderSnippetIsRefusedAtTheSnippetsCell(@TempDir Path dir) throws IOException {
        Path pack = copyOfPack(dir);
        List<List<String>> rows = new ArrayList<>(SampleWorkbooks.PROCUREMENT);
        List<String> snippets = new ArrayList<>(rows.get(8));
        snippets.set(7, snippets.get(7).replace("$r : recipient", "$r : recipents"));
        rows.set(8, snippets);
        SampleWorkbooks.write(rows, "Rules", pack.resolve("procurement-bands.xlsx"));

        assertThat(mistakes(pack)).containsExactly(pack.resolve("procurement-bands.xlsx") + ": Rules!H9: Project has no "
                + "field or method \"recipents\" (in \"$r : recipents\"). Did you mean \"recipient\"? Project has: id, title, "
                + "instrument, recipient, sector, solution, openCall, publicFunding, privateFunding, start, end, status, "
                + "preexisting, contributesTo, conditionalities, cashflows, conditionalitiesRecorded, contributionsRecorded, "
                + "durationYears, fromOpenCall, fundingRecorded, hasBindingCondition, privateFundingRecorded, "
                + "recordedFunding.");
    }

    @Test
    void aSyntaxErrorInAHeaderSnippetIsRefusedOnceAtItsCellWithoutALineOfTheGeneratedDrl(@TempDir Path dir)
            throws IOException {
        Path pack = copyOfPack(dir);
        replace(pack.resolve("regional-balance.csv"), "$m : Mission( $total : publicFunding > 0 )",
                "$m : Mission( $total : publicFunding >> 0 ( )");

        assertThat(mistakes(pack)).containsExactly(pack.resolve("regional-balance.csv") + ": F9: no viable "
                + "alternative at input ')' in rule \"One member state holds a large share\". Check the DRL that the "
                + "column's snippet and the row's cells make together: mission-eval rules --show-drl FILE prints it; "
                + "docs/decision-tables.md describes the layout.");
    }

    @Test
    void aBindingToAMisspeltFieldInAHeaderSnippetIsOneMessage(@TempDir Path dir) throws IOException {
        Path pack = copyOfPack(dir);
        replace(pack.resolve("regional-balance.csv"), "$total : publicFunding > 0", "$total : publicFundin > 0");

        assertThat(mistakes(pack)).singleElement().asString().startsWith(pack.resolve("regional-balance.csv")
                + ": F9: Mission has no field or method \"publicFundin\" (in \"$total : publicFundin\"). Did you mean "
                + "\"publicFunding\"?");
    }

    @Test
    void whatTheAllowListRefusesIsReportedAtTheCellThatHoldsIt(@TempDir Path dir) throws IOException {
        Path pack = copyOfPack(dir);
        replace(pack.resolve("regional-balance.csv"), "ctx.report(drools,", "System.exit(1); ctx.report(drools,");

        assertThat(mistakes(pack)).hasSize(2).allSatisfy(m -> assertThat(m).startsWith(
                pack.resolve("regional-balance.csv") + ": G9: System.exit is not allowed in a rule file: it would end "
                        + "the whole application, not just the evaluation."));
    }

    @Test
    void aMisspeltColumnKindIsRefusedAtItsCell(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("regional.csv");
        Files.copy(PACK.resolve("regional-balance.csv"), table);
        replace(table, "NAME,METADATA,METADATA,METADATA,METADATA,CONDITION,ACTION",
                "NAME,METADATA,METADATA,METADATA,METADATA,KONDITION,ACTION");

        assertThat(translationMistakes(table)).containsExactly("regional.csv: F7: Invalid column header: "
                + "KONDITION, should be CONDITION, ACTION or attribute. See docs/decision-tables.md for the "
                + "layout of a table: RuleSet, RuleTable, then a row of column kinds, a row of fact types, a row of DRL "
                + "snippets, a row of labels, and one rule a row.");
    }

    @Test
    void aCellRightOfTheTablesColumnsIsRefusedAtThatCell(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("regional.csv");
        Files.copy(PACK.resolve("regional-balance.csv"), table);
        replace(table, ",agency.maxCountryShare,", ",agency.maxCountryShare,extra,");

        assertThat(translationMistakes(table)).containsExactly("regional.csv: H11: this cell's column "
                + "has no kind (CONDITION, ACTION, METADATA, NAME, ...) in the table's row of column kinds. Give the "
                + "column a kind and a snippet, or empty the cell. In a CSV file, a quote inside a cell that is not "
                + "written as \"\" shifts the cells after it.");
    }

    @Test
    void aMisspeltMethodOnABoundValueInAnActionIsRefusedAtTheActionsSnippet(@TempDir Path dir) throws IOException {
        Path pack = copyOfPack(dir);
        replace(pack.resolve("regional-balance.csv"), "$sum.doubleValue()", "$sum.doubleValu()");

        assertThat(mistakes(pack)).containsExactly(pack.resolve("regional-balance.csv") + ": G9: Double has no method "
                + "\"doubleValu\". Did you mean \"doubleValue\"?");
    }

    @Test
    void aTableWithoutRuleSetOrRuleTableSaysWhatToAdd(@TempDir Path dir) throws IOException {
        Path noRuleSet = dir.resolve("no-ruleset.csv");
        Files.writeString(noRuleSet, Files.readString(PACK.resolve("regional-balance.csv"))
                .replace("RuleSet,agency.tables\n", ""), StandardCharsets.UTF_8);
        Path noTable = dir.resolve("no-table.csv");
        Files.writeString(noTable, "RuleSet,agency.empty\n", StandardCharsets.UTF_8);

        assertThat(mistakes(noRuleSet)).containsExactly(noRuleSet + ": A1: the table declares no RuleSet. Put "
                + "\"RuleSet\" in a cell above the RuleTable and the DRL package of its rules (e.g. agency.tables) in the "
                + "cell to its right; each table needs a package of its own.");
        assertThat(mistakes(noTable)).containsExactly(noTable + ": the table has no RuleTable. Put \"RuleTable\" and "
                + "the table's name in the cell above the column kinds (CONDITION, ACTION, METADATA, NAME); see "
                + "docs/decision-tables.md.");
    }

    @Test
    void aTableNamedAsDroolsWantsItInsideAKieFileSystemIsAPackNamedWithoutTheEndings(@TempDir Path dir)
            throws IOException {
        Path table = dir.resolve("regional.drl.csv");
        Files.writeString(table, Files.readString(PACK.resolve("regional-balance.csv")).replace(
                "agency.maxCountryShare", "crossCutting.minSectors").replace("agency.captureCountryShare",
                "washing.maxRecipientShare"), StandardCharsets.UTF_8);

        MissionEngine engine = MissionEngine.builder().rules(table).build();

        assertThat(engine.catalog().packs()).extracting(RulePackInfo::id).contains("regional");
    }

    @Test
    void aPackOfTablesIsHashedByTheTablesBytesNotByTheirDrl(@TempDir Path dir) throws Exception {
        Path pack = copyOfPack(dir);
        String before = packHash(pack);

        // the hash of docs/reports.md over the files the pack is made of (the README is not one of them)
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String name : List.of("pack.json", "procurement-bands.xlsx", "regional-balance.csv")) {
            byte[] bytes = Files.readAllBytes(pack.resolve(name));
            sha.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
        }
        assertThat(before).isEqualTo(java.util.HexFormat.of().formatHex(sha.digest()));

        replace(pack.resolve("regional-balance.csv"), "a national programme under a shared mission's name.",
                "a national programme under the name of a shared mission.");
        assertThat(packHash(pack)).matches("[0-9a-f]{64}").isNotEqualTo(before);
    }

    private static String packHash(Path pack) {
        return MissionEngine.builder().rules(pack).build().info().packs().stream()
                .filter(p -> p.id().equals("agency-tables")).findFirst().orElseThrow().sha256();
    }

    private static List<String> mistakes(Path rules) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rules(rules).build());
        assertThat(e).as("the rules are refused").isNotNull();
        return e.problems().stream().map(Problem::describe).toList();
    }

    /** What translating a table alone refuses, shown as "regional.csv: F7: ...". */
    private static List<String> translationMistakes(Path table) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> new DecisionTableTranslator().translate(table, table.getFileName().toString()));
        assertThat(e).as("the table is refused").isNotNull();
        return e.problems().stream().map(Problem::describe).toList();
    }

    private static int indexOfLineContaining(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private static Path copyOfPack(Path dir) throws IOException {
        Path copy = dir.resolve("agency-tables");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(PACK)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName().toString()));
            }
        }
        return copy;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
