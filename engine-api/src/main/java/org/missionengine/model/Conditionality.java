package org.missionengine.model;

/** A condition attached to public money: what it asks, and whether it can be enforced, is watched and clawed back. */
public record Conditionality(ConditionalityType type, boolean enforceable, boolean monitored, boolean clawback,
                             String description) {
    public Conditionality {
        if (type == null) {
            type = ConditionalityType.OTHER;
        }
    }

    /** True when the condition has teeth: it is enforceable or backed by a clawback. */
    public boolean binding() {
        return enforceable || clawback;
    }
}
