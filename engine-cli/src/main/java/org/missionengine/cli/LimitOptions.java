package org.missionengine.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.missionengine.MissionEngineBuilder;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;

import picocli.CommandLine.Option;

/**
 * The engine's limits, which only whoever runs mission-eval sets: never a portfolio file, so the data under evaluation
 * cannot loosen them.
 */
final class LimitOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Missions evaluated at once; 0 means one per available processor. Default: 0.")
    int threads = 0;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Most seconds one mission's rules (or the portfolio-level rules) may take before they are "
                    + "halted and the run ends with an error naming the rule (a trusted rule that loops and does not "
                    + "stop: 2 s later). Default: 10.")
    double timeoutSeconds = 10;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Most rule firings one mission's evaluation may take; more means a rule loops, and the run "
                    + "ends with an error naming it. Default: 10000.")
    int maxFirings = 10_000;

    /** Sets the limits on {@code builder}; a user error for a limit out of range. */
    MissionEngineBuilder applyTo(MissionEngineBuilder builder) {
        List<Problem> problems = new ArrayList<>();
        if (threads < 0) {
            problems.add(Problem.at("--threads", "--threads must be 0 or more, got " + threads,
                    "Give the number of missions to evaluate at once, or 0 for one per processor."));
        }
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds) || timeoutSeconds > 86_400) {
            problems.add(Problem.at("--timeout", "--timeout must be more than 0 and at most 86400 seconds, got "
                    + timeoutSeconds, "Give the most seconds one mission's evaluation may take, e.g. --timeout 10."));
        }
        if (maxFirings < 1) {
            problems.add(Problem.at("--max-firings", "--max-firings must be 1 or more, got " + maxFirings,
                    "Give the most rule firings one mission's evaluation may take, e.g. --max-firings 10000."));
        }
        if (!problems.isEmpty()) {
            throw new UserErrorException(problems);
        }
        return builder.threads(threads).timeout(Duration.ofNanos(Math.round(timeoutSeconds * 1e9)))
                .maxFirings(maxFirings);
    }
}
