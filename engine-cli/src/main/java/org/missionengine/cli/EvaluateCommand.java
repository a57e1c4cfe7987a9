package org.missionengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.io.JsonReportWriter;
import org.missionengine.io.ObservationFiles;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.io.ReportFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.PortfolioReport;
import org.missionengine.report.Severity;
import org.missionengine.reports.ReportSource;
import org.missionengine.reports.ReportWriters;
import org.missionengine.tables.PortfolioTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mission-eval evaluate}: one report per portfolio file. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Evaluates each portfolio file and prints one report per file: per mission the rating, washing "
                        + "risk, criteria scores, target trajectories and findings with their evidence; then the "
                        + "portfolio-level findings and a summary.",
                "Several files are evaluated separately (never merged). As text their reports follow one another; "
                        + "as JSON one file gives one mission-report/1 document, several files give a JSON array of "
                        + "documents, each with a \"file\" field naming its portfolio. As Markdown their reports "
                        + "follow one another; as HTML they make one self-contained page (charts included, no "
                        + "network needed), best written with --output report.html."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (no finding at or above --fail-on)",
                "1:findings at or above --fail-on",
                "2:a mistake in a file or an option",
                "3:an internal error"})
final class EvaluateCommand implements Callable<Integer> {
    enum Format { text, json, markdown, html }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Portfolio files (mission-portfolio/1; .json, .yaml or .yml).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--tables", paramLabel = "DIR",
            description = "Evaluate the portfolio tables in DIR (CSV files as 'mission-eval export --tables' writes "
                    + "them; docs/portfolio-tables.md) instead of portfolio files.")
    Path tables;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.IsoDate.class,
            description = "Evaluation date (ISO-8601, e.g. 2026-06-30); later observations are ignored. Default: "
                    + "the portfolio's asOf, else today.")
    LocalDate asOf;

    @Option(names = "--observations", paramLabel = "CSV",
            description = "More observations from a CSV file (columns metric,mission,date,value,source; header "
                    + "required), merged with the portfolio's own. Repeatable.")
    List<Path> observations = new ArrayList<>();

    @Option(names = "--io-table", paramLabel = "CSV",
            description = "An OECD symmetric input-output table, imported as DEMAND spillovers between its "
                    + "industries (a_ij = z_ij / x_j). Projects name sectors by the table's codes (D35, D41T43, ...).")
    Path ioTable;

    @Option(names = "--timeline", paramLabel = "PERIOD",
            description = "Also evaluate at each period end (${COMPLETION-CANDIDATES}) from the earliest launch to the "
                    + "evaluation date, and show how ratings, washing risk and target statuses changed.")
    Timeline.Period timeline;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with 1 when a finding is at or above SEVERITY: ${COMPLETION-CANDIDATES}. Default: "
                    + "never.")
    Severity failOn;

    record Evaluated(Path file, EvaluationReport report, Portfolio portfolio) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.isEmpty() == (tables == null)) {
            throw new ParameterException(spec.commandLine(), files.isEmpty()
                    ? "Missing portfolio: give FILE... or --tables DIR."
                    : "Give either FILE... or --tables DIR, not both.");
        }
        if (tables != null) {
            files.add(tables);
        }
        if (timeline != null && (format == Format.markdown || format == Format.html)) {
            throw new ParameterException(spec.commandLine(), "--timeline works with --format text or json, not "
                    + format + ".");
        }

        // Collect every mistake (rules, options, each file) before giving up, so they can be fixed in one pass.
        List<Problem> problems = new ArrayList<>();
        EngineBuild building = null;
        try {
            building = EngineBuild.start(limits.applyTo(engine.builder(engine.rules)));
        } catch (UserErrorException e) {
            problems.addAll(e.problems());
        }
        int engineProblemsAt = problems.size();
        List<Path> read = new ArrayList<>();
        List<Portfolio> portfolios = new ArrayList<>();
        IoTable table = null;
        if (ioTable != null) {
            try {
                table = IoTable.read(ioTable);
            } catch (UserErrorException e) {
                problems.addAll(e.problems());
            }
        }
        for (Path file : files) {
            try {
                Portfolio portfolio = file.equals(tables) ? PortfolioTables.readCsv(file) : PortfolioFiles.read(file);
                for (Path csv : observations) {
                    portfolio = portfolio.withObservations(ObservationFiles.read(csv, portfolio));
                }
                if (table != null) {
                    portfolio = table.addTo(portfolio);
                }
                portfolios.add(portfolio);
                read.add(file);
            } catch (UserErrorException e) {
                problems.addAll(e.inFile(file.toString()).problems());
            }
        }
        MissionEngine missionEngine = null;
        if (building != null) {
            try {
                missionEngine = building.get();
            } catch (UserErrorException e) {
                problems.addAll(engineProblemsAt, e.problems()); // the rules' mistakes first, as they were found
            }
        }
        if (!problems.isEmpty()) {
            throw new UserErrorException(problems);
        }
        if (table != null) {
            table.checkLoops(missionEngine); // a loop of the table alone is the table's, whatever the portfolios
        }

        if (format == Format.json && output != null && portfolios.size() == 1 && timeline == null) {
            return streamJson(missionEngine, read.get(0), portfolios.get(0), table, err);
        }
        List<Evaluated> results = new ArrayList<>();
        for (int i = 0; i < portfolios.size(); i++) {
            Portfolio portfolio = portfolios.get(i);
            LocalDate date = evaluationDate(portfolio);
            // a progress bar on stderr for long runs, only when it is a terminal (see ProgressBar)
            org.missionengine.ProgressListener progress = ProgressBar.of(err, read.get(i).toString(),
                    portfolio.missions().size());
            try {
                results.add(new Evaluated(read.get(i), missionEngine.evaluate(portfolio, date, progress), portfolio));
            } catch (UserErrorException e) {
                problems.addAll(located(e, table, portfolio, read.get(i)).problems());
            } finally {
                ProgressBar.finish(progress);
            }
        }
        if (!problems.isEmpty()) {
            throw new UserErrorException(problems);
        }

        String text = ReportWriters.forFormat(format.name()).render(results.stream()
                .map(r -> new ReportSource(r.file().toString(), r.report(), r.portfolio())).toList());
        if (timeline != null && format == Format.json) {
            text = withTimelines(text, missionEngine, results);
        } else if (timeline != null) {
            StringBuilder sb = new StringBuilder(text);
            for (int i = 0; i < portfolios.size(); i++) {
                sb.append(Timeline.text(missionEngine, portfolios.get(i), results.get(i).report().asOf(), timeline,
                        read.get(i).toString()));
            }
            text = sb.toString();
        }
        Output.write(text, output, out, err);
        return exitCode(results, err);
    }

    /**
     * One portfolio's JSON report written to a file as the missions are evaluated, none of them kept: the same bytes
     * as writing the whole report, in a fraction of the memory for a large portfolio. The file appears only once the
     * report is complete.
     */
    private int streamJson(MissionEngine missionEngine, Path file, Portfolio portfolio, IoTable table,
                           PrintWriter err) {
        LocalDate date = evaluationDate(portfolio);
        org.missionengine.ProgressListener progress = ProgressBar.of(err, file.toString(), portfolio.missions().size());
        long[] atOrAbove = new long[1];
        try {
            Output.write(output, out -> {
                JsonReportWriter writer = ReportFiles.jsonWriter(out, missionEngine.info(portfolio), date);
                PortfolioReport rest = missionEngine.evaluate(portfolio, date, progress, mission -> {
                    atOrAbove[0] += countAtOrAbove(mission.findings());
                    writer.accept(mission);
                });
                ProgressBar.finish(progress); // wiped before Output reports the file it wrote
                atOrAbove[0] += countAtOrAbove(rest.findings());
                writer.finish(rest.findings());
            }, err);
        } catch (UserErrorException e) {
            throw located(e, table, portfolio, file);
        } finally {
            ProgressBar.finish(progress);
        }
        return exitCode(atOrAbove[0], err);
    }

    /** A mistake found evaluating the portfolio read from {@code file}, located there or in the input-output table. */
    private UserErrorException located(UserErrorException e, IoTable table, Portfolio portfolio, Path file) {
        UserErrorException inFile = table == null ? e.inFile(file.toString()) : table.located(e, portfolio,
                file.toString());
        return file.equals(tables) ? new UserErrorException(PortfolioTables.locateInCsv(inFile.problems(), file))
                : inFile;
    }

    private LocalDate evaluationDate(Portfolio portfolio) {
        return asOf != null ? asOf : portfolio.asOf() != null ? portfolio.asOf() : LocalDate.now();
    }

    private long countAtOrAbove(List<Finding> findings) {
        return failOn == null ? 0 : findings.stream().filter(f -> f.severity().atLeast(failOn)).count();
    }

    /** The JSON report(s) with a {@code timeline} field each: one document answers "then and now". */
    private String withTimelines(String json, MissionEngine engine, List<Evaluated> results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(json);
            for (int i = 0; i < results.size(); i++) {
                Evaluated result = results.get(i);
                ObjectNode document = (ObjectNode) (tree.isArray() ? tree.get(i) : tree);
                document.set("timeline", mapper.valueToTree(Timeline.json(engine, result.portfolio(),
                        result.report().asOf(), timeline, result.file().toString())));
            }
            return mapper.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot add the timeline to the JSON report: " + e.getMessage(), e);
        }
    }

    private int exitCode(List<Evaluated> results, PrintWriter err) {
        return exitCode(results.stream().mapToLong(r -> countAtOrAbove(r.report().allFindings())).sum(), err);
    }

    private int exitCode(long count, PrintWriter err) {
        if (failOn == null || count == 0) {
            return MissionEval.OK;
        }
        err.println(count + (count == 1 ? " finding" : " findings") + " at or above " + failOn + " (--fail-on "
                + failOn + ").");
        return MissionEval.FINDINGS;
    }
}
