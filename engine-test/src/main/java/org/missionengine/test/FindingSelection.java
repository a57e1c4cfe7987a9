package org.missionengine.test;

import java.util.List;

import org.missionengine.report.Finding;
import org.missionengine.report.Severity;

/** The findings of one code that the assertions narrow step by step; each step fails when it would leave none. */
final class FindingSelection {
    private final String where;
    private final String code;
    private List<Finding> findings;

    FindingSelection(String where, String code, List<Finding> findings) {
        this.where = where;
        this.code = code;
        this.findings = findings;
    }

    void subject(String subject) {
        apply(Checks.subject(findings, code, subject));
    }

    void evidence(String key, Object expected, Tolerance tolerance) {
        apply(Checks.evidence(findings, code, key, expected, tolerance));
    }

    void severity(Severity severity) {
        apply(Checks.narrow(findings, f -> f.severity() == severity, () -> Mismatch.of(
                "finding " + code + " with severity " + severity,
                String.valueOf(findings.stream().map(Finding::severity).distinct().toList()), severity,
                findings.get(0).severity())));
    }

    void messageContaining(String text) {
        apply(Checks.narrow(findings, f -> f.message() != null && f.message().contains(text), () -> Mismatch.of(
                "finding " + code + " with a message containing \"" + text + "\"",
                findings.stream().map(f -> "\"" + f.message() + "\"").toList().toString(), text,
                findings.get(0).message())));
    }

    Finding first() {
        return findings.get(0);
    }

    List<Finding> findings() {
        return findings;
    }

    private void apply(Checks.Narrowed narrowed) {
        if (narrowed.mismatch() != null) {
            throw narrowed.mismatch().toError(where);
        }
        findings = narrowed.findings();
    }
}
