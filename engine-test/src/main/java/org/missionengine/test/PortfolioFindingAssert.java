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

    /**
     * Keeps the findings about {@code subject} (a mission, project, target or owner id); fails when none is.
     *
     * @param subject the id
     * @return this assertion, narrowed
     */
    public PortfolioFindingAssert withSubject(String subject) {
        selection.subject(subject);
        return this;
    }

    /**
     * Keeps the findings whose evidence {@code key} matches {@code expected} (numbers within 1e-6); fails when none
     * does.
     *
     * @param key      an evidence key of the finding
     * @param expected the value expected
     * @return this assertion, narrowed
     */
    public PortfolioFindingAssert withEvidence(String key, Object expected) {
        return withEvidence(key, expected, Tolerance.DEFAULT);
    }

    /**
     * Keeps the findings whose evidence {@code key} matches {@code expected}, numbers within a tolerance; fails when
     * none does.
     *
     * @param key       an evidence key of the finding
     * @param expected  the value expected
     * @param tolerance how far a number may be from it
     * @return this assertion, narrowed
     */
    public PortfolioFindingAssert withEvidence(String key, Object expected, Tolerance tolerance) {
        selection.evidence(key, expected, tolerance);
        return this;
    }

    /**
     * Keeps the findings whose message contains a text; fails, showing the messages, when none does.
     *
     * @param text the text, compared as it is (case matters)
     * @return this assertion, narrowed
     */
    public PortfolioFindingAssert withMessageContaining(String text) {
        selection.messageContaining(text);
        return this;
    }

    /**
     * The first finding left after narrowing.
     *
     * @return that finding
     */
    public Finding finding() {
        return selection.first();
    }
}
