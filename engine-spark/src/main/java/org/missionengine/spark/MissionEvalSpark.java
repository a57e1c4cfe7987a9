package org.missionengine.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;

import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;
import org.missionengine.UserErrorException;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.Severity;
import org.missionengine.spark.internal.ForklessLocalFileSystem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mission-eval-spark}: evaluates a portfolio file or portfolio tables on Spark and writes the results as
 * tables and the JSON report. Exit codes as {@code mission-eval}: 0 done, 2 a user's mistake, 3 an internal error.
 */
@Command(name = "mission-eval-spark",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "Evaluates mission portfolios on Apache Spark.",
        subcommands = {MissionEvalSpark.Evaluate.class, CommandLine.HelpCommand.class})
public final class MissionEvalSpark {
    static final int OK = 0;
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    private MissionEvalSpark() {
    }

    /**
     * Runs the command line and exits: 0 when it succeeded, 2 for a user's mistake (a message says what to fix), 3
     * for an internal error.
     *
     * @param args the command line, such as {@code evaluate TABLES_DIRECTORY}
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new MissionEvalSpark());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(MissionEvalSpark::optionError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserErrorException user) {
                user.problems().forEach(p -> err.println(p.describe()));
                return USER_ERROR;
            }
            err.println("internal error: " + ex);
            if ("1".equals(System.getenv("MISSION_EVAL_DEBUG"))) {
                ex.printStackTrace(err);
            } else {
                err.println("This is a fault of mission-eval-spark, not of your files. Run again with "
                        + "MISSION_EVAL_DEBUG=1 for the stack trace and report it.");
            }
            return INTERNAL_ERROR;
        });
        // a wrong option is the user's mistake (2), as in mission-eval; picocli asks this mapper for it too
        cli.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? USER_ERROR : INTERNAL_ERROR);
        return cli.execute(args);
    }

    /** A wrong option or argument: one paragraph, the message and where to look for help, as mission-eval gives it. */
    private static int optionError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(cli.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USER_ERROR;
    }

