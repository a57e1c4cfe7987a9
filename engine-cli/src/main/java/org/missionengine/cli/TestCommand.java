package org.missionengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.missionengine.test.RuleCoverage;
import org.missionengine.test.ScenarioCheck;
import org.missionengine.test.ScenarioFailure;
import org.missionengine.test.ScenarioResults;
import org.missionengine.test.ScenarioRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mission-eval test}: runs policy scenario files (engine-test's {@link ScenarioRunner}) and prints one line per
 * failed expectation, the summary line {@code N passed, N failed} and the rule coverage.
 *
 * <p>Output: failed expectations on stdout ({@code file:line: scenario/mission: expected X, found Y}); scenario files
 * that cannot be read or evaluated on stderr ({@code file:line: message. hint}); then the summary line on stdout,
 * always, and the coverage (the rules no scenario fired, or with {@code --coverage} every rule with its count).
 * Exit 2 as soon as one file is malformed, even when the other scenarios ran: a broken scenario is a user's mistake,
 * not a policy that changed.
 */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Runs policy scenario files: checks that the findings, ratings and target statuses they expect come "
                        + "out, and reports which rules fired.",
                "A scenario file (\"format\": \"mission-scenario/1\"; JSON, or YAML for .yaml and .yml) holds a "
                        + "portfolio (inline or by path), the rules and thresholds to evaluate it with, and what must "
                        + "(not) come out per mission. Directories are searched recursively; the portfolio, report "
                        + "and pack.json files in them are skipped.",
                "Prints one line per failed expectation (file:line: scenario/mission: expected X, found Y), then "
                        + "'N passed, N failed' on a line of its own, then the rule coverage: the rules that never "
                        + "fired, or with --coverage every rule with how often it fired, per pack. "
                        + "See docs/testing-policies.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every scenario passed (and the coverage is at least --min-coverage)",
                "1:an expectation failed, or the coverage is below --min-coverage",
                "2:a malformed scenario file or a bad option (each problem as file:line: message)",
                "3:an internal error"})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Scenario files, or directories searched recursively for them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--coverage",
            description = "Print the rule coverage per pack: every rule with a finding code, how often it fired, "
                    + "and which never fired.")
    boolean coverage;

    @Option(names = "--min-coverage", paramLabel = "RATIO", converter = Ratio.class,
            description = "Fail (exit 1) when less than this share of the rules fired, listing the rules that never "
                    + "did: 1.0 (or 100%%) requires a scenario for every rule.")
    Double minCoverage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        ScenarioResults results = ScenarioRunner.create().run(paths);

        List<ScenarioCheck> errors = results.errors();
        for (ScenarioCheck check : results.checks()) {
            PrintWriter to = errors.contains(check) ? err : out;
            for (ScenarioFailure failure : check.failures()) {
                to.println(failure.describe());
            }
        }
        err.flush();
        out.println(results.summary());

        RuleCoverage rules = results.coverage();
        boolean coverageMet = minCoverage == null || rules.meets(minCoverage);
        if (coverage) {
            out.print(rules.toText());
        } else if (coverageMet) {
            out.print(rules.neverFiredText());
        }
        if (!coverageMet) {
            if (coverage) {
                out.println(String.format(Locale.ROOT, "Rule coverage %.1f%% is below the required %.1f%%.",
                        100 * rules.ratio(), 100 * minCoverage));
                out.print(neverFired(rules));
            } else {
                out.print(rules.neverFiredText());
                out.println(String.format(Locale.ROOT, "Rule coverage %.1f%% is below the required %.1f%%: "
                        + "add a scenario in which each rule above fires.", 100 * rules.ratio(), 100 * minCoverage));
            }
        }
        out.flush();

        if (!errors.isEmpty()) {
            err.println(errors.size() == 1 ? "1 scenario file could not be run (see above)."
                    : errors.size() + " scenario files could not be run (see above).");
            err.flush();
            return MissionEval.USER_ERROR;
        }
        return results.successful() && coverageMet ? MissionEval.OK : MissionEval.FINDINGS;
    }

    /** The rules that never fired, one per line, after the full table has already been printed. */
    private static String neverFired(RuleCoverage rules) {
        StringBuilder sb = new StringBuilder("Never fired:\n");
        rules.neverFired().forEach(r -> sb.append("  ").append(r.pack()).append("  ").append(r.code())
                .append("  \"").append(r.rule()).append("\"\n"));
        return sb.toString();
    }

    /** A share between 0 and 1, written as 0.95 or 95%. */
    static final class Ratio implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String text = value.strip();
            boolean percent = text.endsWith("%");
            double ratio;
            try {
                ratio = Double.parseDouble(percent ? text.substring(0, text.length() - 1).strip() : text);
            } catch (NumberFormatException e) {
                ratio = Double.NaN;
            }
            if (percent) {
                ratio /= 100;
            }
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a share of the rules: write a "
                        + "number from 0 to 1 (1.0 = every rule must fire) or a percentage such as 90%");
            }
            return ratio;
        }
    }
}
