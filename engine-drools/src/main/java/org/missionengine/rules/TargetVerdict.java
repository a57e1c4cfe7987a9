package org.missionengine.rules;

import org.missionengine.report.TargetStatus;

/**
 * Fact inserted by the trajectory rules: a target's status.
 *
 * @param targetId the target's id
 * @param status   where it stands: ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, MISSED or NO_DATA
 */
public record TargetVerdict(String targetId, TargetStatus status) {
}
