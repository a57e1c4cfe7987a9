package org.missionengine.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule row's cells that would pass the compiler and fail only when the rule fires (or be blamed on the row's first
 * cell) are refused when the table loads, at their own cell.
 */
class RuleCellsTest {
    private static final Path CSV = Path.of("../samples/rules/agency-tables/regional-balance.csv");
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
