package org.missionengine.catalog;

import org.missionengine.report.Criterion;
import org.missionengine.report.Severity;

/**
 * One rule as the engine runs it: its name, pack, the finding code it emits, severity (after overrides), category.
 *
 * @param name        the rule's name as written in its rule file
 * @param pack        the id of its pack
 * @param code        the finding code it emits ({@code @code}); null for a rule that only computes
 * @param severity    the severity of its findings, after any override of its code's severity
 * @param category    its {@code @category}, such as {@code WASHING} or {@code GOVERNANCE}; null when not declared
 * @param criterion   the mission criterion whose score it counts in ({@code @criterion}); null for none
 * @param description what it checks ({@code @description}); null when not declared
 */
public record RuleInfo(String name, String pack, String code, Severity severity, String category, Criterion criterion,
                       String description) {
}
