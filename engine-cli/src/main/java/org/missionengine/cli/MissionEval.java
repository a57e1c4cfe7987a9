package org.missionengine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The {@code mission-eval} command line tool: evaluates mission portfolios, validates portfolio and rule files, and
 * lists the rule catalog.
 *
 * <p>Exit codes: 0 done, 1 findings at or above {@code --fail-on}, 2 a user's mistake (bad file, bad option: one
 * paragraph on stderr, no stack trace), 3 an internal error (stack trace with {@code --debug} or
 * {@code MISSION_EVAL_DEBUG=1}).
 */
@Command(name = "mission-eval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Evaluates public missions by outcomes, direction and spillovers, and flags mission washing.",
                ""},
        subcommands = {EvaluateCommand.class, ExportCommand.class, ValidateCommand.class, TestCommand.class, RulesCommand.class,
                ExplainCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (no finding at or above --fail-on)",
                "1:findings at or above --fail-on (evaluate), failed scenarios or coverage below --min-coverage (test)",
                "2:a mistake in a file or an option (the message says where)",
                "3:an internal error (add --debug for the stack trace)"},
        footer = {"", "Run 'mission-eval COMMAND --help' for a command's options."})
public final class MissionEval {
    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** Exit code: a user's mistake. */
    public static final int USER_ERROR = 2;
    /** Exit code: an internal error. */
    public static final int INTERNAL_ERROR = 3;

    static final String DEBUG_ENV = "MISSION_EVAL_DEBUG";
    /** A file with thousands of problems usually has one mistake repeated: its first ones say what it is. */
    static final int MAX_PROBLEMS_SHOWN = 100;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace (or set MISSION_EVAL_DEBUG=1).")
    boolean debug;

    private MissionEval() {
    }

    public static void main(String[] args) {
        // a trusted rule that spins past --timeout cannot be stopped inside the JVM: the engine then ends the process
        // with the rule's error (exit code 2) instead of leaving the command hanging
        if (System.getProperty("missionengine.runawayRule") == null) {
            System.setProperty("missionengine.runawayRule", "exit");
        }
        Charset charset = System.console() != null ? System.console().charset() : StandardCharsets.UTF_8;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset), true);
        int code = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the tool in-process: what {@code main} does, without exiting. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        boolean envDebug = isTrue(env.get(DEBUG_ENV));
        CommandLine cli = commandLine(out, err, envDebug);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command line; {@code extraSubcommands} lets tests add commands that misbehave. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean envDebug, Object... extraSubcommands) {
        CommandLine cli = new CommandLine(new MissionEval());
        for (Object subcommand : extraSubcommands) {
            cli.addSubcommand(subcommand);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(MissionEval::parameterError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                executionError(ex, commandLine, parseResult, envDebug));
        cli.setExitCodeExceptionMapper(ex -> INTERNAL_ERROR);
        return cli;
    }

    /** A bad option or argument: one paragraph, the message and where to look for help. */
    private static int parameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(cli.getCommandSpec().qualifiedName() + ": "
                + String.valueOf(ex.getMessage()).replace("option option", "option"));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)
                && cli.getParent() == null && String.valueOf(ex.getMessage()).contains("subcommand")) {
            err.println("Commands: " + String.join(", ", cli.getSubcommands().keySet()) + ".");
        }
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USER_ERROR;
    }

    private static int executionError(Exception ex, CommandLine cli, ParseResult parseResult, boolean envDebug) {
        PrintWriter err = cli.getErr();
        if (ex instanceof UserErrorException user) {
            // each file's problems in turn (they come grouped by file), at most MAX_PROBLEMS_SHOWN of one file
            Map<String, List<Problem>> byFile = user.problems().stream().collect(
                    Collectors.groupingBy(p -> String.valueOf(p.file()), LinkedHashMap::new, Collectors.toList()));
            for (List<Problem> problems : byFile.values()) {
                problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> err.println(p.describe()));
                if (problems.size() > MAX_PROBLEMS_SHOWN) {
                    err.printf(Locale.ROOT, "... and %,d more problems (%,d in all): fix those above first, as one "
                            + "mistake is often repeated.%n", problems.size() - MAX_PROBLEMS_SHOWN, problems.size());
                }
            }
            return USER_ERROR;
        }
        err.println("internal error: " + ex);
        if (envDebug || debugRequested(parseResult)) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        } else {
            err.println("This is a fault of mission-eval, not of your files. Run again with --debug (or "
                    + DEBUG_ENV + "=1) for the stack trace and report it.");
        }
        return INTERNAL_ERROR;
    }

    private static boolean debugRequested(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }
}
