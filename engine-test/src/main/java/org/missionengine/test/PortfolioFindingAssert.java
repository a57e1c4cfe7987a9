package org.missionengine.test;

import java.util.List;
import java.util.Set;

import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;

/** Narrows a portfolio-level finding by subject and evidence; the report's assertions stay available. */
public final class PortfolioFindingAssert extends ReportAssert {
    private final FindingSelection selection;

    PortfolioFindingAssert(EvaluationReport report, Set<String> knownCodes, String code, List<Finding> candidates) {
        super(report, knownCodes);
        this.selection = new FindingSelection("portfolio", code, candidates);
    }

    /** Keeps the findings about {@code subject} (a mission, project, target or owner id); fails when none is. */
    public PortfolioFindingAssert withSubject(String subject) {
        selection.subject(subject);
        return this;
    }

    /** Keeps the findings whose evidence {@code key} matches {@code expected} (numbers within 1e-6). */
    public PortfolioFindingAssert withEvidence(String key, Object expected) {
        return withEvidence(key, expected, Tolerance.DEFAULT);
    }

    public PortfolioFindingAssert withEvidence(String key, Object expected, Tolerance tolerance) {
        selection.evidence(key, expected, tolerance);
        return this;
    }

    public PortfolioFindingAssert withMessageContaining(String text) {
        selection.messageContaining(text);
        return this;
    }

    /** The first finding left after narrowing. */
    public Finding finding() {
        return selection.first();
    }
}
