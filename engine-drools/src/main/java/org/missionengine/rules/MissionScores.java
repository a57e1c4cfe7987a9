package org.missionengine.rules;

/**
 * Fact inserted by the rating pack: the figures a mission's rating rests on, all 0..1.
 *
 * @param washingRisk the weighted signs of mission washing on record
 * @param evidence    the weighted share of the evidence items the portfolio records
 * @param delivery    how far the outcome and impact targets are getting; null while none has data
 * @param design      the mean of the criteria scores that could be assessed; null when none could
 * @param score       the outcome-oriented score
 */
public record MissionScores(double washingRisk, double evidence, Double delivery, Double design, double score) {
    /**
     * Each figure to 4 decimals: the rating is decided on the numbers the report shows.
     *
     * @param washingRisk the washing risk, 0..1
     * @param evidence    the evidence share, 0..1
     * @param delivery    the delivery, 0..1, or null
     * @param design      the design score, 0..1, or null
     * @param score       the outcome-oriented score, 0..1
     */
    public MissionScores {
        washingRisk = Scores.round(washingRisk);
        evidence = Scores.round(evidence);
        delivery = delivery == null ? null : Scores.round(delivery);
        design = design == null ? null : Scores.round(design);
        score = Scores.round(score);
    }
}
