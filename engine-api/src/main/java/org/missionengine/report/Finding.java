package org.missionengine.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a rule found. {@code subject} is the id of the mission, project or target it is about; {@code evidence}
 * holds the numbers behind the {@code message}, in the order the rule gave them; {@code criterion} is set when the
 * rule is one of the checks of a mission criterion.
 *
 * @param code      the finding code, such as {@code MW_REBRANDED}
 * @param severity  how much it matters
 * @param category  the rule's category ({@code WASHING}, {@code CRITERIA}, ...)
 * @param subject   the id of the mission, project or target it is about
 * @param message   a sentence a policy officer understands, with the numbers
 * @param rule      the name of the rule that found it
 * @param pack      the rule's pack
 * @param evidence  the numbers and names behind the message, by name
 * @param criterion the mission criterion the rule checks, or null
 */
public record Finding(String code, Severity severity, String category, String subject, String message, String rule,
                      String pack, Map<String, Object> evidence, Criterion criterion) {
    /**
     * Copies {@code evidence}, keeping its order.
     *
     * @param code      the finding code, such as {@code MW_REBRANDED}
     * @param severity  how much it matters
     * @param category  the rule's category ({@code WASHING}, {@code CRITERIA}, ...)
     * @param subject   the id of the mission, project or target it is about
     * @param message   a sentence a policy officer understands, with the numbers
     * @param rule      the name of the rule that found it
     * @param pack      the rule's pack
     * @param evidence  the numbers and names behind the message, by name
     * @param criterion the mission criterion the rule checks, or null
     * @throws IllegalArgumentException if the code is missing or the severity is null
     */
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

    /**
     * One evidence value.
     *
     * @param key its name
     * @return the value, or null when the finding has none of that name
     */
    public Object evidence(String key) {
        return evidence.get(key);
    }

    /**
     * The same finding with another severity (for per-code overrides).
     *
     * @param newSeverity the severity
     * @return a new finding
     */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(code, newSeverity, category, subject, message, rule, pack, evidence, criterion);
    }
}
