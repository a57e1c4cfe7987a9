package org.missionengine.test;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.opentest4j.AssertionFailedError;

import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/**
 * Assertions on a whole report: its missions and its portfolio-level findings. An assertion that fails throws an
 * {@link org.opentest4j.AssertionFailedError} that shows expected and actual values.
 */
public class ReportAssert {
    final EvaluationReport report;
    final Set<String> knownCodes;

    ReportAssert(EvaluationReport report, Set<String> knownCodes) {
        this.report = Objects.requireNonNull(report, "the report to check is null: evaluate a portfolio first");
        this.knownCodes = knownCodes;
    }

    /**
     * The report under test, for checks the assertions do not cover.
     *
     * @return the report
     */
    public EvaluationReport actual() {
        return report;
    }

    /**
     * Assertions on one mission's report; fails, listing the missions there are, when the report has none with this id.
     *
     * @param id the mission's id
     * @return assertions on that mission
     */
    public MissionAssert mission(String id) {
        Optional<MissionReport> mission = Checks.mission(report, id);
        if (mission.isEmpty()) {
            throw Checks.noMission(report, id).toError(null);
        }
        return new MissionAssert(this, mission.get());
    }

    /**
     * Passes when some portfolio-level finding has this code; narrow it further with the returned assertion.
     *
     * @param code a finding code such as {@code PORT_TOO_MANY_MISSIONS}
     * @return assertions on the portfolio-level findings with this code
     */
    public PortfolioFindingAssert hasPortfolioFinding(String code) {
        requireKnown(code, "portfolio");
        fail(Checks.present(report.findings(), code), "portfolio");
        return new PortfolioFindingAssert(report, knownCodes, code, Checks.withCode(report.findings(), code));
    }

    /**
     * Passes when no portfolio-level finding has this code.
     *
     * @param code a finding code
     * @return this assertion
     */
    public ReportAssert doesNotHavePortfolioFinding(String code) {
        requireKnown(code, "portfolio");
        fail(Checks.absent(report.findings(), code), "portfolio");
        return this;
    }

    /**
     * Passes when the report has no portfolio-level findings at all.
     *
     * @return this assertion
     */
    public ReportAssert hasNoPortfolioFindings() {
        List<Finding> findings = report.findings();
        if (!findings.isEmpty()) {
            throw Mismatch.of("no portfolio findings", String.valueOf(Checks.codesOf(findings)), List.of(),
                    Checks.describe(findings)).toError("portfolio");
        }
        return this;
    }

    void requireKnown(String code, String where) {
        Objects.requireNonNull(code, "code");
        fail(Checks.knownCode(code, knownCodes), where);
    }

    static void fail(Optional<Mismatch> mismatch, String where) {
        if (mismatch.isPresent()) {
            AssertionFailedError error = mismatch.get().toError(where);
            throw error;
        }
    }
}
