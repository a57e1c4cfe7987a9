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
 */
public record Governance(List<String> leadBodies, Boolean missionBoard, Boolean crossMinisterial,
                         List<String> participation, Double inHouseDeliveryShare) {
    public Governance {
        leadBodies = leadBodies == null ? null : Checks.names(leadBodies, "leadBodies");
        participation = participation == null ? null : Checks.names(participation, "participation");
        Checks.shareOrNull(inHouseDeliveryShare, "inHouseDeliveryShare", "inHouseDeliveryShare");
    }

    /** The lead bodies; empty when none are recorded (see {@link #leadBodiesRecorded()}). */
    @Override
    public List<String> leadBodies() {
        return leadBodies == null ? List.of() : leadBodies;
    }

    /** The participation mechanisms; empty when none are recorded (see {@link #participationRecorded()}). */
    @Override
    public List<String> participation() {
        return participation == null ? List.of() : participation;
    }

    /** True when the record lists the lead bodies (possibly as an empty list). */
    public boolean leadBodiesRecorded() {
        return leadBodies != null;
    }

    /** True when the record lists the participation mechanisms; an empty list then says there are none. */
    public boolean participationRecorded() {
        return participation != null;
    }
}
