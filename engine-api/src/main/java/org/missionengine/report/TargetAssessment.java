package org.missionengine.report;

import java.util.List;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Observation;

/**
 * Where one target is heading. Rates are per year, in the metric's unit; closures are shares of the distance from
 * baseline to goal (1 = goal reached). Values that cannot be computed (too few observations) are null.
 *
 * @param target   the target's id
 * @param metric   its metric's id
 * @param unit     the metric's unit, or null
 * @param status   where the target stands
 * @param baseline its baseline, or null
 * @param goal     its goal, or null
 * @param latest             the latest observation on or before the evaluation date
 * @param trendPerYear       least-squares slope of the observations since launch
 * @param projected          the trend's value at the goal date
 * @param gapClosure         (latest − baseline) / (goal − baseline)
 * @param projectedClosure   (projected − baseline) / (goal − baseline)
 * @param requiredRatePerYear what the metric must change per year from the latest value to reach the goal on time
 * @param bestYearlyRate     the largest year-on-year change in the goal's direction observed so far
 * @param bauTrendPerYear    least-squares slope of the observations before launch (business as usual)
 * @param bauProjection      the business-as-usual line's value at the goal date
 * @param observations       the observations used, oldest first (for charts)
 */
public record TargetAssessment(String target, String metric, String unit, TargetStatus status, DatedValue baseline,
                               DatedValue goal, DatedValue latest, Double trendPerYear, Double projected,
                               Double gapClosure, Double projectedClosure, Double requiredRatePerYear,
                               Double bestYearlyRate, Double bauTrendPerYear, Double bauProjection,
                               List<Observation> observations) {
    /**
     * Copies {@code observations}; null is none.
     *
     * @param target   the target's id
     * @param metric   its metric's id
     * @param unit     the metric's unit, or null
     * @param status   where the target stands
     * @param baseline its baseline, or null
     * @param goal     its goal, or null
     * @param latest             the latest observation on or before the evaluation date
     * @param trendPerYear       least-squares slope of the observations since launch
     * @param projected          the trend's value at the goal date
     * @param gapClosure         (latest − baseline) / (goal − baseline)
     * @param projectedClosure   (projected − baseline) / (goal − baseline)
     * @param requiredRatePerYear what the metric must change per year from the latest value to reach the goal on time
     * @param bestYearlyRate     the largest year-on-year change in the goal's direction observed so far
     * @param bauTrendPerYear    least-squares slope of the observations before launch (business as usual)
     * @param bauProjection      the business-as-usual line's value at the goal date
     * @param observations       the observations used, oldest first (for charts)
     */
    public TargetAssessment {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
