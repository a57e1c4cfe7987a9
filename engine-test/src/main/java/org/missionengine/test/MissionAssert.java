package org.missionengine.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opentest4j.AssertionFailedError;

import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Rating;
import org.missionengine.report.TargetAssessment;

/**
 * Assertions on one mission's report: findings present and absent, rating, criteria scores, targets. An assertion
 * that passes returns the assertion for more; one that fails throws an {@link AssertionFailedError} that names the
 * mission and shows expected and actual values.
 */
public class MissionAssert {
    final ReportAssert report;
    final MissionReport mission;

    MissionAssert(ReportAssert report, MissionReport mission) {
        this.report = report;
        this.mission = mission;
    }

    /**
     * The mission report under test, for checks the assertions do not cover.
     *
     * @return the report
     */
    public MissionReport actual() {
        return mission;
    }

    /**
     * Passes when the mission has a finding with this code; narrow it with {@code withEvidence}, {@code withSubject}
     * on the returned assertion. On failure the message lists every code the mission has.
     *
     * @param code a finding code such as {@code MW_NO_NEW_MONEY}; a code no enabled rule emits fails at once, naming the
     *             closest known code
     * @return assertions on the findings with this code
     */
    public FindingAssert hasFinding(String code) {
        check(Checks.knownCode(Objects.requireNonNull(code, "code"), report.knownCodes));
        check(Checks.present(mission.findings(), code));
        return new FindingAssert(report, mission, code, Checks.withCode(mission.findings(), code));
    }

    /**
     * Passes when the mission has every one of these codes; the failure lists all that are missing at once.
     *
     * @param codes finding codes, each emitted by an enabled rule
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasFindings(String... codes) {
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            check(Checks.knownCode(code, report.knownCodes));
            if (!mission.hasFinding(code)) {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            List<String> found = Checks.codesOf(mission.findings());
            throw Mismatch.of("findings " + missing, found.isEmpty() ? "no findings" : String.valueOf(found),
                    String.join("\n", Arrays.asList(codes)), String.join("\n", found)).toError(where());
        }
        return this;
    }

    /**
     * Passes when no finding of the mission has this code; on failure shows the finding's message and evidence.
     *
     * @param code a finding code such as {@code MW_NO_NEW_MONEY}; a code no enabled rule emits fails at once, naming the
     *             closest known code
     * @return this assertion, for more on the same mission
     */
    public MissionAssert doesNotHaveFinding(String code) {
        check(Checks.knownCode(Objects.requireNonNull(code, "code"), report.knownCodes));
        check(Checks.absent(mission.findings(), code));
        return this;
    }

    /**
     * Passes when none of these codes is among the mission's findings.
     *
     * @param codes finding codes, each emitted by an enabled rule
     * @return this assertion, for more on the same mission
     */
    public MissionAssert doesNotHaveFindings(String... codes) {
        for (String code : codes) {
            doesNotHaveFinding(code);
        }
        return this;
    }

