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
import org.missionengine.Problem;

/**
 * A blank row among a table's rules ends the table in Drools' spreadsheet compiler: the rules below it would vanish
 * without a word. Such a table is refused at the blank row's cell; a blank row before what is not a rule (a new
 * RuleTable, a Notes row, the end of the sheet) is fine.
 */
class TableLayoutTest {
    private static final Path CSV = Path.of("../samples/rules/agency-tables/regional-balance.csv");
    /** Row 11 of regional-balance.csv, its first rule; row 12 is its second and last. */
    private static final String FIRST_RULE = "One member state holds a large share,";

    @Test
    void anEmptyLineBetweenTheRulesOfACsvTableIsRefusedAtThatRow(@TempDir Path dir) throws IOException {
        Path table = csv(dir, sample().replace("\n" + "One member state holds most", "\n\nOne member state holds most"));

        assertThat(mistakes(table)).containsExactly("regional.csv: A12: a blank row ends the RuleTable \"Regional "
                + "balance\" here; the rows below it (A13...) would not be rules. Remove the blank row, or start a new "
                + "RuleTable above them.");
    }

    @Test
    void aRowOfEmptyCellsBetweenTheRulesIsABlankRowToo(@TempDir Path dir) throws IOException {
        Path table = csv(dir, sample().replace("\n" + "One member state holds most",
                "\n,,,,,,\nOne member state holds most"));

        assertThat(mistakes(table)).containsExactly("regional.csv: A12: a blank row ends the RuleTable \"Regional "
                + "balance\" here; the rows below it (A13...) would not be rules. Remove the blank row, or start a new "
                + "RuleTable above them.");
    }

    @Test
    void anEmptyRowBetweenTheRulesOfAWorkbookIsRefusedAtThatRowOfItsSheet(@TempDir Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>(SampleWorkbooks.PROCUREMENT);
        rows.add(11, List.of()); // between the small band (row 11) and the medium band
        Path workbook = dir.resolve("bands.xlsx");
        SampleWorkbooks.write(rows, "SME bands", workbook);

        assertThat(mistakes(workbook)).containsExactly("bands.xlsx: 'SME bands'!A12: a blank row ends the RuleTable "
                + "\"SME share of procurement by value band\" here; the rows below it ('SME bands'!A13...) would not be "
                + "rules. Remove the blank row, or start a new RuleTable above them.");
    }

    @Test
    void aBlankRowWhereTheFirstRuleBelongsIsRefused(@TempDir Path dir) throws IOException {
        Path table = csv(dir, sample().replace("\n" + FIRST_RULE, "\n\n" + FIRST_RULE));

        assertThat(mistakes(table)).containsExactly("regional.csv: A11: a blank row where the first rule of the "
                + "RuleTable \"Regional balance\" belongs; Drools would read it as a rule with no conditions that does "
                + "nothing, and the rows below it (A12...) as rules only up to the next blank row. Remove the blank "
                + "row: the rules start right below the row of labels (row 10), one a row.");
    }

    @Test
    void aRuleTableWithoutRuleRowsIsRefusedAtItsCell(@TempDir Path dir) throws IOException {
        String text = sample();
        Path table = csv(dir, text.substring(0, text.indexOf(FIRST_RULE)));

        assertThat(mistakes(table)).containsExactly("regional.csv: A6: the RuleTable \"Regional balance\" has no rule "
                + "rows. Write one rule a row below the table's four header rows, from row 11.");
    }

    @Test
    void blankRowsBeforeTheEndOfTheSheetANotesRowOrANewRuleTableAreFine(@TempDir Path dir) throws IOException {
        String text = sample().stripTrailing();
        String second = text.substring(text.indexOf("RuleTable "), text.indexOf(FIRST_RULE))
                .replace("RuleTable Regional balance", "RuleTable Regional balance again")
                + text.substring(text.indexOf(FIRST_RULE)).replace("One member state", "Once more one member state")
                .replace("AGY_COUNTRY_", "AGY_AGAIN_");

        assertThat(ruleCount(csv(dir, text + "\n\n\n,,,,\n"))).isEqualTo(2);
        assertThat(ruleCount(csv(dir, text + "\n\nNotes,Reviewed by the regional desk in March.\n"))).isEqualTo(2);
        assertThat(ruleCount(csv(dir, text + "\n\n" + second))).isEqualTo(4);
    }

    private static String sample() throws IOException {
        return Files.readString(CSV, StandardCharsets.UTF_8);
    }

    private static Path csv(Path dir, String text) throws IOException {
        Path table = dir.resolve("regional.csv");
        Files.writeString(table, text, StandardCharsets.UTF_8);
        return table;
    }

    private static int ruleCount(Path table) {
        String drl = new DecisionTableTranslator().translate(table, table.getFileName().toString()).drl();
        return drl.split("\nrule ", -1).length - 1;
    }

    /** What translating a table alone refuses, shown as "regional.csv: A12: ...". */
    static List<String> mistakes(Path table) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> new DecisionTableTranslator().translate(table, table.getFileName().toString()));
        assertThat(e).as("the table is refused").isNotNull();
        return e.problems().stream().map(Problem::describe).toList();
    }
}
