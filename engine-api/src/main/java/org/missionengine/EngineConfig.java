package org.missionengine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.missionengine.report.Severity;

/**
 * What an engine is built from: rule paths (DRL files or pack directories), rules given as text, what to disable
 * (a finding code, a rule name or a pack id), parameter overrides, and severity overrides per finding code.
 */
public record EngineConfig(List<Path> rulePaths, Map<String, String> inlineRules, List<String> disabled,
                           Map<String, Object> parameters, Map<String, Severity> severities) {
    public EngineConfig {
        rulePaths = List.copyOf(rulePaths);
        inlineRules = Map.copyOf(inlineRules);
        disabled = List.copyOf(disabled);
        parameters = Map.copyOf(parameters);
        severities = Map.copyOf(severities);
    }
}
