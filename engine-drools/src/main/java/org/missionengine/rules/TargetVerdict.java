package org.missionengine.rules;

import org.missionengine.report.TargetStatus;

/** Fact inserted by the trajectory rules: a target's status. */
public record TargetVerdict(String targetId, TargetStatus status) {
}
