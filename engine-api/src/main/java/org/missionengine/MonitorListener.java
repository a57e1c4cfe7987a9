package org.missionengine;

import org.missionengine.report.Finding;
import org.missionengine.report.TargetStatus;

/** Told what changed after each update of a {@link MissionMonitor}. Mission id is null for portfolio-level findings. */
public interface MonitorListener {

    /**
     * A finding appeared.
     *
     * @param missionId its mission, or null for a portfolio-level finding
     * @param finding   the finding
     */
    default void findingAppeared(String missionId, Finding finding) {
    }

    /**
     * A finding disappeared.
     *
     * @param missionId its mission, or null for a portfolio-level finding
     * @param finding   the finding as it was
     */
    default void findingDisappeared(String missionId, Finding finding) {
    }

    /**
     * A target's status changed.
     *
     * @param missionId the target's mission
     * @param targetId  the target
     * @param before    its status before, or null for a new target
     * @param after     its status now
     */
    default void targetStatusChanged(String missionId, String targetId, TargetStatus before, TargetStatus after) {
    }
}
