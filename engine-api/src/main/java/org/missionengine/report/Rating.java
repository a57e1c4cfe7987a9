package org.missionengine.report;

/**
 * The overall verdict on a mission, best first. INSUFFICIENT_EVIDENCE says the record holds too little to rate the
 * mission either way (a gap in the evidence, not a judgement); it sorts after the judgements.
 */
public enum Rating {
    STRONG, PROMISING, WEAK, MISSION_WASHING, INSUFFICIENT_EVIDENCE
}
