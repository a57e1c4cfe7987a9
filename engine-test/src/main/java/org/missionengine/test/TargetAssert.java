package org.missionengine.test;

import org.missionengine.report.MissionReport;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/** Assertions on one target's assessment; the mission's assertions stay available for chaining. */
public final class TargetAssert extends MissionAssert {
    private final TargetAssessment target;

    TargetAssert(ReportAssert report, MissionReport mission, TargetAssessment target) {
        super(report, mission);
        this.target = target;
    }

    /**
     * Passes when the target's status is this one.
     *
     * @param status the expected status, such as {@code ON_TRACK}
     * @return this assertion
     */
    public TargetAssert hasStatus(TargetStatus status) {
        check(Checks.target(mission, target.target(), status));
        return this;
    }

    /**
     * Passes when (latest − baseline)/(goal − baseline) is {@code expected} within the tolerance; fails when the
     * target has too little data for one.
     *
     * @param expected  the expected gap closure (1 when the goal is reached)
     * @param tolerance how far it may be from it
     * @return this assertion
     */
    public TargetAssert hasGapClosure(double expected, Tolerance tolerance) {
        Double closure = target.gapClosure();
        if (closure == null || !tolerance.matches(expected, closure)) {
            throw Mismatch.of("target " + target.target() + " gap closure " + Values.format(expected) + " " + tolerance,
                    closure == null ? "none (too little data)" : Values.format(closure), expected, closure).toError(where());
        }
        return this;
    }

    /**
     * The assessment under test, for checks the assertions do not cover.
     *
     * @return the target's assessment
     */
    public TargetAssessment assessment() {
        return target;
    }
}
