package org.missionengine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;
import org.missionengine.report.Severity;

import picocli.CommandLine.Option;

/** The options that shape an engine: extra rules, what to disable, parameter and severity overrides. */
final class EngineOptions {
    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule file (.drl, or a decision table: .xlsx, .csv) or a rule pack directory (holding "
                    + "pack.json and rule files) to run beside the built-in packs. Repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--trust-rules", paramLabel = "PATH",
            description = "Like --rules, for a rule file or pack directory you wrote or reviewed: it is trusted fully "
                    + "and not checked against the allow-list of what a rule file may use (it may read files, call "
                    + "any Java code or end the program). Repeatable.")
    List<Path> trustedRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "CODE|RULE|PACK", split = ",",
            description = "Disables rules by finding code, rule name or pack id. Repeatable; commas allowed.")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Overrides a parameter (a rule threshold, e.g. crossCutting.minSectors=4); wins over the "
                    + "portfolio's parameters. Repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--severity", paramLabel = "CODE=SEVERITY",
            description = "Reports every finding with CODE at SEVERITY (INFO, WARNING, CRITICAL). Repeatable.")
    Map<String, Severity> severities = new LinkedHashMap<>();

    /** Builds the engine; throws a user error for broken rules, unknown parameters or codes. */
    MissionEngine build() {
        return builder(rules).build();
    }

    /** A builder with these options but the given rule paths. */
    MissionEngineBuilder builder(List<Path> rulePaths) {
        MissionEngineBuilder builder = MissionEngine.builder().rules(rulePaths);
        if (!trustedRules.isEmpty()) {
            builder.trustRules(trustedRules.toArray(Path[]::new));
        }
        if (!disabled.isEmpty()) {
            builder.disable(disabled.toArray(String[]::new));
        }
        parameters.forEach(builder::parameter);
        severities.forEach(builder::severity);
        return builder;
    }
}
