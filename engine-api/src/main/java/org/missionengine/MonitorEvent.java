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
 *
 * @param kind         what happened
 * @param missionId    the mission the finding or target belongs to; null for a portfolio-level finding
 * @param before       the finding as it stood before the update; null for APPEARED and target events
 * @param after        the finding as it stands after the update; null for DISAPPEARED and target events
 * @param targetId     the target whose status changed; null for a finding event
 * @param statusBefore the target's status before the update; null for a new target or a finding event
 * @param statusAfter  the target's status after the update; null for a finding event
 */
public record MonitorEvent(Kind kind, String missionId, Finding before, Finding after, String targetId,
                           TargetStatus statusBefore, TargetStatus statusAfter) {
    /** What an update did to a finding or a target. */
    public enum Kind {
        /** A finding that did not hold before the update holds after it. */
        APPEARED,
        /** A finding that held before the update no longer holds. */
        DISAPPEARED,
        /** A finding with the same code, subject and rule holds with another message, severity or evidence. */
        CHANGED,
        /** A target's status changed, or a new target got its first status. */
        TARGET_STATUS_CHANGED
    }

    /**
     * Checks that the fields fit {@code kind}, as the list above says.
     *
     * @param kind         what happened; not null
     * @param missionId    the mission; null for a portfolio-level finding
     * @param before       the finding before the update (DISAPPEARED, CHANGED)
     * @param after        the finding after the update (APPEARED, CHANGED)
     * @param targetId     the target (TARGET_STATUS_CHANGED only)
     * @param statusBefore the target's earlier status, or null for a new target
     * @param statusAfter  the target's new status (TARGET_STATUS_CHANGED only)
     * @throws IllegalArgumentException naming the fields when they do not fit {@code kind}
     */
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

    /**
     * A finding that now holds and did not before.
     *
     * @param missionId the mission, or null for a portfolio-level finding
     * @param finding   the new finding
     * @return an {@link Kind#APPEARED} event
     */
    public static MonitorEvent appeared(String missionId, Finding finding) {
        return new MonitorEvent(Kind.APPEARED, missionId, null, finding, null, null, null);
    }

    /**
     * A finding that held and no longer does.
     *
     * @param missionId the mission, or null for a portfolio-level finding
     * @param finding   the finding as it stood before the update
     * @return a {@link Kind#DISAPPEARED} event
     */
    public static MonitorEvent disappeared(String missionId, Finding finding) {
        return new MonitorEvent(Kind.DISAPPEARED, missionId, finding, null, null, null, null);
    }

    /**
     * A finding with the same code, subject and rule that now reads differently.
     *
     * @param missionId the mission, or null for a portfolio-level finding
     * @param before    the finding as it stood before the update
     * @param after     the finding as it stands now
     * @return a {@link Kind#CHANGED} event
     */
    public static MonitorEvent changed(String missionId, Finding before, Finding after) {
        return new MonitorEvent(Kind.CHANGED, missionId, before, after, null, null, null);
    }

    /**
     * A target whose status changed.
     *
     * @param missionId the mission the target belongs to
     * @param targetId  the target's id
     * @param before    its status before the update, or null for a target that is new
     * @param after     its status now
     * @return a {@link Kind#TARGET_STATUS_CHANGED} event
     */
    public static MonitorEvent targetStatusChanged(String missionId, String targetId, TargetStatus before,
                                                   TargetStatus after) {
        return new MonitorEvent(Kind.TARGET_STATUS_CHANGED, missionId, null, null, targetId, before, after);
    }

    /**
     * The finding the event is about, whatever its kind.
     *
     * @return the finding as it stands after the event, or as it stood before it disappeared; null for a target event
     */
    public Finding finding() {
        return after != null ? after : before;
    }
}