    /**
     * A date option: ISO-8601 only, and a message that says so; the same answer as mission-eval's converter, kept here
     * because the Spark jar does not bundle the single-machine command line.
     */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date; write it as ISO-8601, "
                        + "e.g. 2030-12-31");
            }
        }
    }

    /** {@code evaluate (FILE | --tables DIR) --output DIR}. */
    @Command(name = "evaluate",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                    "Evaluates a portfolio file (read on the driver) or portfolio tables (Parquet or CSV, read by "
                            + "Spark) and writes DIR/missions, DIR/targets and DIR/findings as Parquet and "
                            + "DIR/report.json, the mission-report/1 report that 'mission-eval evaluate FILE --format "
                            + "json' writes for the same portfolio."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "2:a mistake in a file or an option", "3:an internal error"})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "A portfolio file (.json, .yaml or .yml).")
        Path file;

        @Option(names = "--tables", paramLabel = "DIR", description = "A directory of portfolio tables: NAME.parquet, "
                + "a Parquet directory NAME, or NAME.csv (docs/portfolio-tables.md). Any path Spark reads.")
        String tables;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2]. Default: what "
                + "spark-submit gives, else local[*].")
        String master;

        @Option(names = "--partitions", paramLabel = "N", description = "Partitions the missions are spread over. "
                + "Default: for a portfolio file, one per slice of at most 500 consecutive missions (at least Spark's "
                + "default parallelism); for --tables, Spark's default parallelism.")
        int partitions;

        @Option(names = "--rules", paramLabel = "PATH", description = "A rule file or pack directory to run beside "
                + "the built-in packs. Repeatable.")
        List<Path> rules = new ArrayList<>();

        @Option(names = "--disable", paramLabel = "CODE|RULE|PACK", split = ",", description = "Disables rules by "
                + "finding code, rule name or pack id. Repeatable.")
        List<String> disabled = new ArrayList<>();

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Overrides a parameter. Repeatable.")
        Map<String, String> parameters = new LinkedHashMap<>();

        @Option(names = "--severity", paramLabel = "CODE=SEVERITY", description = "Reports every finding with CODE "
                + "at SEVERITY. Repeatable.")
        Map<String, Severity> severities = new LinkedHashMap<>();

        @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDate.class,
                description = "Evaluation date (ISO-8601). Default: the portfolio's asOf, else today.")
        LocalDate asOf;

        @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where to write the results.")
        String output;

        /** The master URLs Spark itself accepts (SparkMasterRegex, and yarn). */
        private static final Pattern MASTER = Pattern.compile("local|local\\[([1-9][0-9]*|\\*)(\\s*,\\s*[0-9]+)?]"
                + "|local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*]|spark://.+|k8s://.+|yarn");

        /** A path on this machine's file system, or null when the path names another file system (s3a://, ...). */
        private static Path localPath(String path) {
            try {
                if (path.startsWith("file:")) {
                    return Path.of(java.net.URI.create(path).getPath());
                }
                return path.contains("://") ? null : Path.of(path);
            } catch (IllegalArgumentException e) { // not a URI or path this check reads: Spark says what is wrong
                return null;
            }
        }

        @Override
        public Integer call() {
            if ((file == null) == (tables == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), file == null
                        ? "Missing portfolio: give FILE or --tables DIR." : "Give either FILE or --tables DIR, not both.");
            }
            if (partitions < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be 1 or more, got "
                        + partitions + ".");
            }
            // checked before Spark starts: Spark would log its own stack trace for a master it cannot parse
            if (master != null && !MASTER.matcher(master).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--master must be a Spark master URL "
                        + "(local, local[N], local[*], local[N,F], spark://HOST:PORT, yarn or k8s://URL), got '"
                        + master + "'.");
            }
            Path localOutput = localPath(output);
            if (localOutput != null && Files.exists(localOutput) && !Files.isDirectory(localOutput)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--output must be a directory, got the "
                        + "file " + output + ": give a directory (it is created when missing).");
            }
            MissionEngineBuilder engine = MissionEngine.builder().rules(rules);
            if (!disabled.isEmpty()) {
                engine.disable(disabled.toArray(String[]::new));
            }
            parameters.forEach(engine::parameter);
            severities.forEach(engine::severity);
            engine.build(); // a broken rule file or option is reported before Spark starts
            // without adaptive execution: when a task fails (a bad row, a failing rule), its query stages' callbacks
            // would otherwise run into the pool spark.stop() shuts down, and print stack traces below the message
            SparkSession.Builder session = SparkSession.builder().appName("mission-eval-spark")
                    .config("spark.sql.adaptive.enabled", "false");
            if (System.getProperty(ForklessLocalFileSystem.CONFIG) == null) {
                session.config(ForklessLocalFileSystem.CONFIG, ForklessLocalFileSystem.class.getName());
            }
            if (master != null) {
                session.master(master);
            } else if (System.getProperty("spark.master") == null) {
                session.master("local[*]");
            }
            // Spark starts (some seconds) while the driver reads the file, on the core reading leaves free
            FutureTask<SparkSession> starting = new FutureTask<>(session::getOrCreate);
            Thread starter = new Thread(starting, "mission-eval-spark-start");
            starter.setDaemon(true);
            starter.start();
            Portfolio portfolio = null;
            if (file != null) {
                try {
                    portfolio = PortfolioFiles.read(file);
                } catch (UserErrorException e) {
                    stop(starting);
                    throw e.inFile(file.toString());
                }
            }
            SparkSession spark = started(starting);
            try {
                SparkMissionEvaluator evaluator = SparkMissionEvaluator.builder(spark).engine(engine)
                        .partitions(partitions).asOf(asOf).build();
                try (SparkEvaluation result = portfolio != null ? evaluator.evaluate(portfolio)
                        : evaluator.evaluate(SparkMissionEvaluator.read(spark, tables))) {
                    result.write(output);
                }
            } finally {
                spark.stop();
            }
            spec.commandLine().getErr().println("Wrote " + output + "/missions, " + output + "/targets, " + output
                    + "/findings (Parquet) and " + output + "/report.json.");
            return OK;
        }

        private static SparkSession started(FutureTask<SparkSession> starting) {
            try {
                return starting.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("Spark did not start: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Spark started", e);
            }
        }

        /** Stops Spark once it has started: the command ends with a user's mistake found while Spark was starting. */
        private static void stop(FutureTask<SparkSession> starting) {
            try {
                starting.get().stop();
            } catch (ExecutionException e) {
                // Spark did not start: nothing to stop, and the user's mistake is the message to give
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
