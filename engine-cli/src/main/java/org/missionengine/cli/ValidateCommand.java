package org.missionengine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.catalog.RulePackInfo;
import org.missionengine.drools.spi.RuleSourceTranslator;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.reports.Text;
import org.missionengine.tables.PortfolioTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mission-eval validate}: checks portfolio and rule files and reports every mistake at once. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
                "Checks portfolio files (.json, .yaml, .yml) and rule files (.drl, decision tables .xlsx and .csv) or "
                        + "pack directories, and reports "
                        + "every mistake at once, each as file:location: message. hint.",
                "Rule files are compiled; portfolios are read and evaluated with the built-in packs and the rule "
                        + "files given here, so that unknown parameters and unbounded spillover loops are caught too.",
                "Rule files and pack directories may be given as plain arguments or with --rules PATH, as evaluate, "
                        + "explain and rules take them: 'validate --rules rules/agency portfolio.json' checks the "
                        + "portfolio against the pack.",
                "Portfolio tables (--tables DIR) are read and evaluated as evaluate --tables reads them, each "
                        + "mistake told at its table, row and column.",
                "An input-output table (--io-table) is read as evaluate --io-table reads it, and its coefficients "
                        + "checked for loops that amplify, alone and added to each portfolio.",
                "Prints \"OK <file>\" for each valid file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every file is valid",
                "2:a file has mistakes (listed on stderr)",
                "3:an internal error"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Portfolio files, rule files (.drl, .xlsx, .csv) and rule pack directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule file (.drl, .xlsx, .csv) or rule pack directory to check, as evaluate --rules would "
                    + "load it; the same as giving it as a plain argument (repeatable).")
    List<Path> rulePaths = new ArrayList<>();

    @Option(names = "--trust-rules", paramLabel = "PATH",
            description = "A rule file or pack directory you wrote or reviewed, checked as evaluate --trust-rules "
                    + "would load it: compiled without the allow-list of packages rule files may use (repeatable).")
    List<Path> trustedPaths = new ArrayList<>();

    @Option(names = "--tables", paramLabel = "DIR",
            description = "Portfolio tables to check (CSV files as 'mission-eval export --tables' writes them; "
                    + "docs/portfolio-tables.md), read and evaluated as evaluate --tables would (repeatable).")
    List<Path> tableDirs = new ArrayList<>();

    @Option(names = "--io-table", paramLabel = "CSV",
            description = "An OECD symmetric input-output table, checked as evaluate --io-table would import it: its "
                    + "cells (coefficients a_ij = z_ij / x_j between 0 and 1, each industry's row and column once) "
                    + "and the spillover loops it closes, alone and with each portfolio's own spillovers.")
    Path ioTable;

    private enum Kind { PORTFOLIO, RULES, UNKNOWN }

    @Override
    public Integer call() {
        if (paths.isEmpty() && rulePaths.isEmpty() && trustedPaths.isEmpty() && tableDirs.isEmpty()
                && ioTable == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PATH' (a portfolio file, "
                    + "rule file or pack directory, or --rules PATH, or --trust-rules PATH, or --tables DIR, or "
                    + "--io-table CSV)");
        }
        List<Problem> problems = new ArrayList<>();
        List<Path> validRules = new ArrayList<>();
        List<Path> validTrusted = new ArrayList<>();
        List<Path> portfolioFiles = new ArrayList<>();
        var out = spec.commandLine().getOut();

        int givenRules = 0;
        for (Path given : trustedPaths) {
            givenRules++;
            Path path = isPackManifest(given) ? parentOf(given) : given;
            if (kind(path) != Kind.RULES) {
                problems.add(new Problem(path.toString(), null, Files.exists(path) ? "not a rule file or pack directory"
                        : "no such file or directory", "--trust-rules takes rule files (.drl, .xlsx, .csv) and pack directories; "
                        + "pass portfolio files as plain arguments."));
                continue;
            }
            checkRules(path, true, validTrusted, problems);
        }
        for (Path given : rulePaths) {
            givenRules++;
            Path path = isPackManifest(given) ? parentOf(given) : given;
            if (kind(path) != Kind.RULES) {
                problems.add(new Problem(path.toString(), null, Files.exists(path) ? "not a rule file or pack directory"
                        : "no such file or directory", "--rules takes rule files (.drl, .xlsx, .csv) and pack "
                        + "directories; pass portfolio files as plain arguments."));
                continue;
            }
            checkRules(path, false, validRules, problems);
        }
        for (Path given : paths) {
            // a pack's manifest stands for its pack directory
            Path path = isPackManifest(given) ? parentOf(given) : given;
            switch (kind(path)) {
                case RULES -> {
                    givenRules++;
                    checkRules(path, false, validRules, problems);
                }
                case PORTFOLIO -> portfolioFiles.add(path);
                case UNKNOWN -> problems.add(new Problem(path.toString(), null, Files.exists(path)
                        ? "not a portfolio or rule file" : "no such file or directory",
                        "Pass portfolio files (.json, .yaml, .yml), rule files (.drl, .xlsx, .csv) or rule pack "
                                + "directories."));
            }
        }

        portfolioFiles.addAll(tableDirs);
        if (!portfolioFiles.isEmpty() || ioTable != null) {
            int ruleProblems = problems.size();
            MissionEngine engine = engineFor(validRules, validTrusted, problems);
            // a portfolio checked without some of the rules given is OK only as far as the others go: say so
            String without = problems.size() > ruleProblems
                    ? "; checked with the built-in packs only: the rule files given do not work together"
                    : validRules.size() + validTrusted.size() < givenRules
                    ? "; checked without the rule files that have mistakes" : "";
            IoTable table = ioTable == null ? null : checkTable(engine, problems);
            for (Path file : portfolioFiles) {
                Portfolio portfolio = null;
                try {
                    portfolio = tableDirs.contains(file) ? PortfolioTables.readCsv(file) : PortfolioFiles.read(file);
                    if (table != null) {
                        portfolio = table.addTo(portfolio);
                    }
                    engine.evaluate(portfolio, portfolio.asOf() != null ? portfolio.asOf() : LocalDate.now());
                    out.println("OK " + file + " (" + Text.plural(portfolio.missions().size(), "mission", "missions")
                            + ", " + Text.plural(portfolio.missions().stream().mapToLong(m -> m.projects().size()).sum(),
                            "project", "projects") + (table != null ? ", with " + table.file() : "") + without + ")");
                } catch (UserErrorException e) {
                    List<Problem> found = (table != null && portfolio != null ? table.located(e, portfolio,
                            file.toString()) : e.inFile(file.toString())).problems();
                    problems.addAll(tableDirs.contains(file) ? PortfolioTables.locateInCsv(found, file) : found);
                }
            }
        }
        out.flush();
        if (!problems.isEmpty()) {
            throw new UserErrorException(problems);
        }
        return MissionEval.OK;
    }

    /**
     * Reads the input-output table and checks the loops of its coefficients alone (on a portfolio that has nothing
     * else); prints OK and returns it, or collects its problems and returns null, so that the portfolios are still
     * checked, without it.
     */
    private IoTable checkTable(MissionEngine engine, List<Problem> problems) {
        try {
            IoTable table = IoTable.read(ioTable);
            table.checkLoops(engine);
            spec.commandLine().getOut().println("OK " + ioTable + " (input-output table: "
                    + Text.plural(table.industries(), "industry", "industries") + ")");
            return table;
        } catch (UserErrorException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** Compiles one rule file or pack directory alone; prints OK and keeps it, or collects its problems. */
    private void checkRules(Path path, boolean trusted, List<Path> valid, List<Problem> problems) {
        try {
            MissionEngine engine = trusted ? MissionEngine.builder().trustRules(path).build()
                    : MissionEngine.builder().rules(path).build();
            valid.add(path);
            spec.commandLine().getOut().println("OK " + path + " (" + describeRules(engine) + (trusted ? "; trusted"
                    : "") + ")");
        } catch (UserErrorException e) {
            problems.addAll(e.inFile(path.toString()).problems());
        }
    }

    /** The engine that checks portfolios: built-in packs plus the valid rule files given (if they work together). */
    private static MissionEngine engineFor(List<Path> rules, List<Path> trusted, List<Problem> problems) {
        if (!rules.isEmpty() || !trusted.isEmpty()) {
            try {
                return MissionEngine.builder().rules(rules).trustRules(trusted.toArray(Path[]::new)).build();
            } catch (UserErrorException e) {
                // each file compiles alone but not together (e.g. the same rule name twice)
                problems.addAll(e.problems());
            }
        }
        return MissionEngine.builder().build();
    }

    private static String describeRules(MissionEngine engine) {
        List<String> parts = new ArrayList<>();
        for (RulePackInfo pack : engine.catalog().packs()) {
            if (!pack.builtIn()) {
                parts.add("pack " + pack.id() + ": " + Text.plural(pack.rules().size(), "rule", "rules"));
            }
        }
        return parts.isEmpty() ? "rules" : String.join("; ", parts);
    }

    private static boolean isPackManifest(Path path) {
        return path.getFileName() != null && path.getFileName().toString().equals("pack.json") && Files.isRegularFile(path);
    }

    private static Path parentOf(Path file) {
        Path parent = file.getParent();
        return parent != null ? parent : Path.of(".");
    }

    private static Kind kind(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path) || name.endsWith(".drl") || RuleSourceTranslator.forFile(path).isPresent()) {
            return Kind.RULES;
        }
        if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Kind.PORTFOLIO;
        }
        return Kind.UNKNOWN;
    }
}
