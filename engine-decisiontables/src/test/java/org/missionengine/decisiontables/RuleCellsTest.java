package org.missionengine.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.RuleExecutionException;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;

/**
 * A rule row's cells that would pass the compiler and fail only when the rule fires (or be blamed on the row's first
 * cell) are refused when the table loads, at their own cell.
 */
class RuleCellsTest {
    private static final Path CSV = Path.of("../samples/rules/agency-tables/regional-balance.csv");
    private static final Path PORTFOLIO = Path.of("../samples/scenarios/portfolios/regional-procurement.yaml");
    private static final String SECOND_RULE = "One member state holds most of the money,AGY_COUNTRY_CAPTURE,CRITICAL,"
            + "REGIONAL,";

    @Test
    void anEmptyFindingCodeCellIsRefusedAtThatCell(@TempDir Path dir) throws IOException {
        Path table = csv(dir, sample().replace(SECOND_RULE, "One member state holds most of the money,,CRITICAL,"
                + "REGIONAL,"));

        assertThat(TableLayoutTest.mistakes(table)).containsExactly("regional.csv: B12: rule \"One member state holds "
                + "most of the money\": the finding code is empty. Write the code of the finding the rule reports, as "
                + "B11 (AGY_COUNTRY_CONCENTRATION) does.");
    }

