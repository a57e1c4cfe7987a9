package org.missionengine.model;

/**
 * An organisation that leads, delivers or receives money in a mission.
 *
 * @param id      the id projects name it by ({@code recipient})
 * @param name    its name
 * @param type    the kind of organisation, or null when not recorded
 * @param country its country (ISO 3166 code or name), or null
 */
public record Actor(String id, String name, ActorType type, String country) {
    /**
     * Checks the id.
     *
     * @param id      the id projects name it by ({@code recipient})
     * @param name    its name
     * @param type    the kind of organisation, or null when not recorded
     * @param country its country (ISO 3166 code or name), or null
     * @throws InvalidFieldException if {@code id} is missing or blank
     */
    public Actor {
        Checks.requireId(id, "actor", "id");
    }

    /**
     * Whether the actor is a private firm of any size: the recipients that conditions on public money are about.
     *
     * @return true for {@link ActorType#BUSINESS} and {@link ActorType#SME}
     */
    public boolean isBusiness() {
        return type == ActorType.BUSINESS || type == ActorType.SME;
    }
}
