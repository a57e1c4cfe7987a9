package org.missionengine.model;

/**
 * A condition attached to public money: what it asks, and whether it can be enforced, is watched and clawed back.
 *
 * @param type        what it asks; {@link ConditionalityType#OTHER} when null
 * @param enforceable whether it can be enforced (in the contract, with sanctions)
 * @param monitored   whether anyone checks it is met
 * @param clawback    whether the money is paid back when it is not met
 * @param description what it says, in words
 */
public record Conditionality(ConditionalityType type, boolean enforceable, boolean monitored, boolean clawback,
                             String description) {
    /**
     * A null {@code type} is {@link ConditionalityType#OTHER}.
     *
     * @param type        what it asks; {@link ConditionalityType#OTHER} when null
     * @param enforceable whether it can be enforced (in the contract, with sanctions)
     * @param monitored   whether anyone checks it is met
     * @param clawback    whether the money is paid back when it is not met
     * @param description what it says, in words
     */
    public Conditionality {
        if (type == null) {
            type = ConditionalityType.OTHER;
        }
    }

    /**
     * Whether the condition has teeth.
     *
     * @return true when it is enforceable or backed by a clawback
     */
    public boolean binding() {
        return enforceable || clawback;
    }
}
