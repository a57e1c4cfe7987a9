package org.missionengine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.missionengine.report.Severity;

/**
 * What an engine is built from: rule paths (DRL files or pack directories), rules given as text, what to disable
 * (a finding code, a rule name or a pack id), parameter overrides, and severity overrides per finding code.
 *
 * <p>Custom rule files are checked against an allow-list of what a rule may use (the model, report and rules packages
 * of the API; {@code java.lang} without exiting, processes, threads, reflection and class loaders; {@code java.util},
 * {@code java.time}, {@code java.math}): see docs/writing-rules.md. {@code trustedRules} lists rule files or pack
 * directories exempt from that check; {@code trustAllRules} exempts every rule file and rule text.
 *
 * @param rulePaths     rule files ({@code .drl}) and pack directories, in order
 * @param inlineRules   rules given as DRL text, by the name error messages give them
 * @param disabled      finding codes, rule names and pack ids to leave out
 * @param parameters    parameter overrides by name
 * @param severities    severity overrides by finding code
 * @param trustedRules  rule files and pack directories exempt from the allow-list
 * @param trustAllRules whether every rule file and text is exempt from the allow-list
 */
public record EngineConfig(List<Path> rulePaths, Map<String, String> inlineRules, List<String> disabled,
                           Map<String, Object> parameters, Map<String, Severity> severities,
                           List<Path> trustedRules, boolean trustAllRules) {
    /**
     * Copies every list and map; a null {@code trustedRules} is none.
     *
     * @param rulePaths     rule files ({@code .drl}) and pack directories, in order
     * @param inlineRules   rules given as DRL text, by the name error messages give them
     * @param disabled      finding codes, rule names and pack ids to leave out
     * @param parameters    parameter overrides by name
     * @param severities    severity overrides by finding code
     * @param trustedRules  rule files and pack directories exempt from the allow-list
     * @param trustAllRules whether every rule file and text is exempt from the allow-list
     */
    public EngineConfig {
        rulePaths = List.copyOf(rulePaths);
        inlineRules = Map.copyOf(inlineRules);
        disabled = List.copyOf(disabled);
        parameters = Map.copyOf(parameters);
        severities = Map.copyOf(severities);
        trustedRules = trustedRules == null ? List.of() : List.copyOf(trustedRules);
    }

    /**
     * A configuration that trusts no rule file: every custom rule is checked against the allow-list.
     *
     * @param rulePaths   rule files ({@code .drl}) and pack directories, in order
     * @param inlineRules rules given as DRL text, by the name error messages give them
     * @param disabled    finding codes, rule names and pack ids to leave out
     * @param parameters  parameter overrides by name
     * @param severities  severity overrides by finding code
     */
    public EngineConfig(List<Path> rulePaths, Map<String, String> inlineRules, List<String> disabled,
                        Map<String, Object> parameters, Map<String, Severity> severities) {
        this(rulePaths, inlineRules, disabled, parameters, severities, List.of(), false);
    }

    /**
     * Whether a rule file or pack directory is exempt from the allow-list.
     *
     * @param rulePath the file or directory
     * @return true when it is trusted (or lies inside a trusted directory), or every rule is
     */
    public boolean trusts(Path rulePath) {
        if (trustAllRules) {
            return true;
        }
        Path path = rulePath.toAbsolutePath().normalize();
        return trustedRules.stream().map(p -> p.toAbsolutePath().normalize()).anyMatch(path::startsWith);
    }
}
