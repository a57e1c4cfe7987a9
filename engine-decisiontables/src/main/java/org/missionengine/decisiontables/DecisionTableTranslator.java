package org.missionengine.decisiontables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.drools.template.parser.DecisionTableParseException;

import org.missionengine.InvalidRulesException;
import org.missionengine.Problem;
import org.missionengine.drools.spi.RuleSourceTranslator;
import org.missionengine.drools.spi.TranslatedRules;

/**
 * Reads spreadsheet decision tables ({@code .xlsx}, {@code .xls}, {@code .csv}) with Drools' spreadsheet compiler
 * and hands the engine the DRL they make, with a map from each line of it back to the sheet and cell it comes from.
 * The table is compiled to DRL here, rather than given to Drools as a decision-table resource, so that it goes through
 * the same allow-list, parameter checks and compile-error messages as a DRL file — and so that none of the traps of
 * a table resource applies (a file in a KieFileSystem that must be named {@code *.drl.xlsx} or silently compiles to
 * nothing; a CSV table whose input type must be set).
 *
 * <p>What a table may leave out: the {@code ctx} global and the import of {@code org.missionengine.model.*} are added
 * when it does not declare them (every rule of the engine reads the former and matches the latter).
 */
public final class DecisionTableTranslator implements RuleSourceTranslator {
    private static final Set<String> EXTENSIONS = Set.of(".xlsx", ".xls", ".csv");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package [^\\n]*\\n");
    private static final Pattern CONTEXT_GLOBAL = Pattern.compile("(?m)^global\\s+(?:org\\.missionengine\\.rules\\.)?"
            + "EvaluationContext\\s+ctx\\s*;?\\s*$");
    private static final Pattern MODEL_IMPORT = Pattern.compile("(?m)^import\\s+org\\.missionengine\\.model\\.\\*");
    /** Where Drools' own messages name a cell: "in cell C12", "at cell C12", "Data cell C12". */
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("(?:\\bcell|\\bCell:?)\\s+([A-Z]{1,3}[0-9]+)");

    /** Created by the engine through {@link java.util.ServiceLoader}; an application has no need to. */
    public DecisionTableTranslator() {
    }

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public String kind() {
        return "decision table";
    }

    @Override
    public TranslatedRules translate(Path file, String displayPath) {
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        TableCells cells = new TableCells();
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener(true, true);
        String sheet = null;
        try {
            if (csv) {
                // read here rather than by Drools' CSV parser: a byte-order mark, UTF-16 and semicolons are told apart
                String text = CsvTable.text(Files.readAllBytes(file), displayPath);
                CsvTable.refuseOtherSeparators(text, displayPath, new CellNames(null));
                CsvTable.parse(text, List.<DataListener>of(rules, cells));
            } else {
                try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
                    sheet = workbook.getSheetName(0);
                    new ExcelParser(List.<DataListener>of(rules, cells)).parseWorkbook(workbook);
                }
            }
        } catch (DecisionTableParseException e) {
            throw new InvalidRulesException(parseProblem(displayPath, sheet, e));
        } catch (InvalidRulesException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI's exceptions for what is not a workbook are unchecked and of many types
            throw new InvalidRulesException(new Problem(displayPath, null, "cannot read the " + (csv ? "CSV file"
                    : "workbook") + ": " + e.getMessage(), csv ? "Save the table as CSV (UTF-8, comma-separated)."
                    : "Save the table as an Excel workbook (.xlsx); its first sheet holds the decision table."));
        }
        CellNames names = new CellNames(sheet);
        if (cells.ruleSetCell().isEmpty()) {
            throw new InvalidRulesException(new Problem(displayPath, names.of(0, 0), "the table declares no RuleSet",
                    "Put \"RuleSet\" in a cell above the RuleTable and the DRL package of its rules (e.g. "
                            + "agency.tables) in the cell to its right; each table needs a package of its own."));
        }
        // what Drools would compile without a word into other rules than the sheet shows
        List<Problem> layout = new RuleTableChecks(cells, names, displayPath).check();
        if (!layout.isEmpty()) {
            throw new InvalidRulesException(layout);
        }
        String drl;
        try {
            drl = new SpreadsheetCompiler().listenerToString(rules);
        } catch (DecisionTableParseException e) {
            throw new InvalidRulesException(parseProblem(displayPath, sheet, e));
        }
        drl = withEngineDeclarations(drl);
        if (!drl.contains("\nrule ")) {
            throw new InvalidRulesException(new Problem(displayPath, names.of(cells.ruleTableRow(), 0),
                    "the RuleTable has no rule rows", "Write one rule a row below the table's four header rows."));
        }
        return new TranslatedRules(drl, new CellLocator(drl, cells, names));
    }

    /** Adds the ctx global and the model's import when the table leaves them out, right after the package line. */
    static String withEngineDeclarations(String drl) {
        StringBuilder added = new StringBuilder();
        if (!MODEL_IMPORT.matcher(drl).find()) {
            added.append("import org.missionengine.model.*;\n");
        }
        if (!CONTEXT_GLOBAL.matcher(drl).find()) {
            added.append("global org.missionengine.rules.EvaluationContext ctx;\n");
        }
        Matcher m = PACKAGE.matcher(drl);
        if (added.length() == 0 || !m.find()) {
            return drl;
        }
        return drl.substring(0, m.end()) + added + drl.substring(m.end());
    }

    private static Problem parseProblem(String displayPath, String sheet, DecisionTableParseException e) {
        String message = e.getMessage() == null ? "the table cannot be read" : e.getMessage().strip();
        Matcher cell = CELL_IN_MESSAGE.matcher(message);
        String location = cell.find() ? (sheet == null ? "" : sheet + "!") + cell.group(1) : null;
        if (message.startsWith("No RuleTable cells")) {
            return new Problem(displayPath, null, "the table has no RuleTable", "Put \"RuleTable\" and the table's "
                    + "name in the cell above the column kinds (CONDITION, ACTION, METADATA, NAME); see "
                    + "docs/decision-tables.md.");
        }
        if (message.contains("does not have an 'ACTION' or 'CONDITION' column header")) {
            return new Problem(displayPath, location, "this cell's column has no kind (CONDITION, ACTION, METADATA, "
                    + "NAME, ...) in the table's row of column kinds", "Give the column a kind and a snippet, or empty "
                    + "the cell. In a CSV file, a quote inside a cell that is not written as \"\" shifts the cells after "
                    + "it.");
        }
        // the cell is the location: the message need not repeat it
        String said = message.replaceAll(",?\\s*(?:in|at) cell [A-Z]{1,3}[0-9]+", "").replaceAll("\\s+", " ");
        return new Problem(displayPath, location, said,
                "See docs/decision-tables.md for the layout of a table: RuleSet, RuleTable, then a row of column kinds, "
                        + "a row of fact types, a row of DRL snippets, a row of labels, and one rule a row.");
    }
}
