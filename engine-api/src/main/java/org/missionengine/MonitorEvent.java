package org.missionengine;

import java.util.Objects;

import org.missionengine.report.Finding;
import org.missionengine.report.TargetStatus;

/**
 * One change a {@link MissionMonitor} update made, as its listeners are told it. {@code missionId} is null for a
 * portfolio-level finding.
 *
 * <ul>
 *   <li>{@link Kind#APPEARED}: {@code after} is a new finding; {@code before} is null.</li>
 *   <li>{@link Kind#DISAPPEARED}: {@code before} no longer holds; {@code after} is null.</li>
 *   <li>{@link Kind#CHANGED}: the finding with the same code, subject and rule now reads {@code after} instead of
 *       {@code before} (a new message, severity or evidence): one event, so a view keyed on code and subject keeps
 *       it.</li>
 *   <li>{@link Kind#TARGET_STATUS_CHANGED}: target {@code targetId} went from {@code statusBefore} (null for a new
 *       target) to {@code statusAfter}; the findings are null.</li>
 * </ul>
 */
public record MonitorEvent(Kind kind, String missionId, Finding before, Finding after, String targetId,
                           TargetStatus statusBefore, TargetStatus statusAfter) {
    public enum Kind { APPEARED, DISAPPEARED, CHANGED, TARGET_STATUS_CHANGED }

    public MonitorEvent {
        Objects.requireNonNull(kind, "kind");
        boolean consistent = switch (kind) {
            case APPEARED -> before == null && after != null && targetId == null;
            case DISAPPEARED -> before != null && after == null && targetId == null;
            case CHANGED -> before != null && after != null && targetId == null;
            case TARGET_STATUS_CHANGED -> before == null && after == null && targetId != null && statusAfter != null;
        };
        if (!consistent) {
            throw new IllegalArgumentException("a " + kind + " event cannot have before=" + before + ", after=" + after
                    + ", targetId=" + targetId + ", statusAfter=" + statusAfter);
        }
    }

    public static MonitorEvent appeared(String missionId, Finding finding) {
        return new MonitorEvent(Kind.APPEARED, missionId, null, finding, null, null, null);
    }

    public static MonitorEvent disappeared(String missionId, Finding finding) {
        return new MonitorEvent(Kind.DISAPPEARED, missionId, finding, null, null, null, null);
    }

    public static MonitorEvent changed(String missionId, Finding before, Finding after) {
        return new MonitorEvent(Kind.CHANGED, missionId, before, after, null, null, null);
    }

    public static MonitorEvent targetStatusChanged(String missionId, String targetId, TargetStatus before,
                                                   TargetStatus after) {
        return new MonitorEvent(Kind.TARGET_STATUS_CHANGED, missionId, null, null, targetId, before, after);
    }

    /** The finding as it stands after the event, or as it stood before it disappeared; null for a target event. */
    public Finding finding() {
        return after != null ? after : before;
    }
}
