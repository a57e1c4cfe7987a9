package org.missionengine.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a rule found. {@code subject} is the id of the mission, project or target it is about; {@code evidence}
 * holds the numbers behind the {@code message}, in the order the rule gave them; {@code criterion} is set when the
 * rule is one of the checks of a mission criterion.
 */
public record Finding(String code, Severity severity, String category, String subject, String message, String rule,
                      String pack, Map<String, Object> evidence, Criterion criterion) {
    public Finding {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a finding needs a code; rule \"" + rule + "\" in pack \"" + pack
                    + "\" gave none (add @code(\"...\") to the rule)");
        }
        if (severity == null) {
            throw new IllegalArgumentException("finding " + code + " needs a severity");
        }
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** An evidence value, or null. */
    public Object evidence(String key) {
        return evidence.get(key);
    }

    /** Returns the same finding with another severity (used for per-code overrides). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(code, newSeverity, category, subject, message, rule, pack, evidence, criterion);
    }
}
