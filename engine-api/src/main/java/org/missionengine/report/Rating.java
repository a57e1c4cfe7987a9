package org.missionengine.report;

/**
 * The overall verdict on a mission, best first. INSUFFICIENT_EVIDENCE says the record holds too little to rate the
 * mission either way (a gap in the evidence, not a judgement); it sorts after the judgements.
 */
public enum Rating {
    /** Score at or above {@code rating.strong} (0.8) with outcomes on record: delivering. */
    STRONG,
    /** Score at or above {@code rating.promising} (0.6), or at STRONG's level without outcomes on record yet. */
    PROMISING,
    /** Score below {@code rating.promising} (0.6). */
    WEAK,
    /** Washing risk at or above {@code rating.washingRisk} (0.6): the recorded signs of mission washing dominate. */
    MISSION_WASHING,
    /** Too little on record to judge: evidence below {@code rating.minEvidence}, no outcomes, little sign of washing. */
    INSUFFICIENT_EVIDENCE
}
