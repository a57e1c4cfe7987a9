package org.missionengine.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DataListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV table is read as spreadsheet programs save it: with Excel's byte-order mark, and refused with how to save it
 * when it is not UTF-8 (Windows-1252, UTF-16) or separated by semicolons or tabs (as Excel's CSV is where the list
 * separator is not a comma).
 */
class CsvTableTest {
    private static final Path CSV = Path.of("../samples/rules/agency-tables/regional-balance.csv");
    private static final String SAVE_AS = "Save it as comma-separated CSV in UTF-8 (in Excel: \"CSV UTF-8 (Comma "
            + "delimited)\").";

    @Test
    void aCsvFileWithExcelsByteOrderMarkIsReadAsUtf8(@TempDir Path dir) throws IOException {
        String text = sample().replace("One member state holds a large share", "Un État membre détient une large part");
        Path table = dir.resolve("regional.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(text.getBytes(StandardCharsets.UTF_8));
        Files.write(table, bytes.toByteArray());

        String drl = new DecisionTableTranslator().translate(table, "regional.csv").drl();

        assertThat(drl).startsWith("package agency.tables;\n")
                .contains("rule \"Un État membre détient une large part\"")
                .contains("rule \"One member state holds most of the money\"");
    }

    @Test
    void aUtf16FileIsRefusedWithHowToSaveIt(@TempDir Path dir) throws IOException {
        Path withMark = dir.resolve("with-mark.csv");
        Files.writeString(withMark, sample(), StandardCharsets.UTF_16); // big-endian, with its byte-order mark
        Path withoutMark = dir.resolve("without-mark.csv");
        Files.writeString(withoutMark, sample(), StandardCharsets.UTF_16LE);

        assertThat(TableLayoutTest.mistakes(withMark)).containsExactly("with-mark.csv: the file is saved as UTF-16 "
                + "(as Excel's \"Unicode Text\" is), which is not read as a CSV table. " + SAVE_AS);
        assertThat(TableLayoutTest.mistakes(withoutMark)).containsExactly("without-mark.csv: the file is saved as "
                + "UTF-16 (as Excel's \"Unicode Text\" is), which is not read as a CSV table. " + SAVE_AS);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtItsFirstByteThatIsNotRatherThanReadInTheDefaultCharset(@TempDir Path dir)
            throws IOException {
        // Excel's plain "CSV (Comma delimited)" on Windows: Windows-1252, "é" as the single byte 0xE9
        Path table = dir.resolve("regional.csv");
        String text = sample().replace("One member state holds a large share", "Un État membre détient une large part");
        Files.write(table, text.getBytes("windows-1252"));
        String line = text.lines().filter(l -> l.contains("Un État")).findFirst().orElseThrow();
        int lineNumber = text.lines().toList().indexOf(line) + 1;

        assertThat(TableLayoutTest.mistakes(table)).containsExactly("regional.csv:" + lineNumber + ":"
                + (line.indexOf('É') + 1) + ": the file is not UTF-8 (byte 0xC9, \"É\" in Latin-1 or Windows-1252). "
                + SAVE_AS);
    }

    @Test
    void aFileSeparatedBySemicolonsOrTabsIsRefusedAtItsFirstRow(@TempDir Path dir) throws IOException {
        Path semicolons = dir.resolve("semicolons.csv");
        Files.writeString(semicolons, separatedBy(SampleWorkbooks.PROCUREMENT, ";"), StandardCharsets.UTF_8);
        Path tabs = dir.resolve("tabs.csv");
        Files.writeString(tabs, separatedBy(SampleWorkbooks.PROCUREMENT, "\t"), StandardCharsets.UTF_8);

        assertThat(TableLayoutTest.mistakes(semicolons)).containsExactly("semicolons.csv: A1: the file seems to be "
                + "separated by semicolons, not commas. " + SAVE_AS);
        assertThat(TableLayoutTest.mistakes(tabs)).containsExactly("tabs.csv: A1: the file seems to be separated by "
                + "tabs, not commas. " + SAVE_AS);
    }

    @Test
    void aCommaSeparatedFileWithSemicolonsInItsCellsIsRead(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("regional.csv");
        Files.writeString(table, sample().replace("Notes,\"Regional balance", "Notes,\"Regional balance; see the "
                + "pack;"), StandardCharsets.UTF_8);

        assertThat(new DecisionTableTranslator().translate(table, "regional.csv").drl())
                .contains("rule \"One member state holds most of the money\"");
    }

    @Test
    void theCellsReachTheListenersAsDroolsOwnCsvParserHandsThem(@TempDir Path dir) throws IOException {
        // a fact type spanning two condition columns ("..."), as docs/decision-tables.md shows
        Path spanning = dir.resolve("spanning.csv");
        Files.writeString(spanning, """
                RuleSet,agency.spanning

                RuleTable Large grants
                NAME,METADATA,METADATA,METADATA,CONDITION,CONDITION,ACTION
                ,,,,$p : Project...,...
                ,"code(""$param"")","severity(""$param"")","category(""$param"")",instrument == Instrument.$param,\
                publicFunding >= ctx.param(""$param""),"ctx.report(drools, $p.id(), ctx.format(""$param"", $p.id()));"
                Rule,Code,Severity,Category,Instrument,From,Message
                Large grants,AGY_LARGE_GRANT,INFO,FINANCE,GRANT,agency.largeGrantFrom,Grant %s is large.
                Large loans,AGY_LARGE_LOAN,INFO,FINANCE,LOAN,agency.largeLoanFrom,Loan %s is large.
                """, StandardCharsets.UTF_8);

        for (Path table : List.of(CSV, spanning)) {
            DefaultRuleSheetListener ours = new DefaultRuleSheetListener(true, true);
            CsvTable.parse(Files.readString(table, StandardCharsets.UTF_8), List.<DataListener>of(ours));
            DefaultRuleSheetListener droolsOwn = new DefaultRuleSheetListener(true, true);
            try (InputStream in = Files.newInputStream(table)) {
                InputType.CSV.createParser(List.<DataListener>of(droolsOwn)).parseFile(in);
            }

            assertThat(new SpreadsheetCompiler().listenerToString(ours)).as(table.toString())
                    .contains("rule \"")
                    .isEqualTo(new SpreadsheetCompiler().listenerToString(droolsOwn));
        }
    }

    private static String separatedBy(List<List<String>> rows, String separator) {
        return rows.stream().map(row -> row.stream().map(cell -> cell.contains(separator) || cell.contains("\"")
                || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell)
                .collect(Collectors.joining(separator))).collect(Collectors.joining("\n")) + "\n";
    }

    private static String sample() throws IOException {
        return Files.readString(CSV, StandardCharsets.UTF_8);
    }
}
