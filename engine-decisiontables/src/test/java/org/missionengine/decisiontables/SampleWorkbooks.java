package org.missionengine.decisiontables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the workbooks the project ships: the sample agency's procurement table
 * ({@code samples/rules/agency-tables/procurement-bands.xlsx}) and the template of docs/decision-tables.md
 * ({@code docs/templates/decision-table.xlsx}). They are binary files, so they are made by this code and committed;
 * {@link SampleWorkbooksTest} fails when a committed workbook no longer holds what this code writes. Run
 * {@code main} from the repository root to write them again after changing a table here.
 */
final class SampleWorkbooks {
    static final Path PROCUREMENT_BANDS = Path.of("samples/rules/agency-tables/procurement-bands.xlsx");
    static final Path TEMPLATE = Path.of("docs/templates/decision-table.xlsx");

    private static final String BAND = """
            $minShare : Double() from ctx.param("$param")
            $m : Mission()
            accumulate( Project( instrument == Instrument.PROCUREMENT, publicFunding > 0, publicFunding >= $from, publicFunding < $below, $f : publicFunding );
                        $band : sum( $f ), $contracts : count( $f ); $band > 0 )
            accumulate( Project( instrument == Instrument.PROCUREMENT, publicFunding > 0, publicFunding >= $from, publicFunding < $below, $r : recipient, $g : publicFunding )
                        and Actor( id == $r, type == ActorType.SME );
                        $sme : sum( $g ); $sme < $band * $minShare )""";
    private static final String REPORT = """
            ctx.report(drools, $m.id(), ctx.format("$param", ctx.percentAgainst($sme.doubleValue() / $band.doubleValue(), $minShare), ctx.money($band.doubleValue()),
                    ctx.plural($contracts.intValue(), "contract", "contracts"), ctx.money($from), ctx.money($below), 100 * $minShare),
                    "bandFunding", $band, "smeFunding", $sme, "contracts", $contracts, "minimumSmeShare", $minShare);""";

    /** The procurement table: one row a value band. */
    static final List<List<String>> PROCUREMENT = List.of(
            List.of("RuleSet", "agency.tables"),
            List.of("Import", "org.missionengine.model.*"),
            List.of("Variables", "org.missionengine.rules.EvaluationContext ctx"),
            List.of("Notes", "SME share of a mission's procurement, by contract value band. One row a band; its bounds "
                    + "and the least SME share are the pack's parameters (pack.json), named in the row."),
            List.of(),
            List.of("RuleTable SME share of procurement by value band"),
            List.of("NAME", "METADATA", "METADATA", "METADATA", "METADATA", "CONDITION", "CONDITION", "CONDITION",
                    "ACTION"),
            List.of(),
            List.of("", "code(\"$param\")", "severity(\"$param\")", "category(\"$param\")", "description(\"$param\")",
                    "$from : Double() from ctx.param(\"$param\")", "$below : Double() from ctx.param(\"$param\")", BAND,
                    REPORT),
            List.of("Rule", "Finding code", "Severity", "Category", "What the rule checks",
                    "Band from (parameter)", "Band below (parameter)", "Least SME share (parameter)",
                    "Message (1: SME share in %, 2: the band's funding, 3: its contracts, 4: from, 5: below, 6: least "
                            + "share in %)"),
            List.of("SME share of small contracts", "AGY_SME_SHARE_SMALL", "WARNING", "PROCUREMENT",
                    "SMEs hold less than agency.band.small.minSmeShare of the value of a mission's small contracts.",
                    "agency.band.small.from", "agency.band.small.below", "agency.band.small.minSmeShare",
                    "SMEs hold %1$s of the %2$s the mission spends on small contracts (%3$s below %5$s); "
                            + "the agency asks for at least %6$.0f%%."),
            List.of("SME share of medium contracts", "AGY_SME_SHARE_MEDIUM", "WARNING", "PROCUREMENT",
                    "SMEs hold less than agency.band.medium.minSmeShare of the value of a mission's medium contracts.",
                    "agency.band.medium.from", "agency.band.medium.below", "agency.band.medium.minSmeShare",
                    "SMEs hold %1$s of the %2$s the mission spends on medium contracts (%3$s from %4$s to below "
                            + "%5$s); the agency asks for at least %6$.0f%%."),
            List.of("SME share of large contracts", "AGY_SME_SHARE_LARGE", "INFO", "PROCUREMENT",
                    "SMEs hold less than agency.band.large.minSmeShare of the value of a mission's large contracts.",
                    "agency.band.large.from", "agency.band.large.below", "agency.band.large.minSmeShare",
                    "SMEs hold %1$s of the %2$s the mission spends on large contracts (%3$s from %4$s); "
                            + "the agency asks for at least %6$.0f%%."));

    /** The template: the layout with one condition, one action and one example row to overwrite. */
    static final List<List<String>> TEMPLATE_ROWS = List.of(
            List.of("RuleSet", "agency.tables.yourtable"),
            List.of("Import", "org.missionengine.model.*"),
            List.of("Variables", "org.missionengine.rules.EvaluationContext ctx"),
            List.of("Notes", "Keep these rows. Give RuleSet a package of its own; then one rule a row below the "
                    + "labels. See docs/decision-tables.md."),
            List.of(),
            List.of("RuleTable Your checks"),
            List.of("NAME", "METADATA", "METADATA", "METADATA", "METADATA", "CONDITION", "ACTION"),
            List.of("", "", "", "", "", "$p : Project"),
            List.of("", "code(\"$param\")", "severity(\"$param\")", "category(\"$param\")", "description(\"$param\")",
                    "instrument == Instrument.GRANT, publicFunding >= ctx.param(\"$param\")",
                    "ctx.report(drools, $p.id(), ctx.format(\"$param\", $p.id(), $p.publicFunding()), "
                            + "\"publicFunding\", $p.publicFunding());"),
            List.of("Rule", "Finding code", "Severity", "Category", "What the rule checks",
                    "Grants from (parameter)", "Message (1: project, 2: its funding)"),
            List.of("Large grants are reviewed", "AGY_LARGE_GRANT", "INFO", "FINANCE",
                    "A grant from agency.largeGrantFrom goes to the review board.", "agency.largeGrantFrom",
                    "Grant %s of %,.0f goes to the review board."));

    private SampleWorkbooks() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        write(PROCUREMENT, "Rules", root.resolve(PROCUREMENT_BANDS));
        write(TEMPLATE_ROWS, "Rules", root.resolve(TEMPLATE));
    }

    static void write(List<List<String>> rows, String sheetName, Path file) throws IOException {
        try (Workbook workbook = workbook(rows, sheetName)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    static Workbook workbook(List<List<String>> rows, String sheetName) {
        Workbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet(sheetName);
        CellStyle wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle heading = workbook.createCellStyle();
        heading.setFont(bold);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<String> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                if (!values.get(c).isEmpty()) {
                    row.createCell(c).setCellValue(values.get(c));
                    boolean keyword = c == 0 && r <= 5 || values.get(c).matches("[A-Z-]+");
                    row.getCell(c).setCellStyle(keyword ? heading : wrapped);
                }
            }
        }
        for (int c = 0; c < 9; c++) {
            sheet.setColumnWidth(c, c == 0 ? 36 * 256 : 28 * 256);
        }
        return workbook;
    }
}
