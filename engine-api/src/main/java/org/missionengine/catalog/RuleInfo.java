package org.missionengine.catalog;

import org.missionengine.report.Criterion;
import org.missionengine.report.Severity;

/** One rule as the engine runs it: its name, pack, the finding code it emits, severity (after overrides), category. */
public record RuleInfo(String name, String pack, String code, Severity severity, String category, Criterion criterion,
                       String description) {
}
