package org.missionengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.missionengine.UserErrorException;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.tables.PortfolioTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mission-eval export --tables DIR FILE}: a portfolio file as portfolio tables. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
                "Writes a portfolio file as portfolio tables: one CSV file with a header per record kind "
                        + "(missions.csv, projects.csv, cashflows.csv, ...), the rows tied together by the ids of "
                        + "their mission, project and target (docs/portfolio-tables.md). Evaluate them with "
                        + "'mission-eval evaluate --tables DIR' or load them into a data lake for mission-eval-spark.",
                "The portfolio is checked first, as evaluate checks it; existing table files in DIR are replaced."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the tables are written",
                "2:a mistake in the portfolio file or an option",
                "3:an internal error"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tables", required = true, paramLabel = "DIR",
            description = "The directory to write the tables into (created if needed).")
    Path tables;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The portfolio file (mission-portfolio/1; .json, "
            + ".yaml or .yml).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Portfolio portfolio;
        try {
            portfolio = PortfolioFiles.read(file);
        } catch (UserErrorException e) {
            throw e.inFile(file.toString());
        }
        PortfolioTables.writeCsv(portfolio, tables);
        err.println("Wrote the tables of " + file + " (" + portfolio.missions().size()
                + (portfolio.missions().size() == 1 ? " mission" : " missions") + ") to " + tables
                + ".");
        return MissionEval.OK;
    }
}
