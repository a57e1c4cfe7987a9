package org.missionengine.model;

/** An organisation that leads, delivers or receives money in a mission. */
public record Actor(String id, String name, ActorType type, String country) {
    public Actor {
        Checks.requireId(id, "actor", "id");
    }

    /** True for private firms of any size: the recipients that conditions on public money are about. */
    public boolean isBusiness() {
        return type == ActorType.BUSINESS || type == ActorType.SME;
    }
}
