package org.missionengine.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.missionengine.Problem;

/**
 * Runs policy scenario files ({@code "format": "mission-scenario/1"}) and collects what they found: the API behind
 * {@code mission-eval test} and {@link Scenarios} (JUnit).
 *
 * <pre>{@code
 * ScenarioResults results = ScenarioRunner.create().run(List.of(Path.of("samples/scenarios")));
 * results.failures().forEach(f -> out.println(f.describe()));
 * out.println(results.summary());
 * if (coverage) out.print(results.coverage().toText());
 * int exit = results.successful() && results.coverage().meets(minCoverage) ? 0 : 1;
 * }</pre>
 *
 * Each path is a scenario file or a directory searched recursively for {@code .json}, {@code .yaml} and {@code .yml}
 * files. In a directory, portfolio files ({@code "format": "mission-portfolio/1"}), report files and
 * {@code pack.json} files are skipped, so scenarios can keep their portfolios and rule packs next to them; every other
 * file must be a valid scenario. Engines are compiled once per distinct set of rules and disabled rules.
 * A run does not throw for a user's mistake: a scenario that cannot be read or evaluated is a failed check located
 * at its file and line.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /**
     * A runner with the engine found on the class path (engine-drools).
     *
     * @return the runner
     */
    public static ScenarioRunner create() {
        return new ScenarioRunner();
    }

    /**
     * Runs every scenario under the paths, in file order.
     *
     * @param paths scenario files, or directories searched recursively
     * @return what the scenarios found
     */
    public ScenarioResults run(Path... paths) {
        return run(Arrays.asList(paths));
    }

    /**
     * Runs every scenario under the paths, in file order.
     *
     * @param paths scenario files, or directories searched recursively
     * @return what the scenarios found; a file that cannot be read or evaluated is a failed check, not an exception
     */
    public ScenarioResults run(List<Path> paths) {
        EngineCache engines = new EngineCache();
        RuleCoverage.Recorder coverage = new RuleCoverage.Recorder();
        List<ScenarioCheck> checks = new ArrayList<>();
        Discovery discovery = discover(paths);
        checks.addAll(discovery.problems());
        for (Path file : discovery.files()) {
            Scenario scenario;
            try {
                scenario = ScenarioReader.read(file);
            } catch (ScenarioException e) {
                checks.add(fileCheck(file, e.problems()));
                continue;
            }
            ScenarioExecution execution = new ScenarioExecution(scenario, engines, coverage);
            List<ScenarioFailure> stopped = execution.evaluate();
            if (!stopped.isEmpty()) {
                checks.add(new ScenarioCheck(file, 1, scenario.name(), null, stopped));
                continue;
            }
            for (Scenario.Group group : scenario.groups()) {
                checks.add(new ScenarioCheck(file, group.line(), scenario.name(), group.label(), execution.check(group)));
            }
        }
        return new ScenarioResults(discovery.files(), checks, coverage.coverage());
    }

    /**
     * The scenario files under the paths, as {@link #run} would run them.
     *
     * @param paths scenario files, or directories searched recursively
     * @return the files, in the order they run
     */
    public List<Path> find(List<Path> paths) {
        return discover(paths).files();
    }

    record Discovery(List<Path> files, List<ScenarioCheck> problems) {
    }

    static Discovery discover(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<ScenarioCheck> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = scenariosIn(path, problems);
                if (found.isEmpty() && problems.isEmpty()) {
                    problems.add(fileCheck(path, List.of(new Problem(path.toString(), null,
                            "no scenario files in this directory", "A scenario is a .json, .yaml or .yml file with "
                            + "\"format\": \"" + ScenarioReader.FORMAT + "\". " + ScenarioReader.GUIDE))));
                }
                files.addAll(found);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                problems.add(fileCheck(path, List.of(new Problem(path.toString(), null, "no such file or directory",
                        "Check the path (relative paths start from " + Path.of("").toAbsolutePath() + ")."))));
            }
        }
        return new Discovery(files, problems);
    }

    private static List<Path> scenariosIn(Path dir, List<ScenarioCheck> problems) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .filter(ScenarioRunner::candidate)
                    .sorted()
                    .filter(p -> !otherFormat(ScenarioReader.formatOf(p)))
                    .toList();
        } catch (IOException e) {
            problems.add(fileCheck(dir, List.of(new Problem(dir.toString(), null, "cannot list the directory: "
                    + e.getMessage(), null))));
            return List.of();
        }
    }

    private static boolean candidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.equals("pack.json") && (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static boolean otherFormat(String format) {
        return format != null && (format.startsWith("mission-portfolio/") || format.startsWith("mission-report/"));
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static ScenarioCheck fileCheck(Path file, List<Problem> problems) {
        List<ScenarioFailure> failures = problems.stream().map(p -> toFailure(file, p)).toList();
        return new ScenarioCheck(file, failures.isEmpty() ? 1 : failures.get(0).line(), null, null, failures);
    }

    /** A reader's problem as a failure: line from {@code line} or {@code line:column}, the column kept in the text. */
    static ScenarioFailure toFailure(Path file, Problem p) {
        int line = 1;
        String column = "";
        String location = p.location();
        if (location != null && location.matches("\\d+(:\\d+)?")) {
            String[] parts = location.split(":");
            line = Integer.parseInt(parts[0]);
            column = parts.length > 1 ? " (column " + parts[1] + ")" : "";
        }
        String text = Problem.at(null, p.message() + column, p.hint()).describe();
        return new ScenarioFailure(file, line, null, null, text, null, null);
    }
}
