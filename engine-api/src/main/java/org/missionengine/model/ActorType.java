package org.missionengine.model;

/** The kind of organisation an actor is. */
public enum ActorType {
    /** A ministry or a national, regional or local government. */
    GOVERNMENT,
    /** A public body that carries out policy (an innovation agency, a regulator). */
    PUBLIC_AGENCY,
    /** A public development or investment bank. */
    PUBLIC_BANK,
    /** A large private company. */
    BUSINESS,
    /** A small or medium-sized enterprise. */
    SME,
    /** A university. */
    ACADEMIA,
    /** A research organisation other than a university. */
    RESEARCH,
    /** A non-profit, a foundation, a union or an association. */
    CIVIL_SOCIETY,
    /** Citizens themselves (a citizens' group, a cooperative). */
    CITIZENS,
    /** A consultancy delivering on the state's behalf. */
    CONSULTANCY
}