    /**
     * Passes when the mission's findings are exactly these codes (each at least once), in any order.
     *
     * @param codes finding codes, each emitted by an enabled rule
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasOnlyFindings(String... codes) {
        hasFindings(codes);
        List<String> unexpected = new ArrayList<>(Checks.codesOf(mission.findings()));
        unexpected.removeAll(Arrays.asList(codes));
        if (!unexpected.isEmpty()) {
            throw Mismatch.of("only findings " + Arrays.asList(codes), "also " + unexpected,
                    String.join("\n", Arrays.asList(codes)), String.join("\n", Checks.codesOf(mission.findings())))
                    .toError(where());
        }
        return this;
    }

    /**
     * Passes when the mission has no finding at all.
     *
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasNoFindings() {
        if (!mission.findings().isEmpty()) {
            throw Mismatch.of("no findings", String.valueOf(Checks.codesOf(mission.findings())), "",
                    Checks.describe(mission.findings())).toError(where());
        }
        return this;
    }

    /**
     * Passes when the mission's rating is this one; the failure shows the score, washing risk and criteria.
     *
     * @param rating the expected rating, or null for a mission no rule rates
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasRating(Rating rating) {
        check(Checks.rating(mission, rating));
        return this;
    }

    /**
     * Passes when the criterion's score is {@code expected} within 1e-6.
     *
     * @param criterion one of the five mission criteria
     * @param expected  its expected score, 0..1
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasCriterion(Criterion criterion, double expected) {
        return hasCriterion(criterion, expected, Tolerance.DEFAULT);
    }

    /**
     * Passes when the criterion's score is {@code expected} within a tolerance; fails when the criterion could not be
     * assessed (it has no score).
     *
     * @param criterion one of the five mission criteria
     * @param expected  its expected score, 0..1
     * @param tolerance how far the score may be from it
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasCriterion(Criterion criterion, double expected, Tolerance tolerance) {
        check(Checks.criterion(mission, criterion, expected, tolerance));
        return this;
    }

    /**
     * Passes when the mission's outcome-oriented score (the one its rating rests on) is {@code expected}, to the
     * default tolerance; fails when the mission has no score.
     *
     * @param expected the expected score, 0..1
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasScore(double expected) {
        check(Checks.figure(mission, Figure.SCORE, expected, Tolerance.DEFAULT));
        return this;
    }

    /**
     * Passes when the share of the mission's evidence items that the portfolio records is {@code expected}, to the
     * default tolerance.
     *
     * @param expected the expected share, 0..1
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasEvidence(double expected) {
        check(Checks.figure(mission, Figure.EVIDENCE, expected, Tolerance.DEFAULT));
        return this;
    }

    /**
     * Passes when the mission's delivery (how far its outcome targets are getting) is {@code expected}, to the default
     * tolerance; fails when the mission has no delivery yet.
     *
     * @param expected the expected delivery, 0..1
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasDelivery(double expected) {
        check(Checks.figure(mission, Figure.DELIVERY, expected, Tolerance.DEFAULT));
        return this;
    }

    /**
     * Passes when the mission's washing risk is {@code expected} within 1e-6.
     *
     * @param expected the expected risk, 0..1
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasWashingRisk(double expected) {
        return hasWashingRisk(expected, Tolerance.DEFAULT);
    }

    /**
     * Passes when the mission's washing risk is {@code expected} within a tolerance.
     *
     * @param expected  the expected risk, 0..1
     * @param tolerance how far the risk may be from it
     * @return this assertion, for more on the same mission
     */
    public MissionAssert hasWashingRisk(double expected, Tolerance tolerance) {
        check(Checks.washingRisk(mission, expected, tolerance));
        return this;
    }

    /**
     * Assertions on one target's assessment; fails, listing the targets there are, when the mission has none with this
     * id.
     *
     * @param id the target's id (its metric's id unless the portfolio names the target)
     * @return assertions on that target
     */
    public TargetAssert target(String id) {
        Optional<TargetAssessment> target = mission.target(id);
        if (target.isEmpty()) {
            List<String> ids = mission.targets().stream().map(TargetAssessment::target).toList();
            throw Mismatch.of("target \"" + id + "\"", "no such target (targets: " + ids + ")", id, ids)
                    .toError(where());
        }
        return new TargetAssert(report, mission, target.get());
    }

    /**
     * Switches to another mission of the same report.
     *
     * @param id the other mission's id
     * @return assertions on that mission
     */
    public MissionAssert mission(String id) {
        return report.mission(id);
    }

    /**
     * Back to the report, for portfolio-level assertions.
     *
     * @return the report's assertions
     */
    public ReportAssert report() {
        return report;
    }

    /**
     * Every finding of the mission with this code (for checks the assertions do not cover).
     *
     * @param code a finding code
     * @return the findings, in report order; empty when there is none
     */
    public List<Finding> findings(String code) {
        return mission.findings(code);
    }

    String where() {
        return "mission \"" + mission.id() + "\"";
    }

    void check(Optional<Mismatch> mismatch) {
        if (mismatch.isPresent()) {
            AssertionFailedError error = mismatch.get().toError(where());
            throw error;
        }
    }
}
