package org.missionengine.test;

import org.missionengine.catalog.RuleCatalog;
import org.missionengine.report.EvaluationReport;

/**
 * Entry point of the fluent assertions on an evaluation report.
 *
 * <pre>{@code
 * import static org.missionengine.test.MissionAssertions.assertThat;
 * import static org.missionengine.test.MissionAssertions.within;
 *
 * assertThat(report).mission("m1")
 *         .hasFinding("MW_REBRANDED").withEvidence("share", 0.62)
 *         .doesNotHaveFinding("MW_NO_NEW_MONEY")
 *         .hasRating(Rating.WEAK)
 *         .hasCriterion(Criterion.BOLD, 0.8, within(1e-6))
 *         .target("t1").hasStatus(TargetStatus.ON_TRACK);
 * assertThat(report).hasPortfolioFinding("PORT_TOO_MANY_MISSIONS");
 * }</pre>
 *
 * Failures are opentest4j {@code AssertionFailedError}s that say what was found instead (every code of the mission,
 * the evidence map), with expected and actual values for the IDE's comparison view. Give the engine's catalog
 * ({@link #assertThat(EvaluationReport, RuleCatalog)}, or use {@link PolicyVerifier}) and a code that no rule emits
 * fails as such, instead of {@code doesNotHaveFinding("MW_REBRANDD")} passing silently.
 */
public final class MissionAssertions {
    private MissionAssertions() {
    }

    /**
     * Assertions on a report; a finding code no rule emits is not caught (use the catalog overload for that).
     *
     * @param report the report
     * @return assertions on it
     */
    public static ReportAssert assertThat(EvaluationReport report) {
        return new ReportAssert(report, null);
    }

    /**
     * Assertions on a report that also check every finding code named against the catalog of the engine used.
     *
     * @param report  the report
     * @param catalog the catalog of the engine that produced it ({@code engine.catalog()})
     * @return assertions on it
     */
    public static ReportAssert assertThat(EvaluationReport report, RuleCatalog catalog) {
        return new ReportAssert(report, catalog == null ? null : Checks.codes(catalog));
    }

    /**
     * A tolerance for numbers: {@code hasCriterion(Criterion.BOLD, 0.8, within(1e-6))}.
     *
     * @param amount how far a number may be from the expected one, 0 or more
     * @return the tolerance
     */
    public static Tolerance within(double amount) {
        return new Tolerance(amount);
    }
}
