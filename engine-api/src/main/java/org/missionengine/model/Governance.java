package org.missionengine.model;

import java.util.List;

/**
 * How a mission is steered. {@code participation} names mechanisms such as CITIZEN_ASSEMBLY,
 * PUBLIC_CONSULTATION, CO_DESIGN or LIVING_LAB; {@code inHouseDeliveryShare} is the share of delivery
 * done by public staff (0..1), absent when unknown.
 */
public record Governance(List<String> leadBodies, boolean missionBoard, boolean crossMinisterial,
                         List<String> participation, Double inHouseDeliveryShare) {
    public Governance {
        leadBodies = Checks.names(leadBodies, "leadBodies");
        participation = Checks.names(participation, "participation");
        Checks.shareOrNull(inHouseDeliveryShare, "inHouseDeliveryShare", "inHouseDeliveryShare");
    }
}
