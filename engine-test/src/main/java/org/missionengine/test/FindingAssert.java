package org.missionengine.test;

import java.util.List;

import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/**
 * Narrows the findings of one code of a mission: {@code hasFinding("MW_REBRANDED").withEvidence("share", 0.62)}
 * passes when some MW_REBRANDED finding has that evidence. The mission's assertions stay available for chaining.
 */
public final class FindingAssert extends MissionAssert {
    private final FindingSelection selection;

    FindingAssert(ReportAssert report, MissionReport mission, String code, List<Finding> candidates) {
        super(report, mission);
        this.selection = new FindingSelection("mission \"" + mission.id() + "\"", code, candidates);
    }

    /**
     * Keeps the findings whose evidence {@code key} matches {@code expected}: numbers within 1e-6, lists in any
     * order, anything else by its text; fails, showing the evidence found, when none does.
     *
     * @param key      an evidence key of the finding, such as {@code share}
     * @param expected the value expected
     * @return this assertion, narrowed
     */
    public FindingAssert withEvidence(String key, Object expected) {
        return withEvidence(key, expected, Tolerance.DEFAULT);
    }

    /**
     * Keeps the findings whose evidence {@code key} matches {@code expected}, numbers within a tolerance; fails,
     * showing the evidence found, when none does.
     *
     * @param key       an evidence key of the finding
     * @param expected  the value expected
     * @param tolerance how far a number may be from it
     * @return this assertion, narrowed
     */
    public FindingAssert withEvidence(String key, Object expected, Tolerance tolerance) {
        selection.evidence(key, expected, tolerance);
        return this;
    }

    /**
     * Keeps the findings about {@code subject}: the mission, project or target id the finding names; fails when none is.
     *
     * @param subject the id
     * @return this assertion, narrowed
     */
    public FindingAssert withSubject(String subject) {
        selection.subject(subject);
        return this;
    }

    /**
     * Keeps the findings of a severity (after any override); fails, showing the severities found, when none has it.
     *
     * @param severity the severity
     * @return this assertion, narrowed
     */
    public FindingAssert withSeverity(Severity severity) {
        selection.severity(severity);
        return this;
    }

    /**
     * Keeps the findings whose message contains a text; fails, showing the messages, when none does.
     *
     * @param text the text, compared as it is (case matters)
     * @return this assertion, narrowed
     */
    public FindingAssert withMessageContaining(String text) {
        selection.messageContaining(text);
        return this;
    }

    /**
     * Passes when exactly {@code count} findings are left (e.g. one per offending project).
     *
     * @param count the number expected
     * @return this assertion
     */
    public FindingAssert times(int count) {
        List<Finding> left = selection.findings();
        if (left.size() != count) {
            throw Mismatch.of(count + " finding(s) " + left.get(0).code(), left.size() + ": " + Checks.describe(left)
                    .replace('\n', ';'), count, left.size()).toError(where());
        }
        return this;
    }

    /**
     * The first finding left after narrowing, for checks the assertions do not cover.
     *
     * @return that finding
     */
    public Finding finding() {
        return selection.first();
    }
}
