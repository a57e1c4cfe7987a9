package org.missionengine.model;

/** The kind of organisation an actor is. */
public enum ActorType {
    GOVERNMENT, PUBLIC_AGENCY, PUBLIC_BANK, BUSINESS, SME, ACADEMIA, RESEARCH, CIVIL_SOCIETY, CITIZENS, CONSULTANCY
}
