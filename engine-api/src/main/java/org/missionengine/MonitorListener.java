package org.missionengine;

import org.missionengine.report.Finding;
import org.missionengine.report.TargetStatus;

/** Told what changed after each update of a {@link MissionMonitor}. Mission id is null for portfolio-level findings. */
public interface MonitorListener {

    default void findingAppeared(String missionId, Finding finding) {
    }

    default void findingDisappeared(String missionId, Finding finding) {
    }

    /** A target's status changed; {@code before} is null for a new target. */
    default void targetStatusChanged(String missionId, String targetId, TargetStatus before, TargetStatus after) {
    }
}