    @Test
    void aFindingCodeThatIsNotACodeIsRefusedAtItsCellWithTheCodeToWrite(@TempDir Path dir) throws IOException {
        // checked where every rule's metadata is, when the engine is built: a pack with the sample's parameters
        csv(dir, sample().replace(SECOND_RULE, "One member state holds most of the money,"
                + "agy country capture,CRITICAL,REGIONAL,"));
        Files.copy(CSV.resolveSibling("pack.json"), dir.resolve("pack.json"));

        InvalidRulesException refused = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rules(dir).build());

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).extracting(Problem::describe).containsExactly(dir.resolve("regional.csv")
                + ": B12: rule \"One member state holds "
                + "most of the money\": the finding code \"agy country capture\" is not a code. Write it in capital "
                + "letters, digits and underscores, starting with a letter: \"AGY_COUNTRY_CAPTURE\".");
    }

    @Test
    void anEmptySeverityOrCategoryCellIsRefusedAtThatCellNotAtTheRowsFirst(@TempDir Path dir) throws IOException {
        Path table = csv(dir, sample().replace(SECOND_RULE, "One member state holds most of the money,"
                + "AGY_COUNTRY_CAPTURE,,,"));

        assertThat(TableLayoutTest.mistakes(table)).containsExactly(
                "regional.csv: C12: rule \"One member state holds most of the money\": the severity is empty. Write "
                        + "INFO, WARNING or CRITICAL.",
                "regional.csv: D12: rule \"One member state holds most of the money\": the category is empty. Write "
                        + "the category of the finding the rule reports, as D11 (REGIONAL) does.");
    }

    @Test
    void anEmptyFindingCodeCellOfAWorkbookIsRefusedAtThatCellOfItsSheet(@TempDir Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>(SampleWorkbooks.PROCUREMENT);
        List<String> medium = new ArrayList<>(rows.get(11));
        medium.set(1, "");
        rows.set(11, medium);
        Path workbook = dir.resolve("bands.xlsx");
        SampleWorkbooks.write(rows, "Rules", workbook);

        assertThat(TableLayoutTest.mistakes(workbook)).containsExactly("bands.xlsx: Rules!B12: rule \"SME share of "
                + "medium contracts\": the finding code is empty. Write the code of the finding the rule reports, as "
                + "Rules!B11 (AGY_SME_SHARE_SMALL) does.");
    }

    @Test
    void aMessageWithATrailingPercentSignIsRefusedAtItsCell(@TempDir Path dir) throws IOException {
        Path table = csv(dir, sample().replace("more than the %.0f%% at which", "more than the %.0f% at which"));

        assertThat(TableLayoutTest.mistakes(table)).containsExactly("regional.csv: G12: rule \"One member state holds "
                + "most of the money\": \"% a\" in the message reads as a value, not as a percent sign: \"...more than "
                + "the %.0f% at which...\". Write %% for a percent sign.");
    }

    @Test
    void eachMalformedMessageIsRefusedAtItsCellWithWhatIsWrong(@TempDir Path dir) throws IOException {
        String text = sample();
        String first = text.substring(text.indexOf("\"Recipients in %s hold"), text.indexOf('\n',
                text.indexOf("\"Recipients in %s hold")));
        String second = text.substring(text.lastIndexOf("\"Recipients in %s hold"), text.indexOf('\n',
                text.lastIndexOf("\"Recipients in %s hold")));
        Path table = csv(dir, text.replace(first, "\"Recipients in %s hold 100%\"").replace(second,
                "\"Recipients in %s hold %q of the funding\""));

        assertThat(TableLayoutTest.mistakes(table)).containsExactly(
                "regional.csv: G11: rule \"One member state holds a large share\": the message has a \"%\" that starts "
                        + "no value: \"...in %s hold 100%\". Write %% for a percent sign.",
                "regional.csv: G12: rule \"One member state holds most of the money\": \"%q\" in the message is not a "
                        + "value: \"...in %s hold %q of the...\". A value is written %s (text), %d (a whole "
                        + "number) or %.1f (a number with one decimal); a percent sign is written %%.");
    }

    @Test
    void aMessageShowingMoreValuesThanItsSnippetPassesIsRefused(@TempDir Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>(SampleWorkbooks.PROCUREMENT);
        List<String> large = new ArrayList<>(rows.get(12));
        large.set(8, large.get(8) + " (%7$s)");
        rows.set(12, large);
        Path workbook = dir.resolve("bands.xlsx");
        SampleWorkbooks.write(rows, "Rules", workbook);

        assertThat(TableLayoutTest.mistakes(workbook)).containsExactly("bands.xlsx: Rules!I13: rule \"SME share of "
                + "large contracts\": the message shows 7 values, but the snippet at Rules!I9 gives it 6. Show at most 6 "
                + "(the values are taken in order, or by number: %1$s is the first), or write %% for a percent sign.");
    }

    @Test
    void patternsAreCheckedAsTheFormatterReadsThem() {
        assertThat(MessagePatterns.check("%1$.0f%% of %2$,.0f (%3$d)", 3, "G9")).isNull();
        assertThat(MessagePatterns.check("%s, %<s and %n%s", 2, "G9")).isNull();
        assertThat(MessagePatterns.check("%s %s", -1, "G9")).isNull();
        assertThat(MessagePatterns.check("SMEs hold 50% of it", 1, "G9").message())
                .isEqualTo("\"% o\" in the message reads as a value, not as a percent sign: \"SMEs hold 50% of it\"");
        assertThat(MessagePatterns.check("from 20%-30% of it", 1, "G9").message())
                .isEqualTo("\"%-30%\" in the message reads as a padded percent sign, not as a percent sign: \"from "
                        + "20%-30% of it\"");
        assertThat(MessagePatterns.check("%.2d contracts", 1, "G9").message())
                .isEqualTo("\"%.2d\" in the message is not a valid value: %d takes no precision (the \".\" and digits)");
        assertThat(MessagePatterns.check("%,s", 1, "G9").message())
                .isEqualTo("\"%,s\" in the message is not a valid value: %s does not take the flag \",\"");
        assertThat(MessagePatterns.check("%-d", 1, "G9").message())
                .isEqualTo("\"%-d\" in the message is not a valid value: the flag \"-\" or \"0\" needs a width, as in "
                        + "%-10s");
        assertThat(MessagePatterns.check("%s and %s", 1, "G9").message())
                .isEqualTo("the message shows 2 values, but the snippet at G9 gives it 1");
    }

    @Test
    void theValuesASnippetPassesAreCountedToTheCallsClosingParenthesis() {
        String snippet = "ctx.report(drools, $m.id(), ctx.format(\"$param\", $country, 100 * $sum.doubleValue() / $total, "
                + "ctx.text(\"a, b\"), List.of($a, $b)), \"country\", $country);";
        int from = snippet.indexOf("\"$param\"") + "\"$param\"".length();

        assertThat(MessagePatterns.valuesAfter(snippet, from)).isEqualTo(4);
        assertThat(MessagePatterns.valuesAfter("ctx.format(\"$param\")", 19)).isZero();
        assertThat(MessagePatterns.valuesAfter("ctx.format(\"$param\", $a", 19)).isEqualTo(-1);
    }

    @Test
    void aMessageGivenAValueOfAnotherKindStopsTheEvaluationAtTheMessagesCell(@TempDir Path dir) throws IOException {
        Path pack = dir.resolve("agency-tables");
        Files.createDirectories(pack);
        Files.copy(CSV.resolveSibling("pack.json"), pack.resolve("pack.json"));
        Path table = pack.resolve("regional-balance.csv");
        // %d takes whole numbers: the share is a Double, which only the firing rule shows
        Files.writeString(table, sample().replace("more than the %.0f%% at which", "more than the %d%% at which"),
                StandardCharsets.UTF_8);
        MissionEngine engine = MissionEngine.builder().rules(pack).build();
        Portfolio portfolio = PortfolioFiles.read(PORTFOLIO);

        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
                () -> engine.evaluate(portfolio, portfolio.asOf()));

        assertThat(e).isNotNull();
        assertThat(e.rule()).isEqualTo("One member state holds most of the money");
        assertThat(e.origin()).isEqualTo("G12");
        assertThat(e.problems()).singleElement().extracting(Problem::describe).asString()
                .startsWith(table + ": G12: rule \"One member state holds most of the money\" on mission "
                        + "\"national-grid\": failed: its message formats a Double with %d (facts: ")
                .endsWith("In the message, write %d for a whole number (Integer, Long), %.1f or %,.0f for a decimal "
                        + "number (Double), %s for text.");
    }

    private static String sample() throws IOException {
        String text = Files.readString(CSV, StandardCharsets.UTF_8);
        assertThat(text).contains(SECOND_RULE);
        return text;
    }

    private static Path csv(Path dir, String text) throws IOException {
        Path table = dir.resolve("regional.csv");
        Files.writeString(table, text, StandardCharsets.UTF_8);
        return table;
    }
}
