package org.missionengine.model;

import java.util.List;

/**
 * How a mission is steered. {@code participation} names mechanisms such as CITIZEN_ASSEMBLY,
 * PUBLIC_CONSULTATION, CO_DESIGN or LIVING_LAB; {@code inHouseDeliveryShare} is the share of delivery
 * done by public staff (0..1).
 *
 * <p>Absent is not none: every part is null when the record does not say. {@code missionBoard == FALSE} says the
 * mission has no board, {@code missionBoard == null} that nobody recorded whether it has one. The two lists read as
 * empty when not recorded; {@link #leadBodiesRecorded()} and {@link #participationRecorded()} tell the cases apart.
 *
 * @param leadBodies           the ministries or agencies that lead the mission; null when not recorded
 * @param missionBoard         true when a mission board steers it, false when none does; null when not recorded
 * @param crossMinisterial     true when it is steered across ministries, false when within one; null when not
 *                             recorded
 * @param participation        the mechanisms through which citizens and stakeholders take part; null when not
 *                             recorded, empty for none
 * @param inHouseDeliveryShare the share of delivery done by public staff rather than outsourced, 0..1; null when not
 *                             recorded
 */
public record Governance(List<String> leadBodies, Boolean missionBoard, Boolean crossMinisterial,
                         List<String> participation, Double inHouseDeliveryShare) {
    /**
     * Checks the names and the share; the lists are copied and their null stays "not recorded".
     *
     * @param leadBodies           the lead bodies, none blank, or null
     * @param missionBoard         whether a board steers the mission, or null
     * @param crossMinisterial     whether it is steered across ministries, or null
     * @param participation        the participation mechanisms, none blank, or null
     * @param inHouseDeliveryShare the share of delivery done in house, 0..1, or null
     * @throws InvalidFieldException naming the field and the value when a name is blank or the share is outside 0..1
     */
    public Governance {
        leadBodies = leadBodies == null ? null : Checks.names(leadBodies, "leadBodies");
        participation = participation == null ? null : Checks.names(participation, "participation");
        Checks.shareOrNull(inHouseDeliveryShare, "inHouseDeliveryShare", "inHouseDeliveryShare");
    }

    /**
     * The ministries or agencies that lead the mission.
     *
     * @return the lead bodies; empty when none are recorded (see {@link #leadBodiesRecorded()})
     */
    @Override
    public List<String> leadBodies() {
        return leadBodies == null ? List.of() : leadBodies;
    }

    /**
     * The mechanisms through which citizens and stakeholders take part.
     *
     * @return the mechanisms; empty when none are recorded (see {@link #participationRecorded()})
     */
    @Override
    public List<String> participation() {
        return participation == null ? List.of() : participation;
    }

    /**
     * Whether the record lists the lead bodies.
     *
     * @return true when it does, possibly as an empty list
     */
    public boolean leadBodiesRecorded() {
        return leadBodies != null;
    }

    /**
     * Whether the record lists the participation mechanisms (absent is not none).
     *
     * @return true when it does; an empty list then says there are none
     */
    public boolean participationRecorded() {
        return participation != null;
    }
}
