package org.missionengine.rules;

import java.time.LocalDate;
import java.util.List;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.Observation;
import org.missionengine.model.Target;
import org.missionengine.report.TargetStatus;

/**
 * Fact: where a target is heading, computed from the observations known on the evaluation date. The trajectory
 * rules read it to decide the target's status. Rates are per year in the metric's unit (signed); closures are shares
 * of the distance from baseline to goal. Values that cannot be computed are null.
 *
 * @param trendPoints      how many points the trend since launch rests on (the baseline counts when dated on or
 *                         after launch)
 * @param lastObserved     date of the latest observation on or after launch, null when none
 * @param bestYearlyRate   the largest change per year between consecutive observations, in the goal's direction
 * @param latestByGoalDate the latest observation on or before the goal date (the latest observation while the date has
 *                         not passed): a goal is achieved or not by its date
 */
public record TargetTrajectory(String missionId, Target target, Metric metric, LocalDate asOf, DatedValue baseline,
                               DatedValue goal, DatedValue latest, int trendPoints, Double trendPerYear,
                               Double projected, Double gapClosure, Double projectedClosure, Double requiredRatePerYear,
                               Double bestYearlyRate, Double bauTrendPerYear, Double bauProjection,
                               LocalDate lastObserved, List<Observation> observations,
                               DatedValue latestByGoalDate) {
    public TargetTrajectory {
        observations = List.copyOf(observations);
    }

    public String targetId() {
        return target.id();
    }

    /** The metric's unit, null when it names none. */
    public String unit() {
        return metric == null || metric.unit() == null || metric.unit().isBlank() ? null : metric.unit().strip();
    }

    public boolean isBinary() {
        return metric != null && metric.binary();
    }

    public boolean isOutcome() {
        return metric != null && metric.isOutcome();
    }

    /** +1 when progress means going up, −1 when it means going down. */
    public int sign() {
        return metric != null && metric.direction() == Direction.DECREASE ? -1 : 1;
    }

    /** True when the target has a numeric goal with a date. */
    public boolean hasGoal() {
        return goal != null && goal.complete();
    }

    /**
     * True when the latest value on or before the goal date reaches the goal, in the metric's direction: a target
     * reached only after its date has passed was missed.
     */
    public boolean isAchieved() {
        return hasGoal() && latestByGoalDate != null && sign() * (latestByGoalDate.value() - goal.value()) >= 0;
    }

    /**
     * True when the goal date is on or before the evaluation date: what was observed by then decides the target, and
     * no time is left to require a rate of (a target due on the evaluation date itself is achieved or missed).
     */
    public boolean isGoalDatePassed() {
        return hasGoal() && !goal.date().isAfter(asOf);
    }

    /** True when the business-as-usual line alone reaches the goal by its date. */
    public boolean isBusinessAsUsualEnough() {
        return hasGoal() && bauProjection != null && sign() * (bauProjection - goal.value()) >= 0;
    }

    /**
     * How far the target has delivered, for the mission's {@code delivery}: the gap closure reached (achieved, or
     * by the goal date when missed) or projected at the goal date, held within 0..1; a yes/no target counts 1 once
     * achieved and 0 once missed. Null while there is nothing to judge it by (no data, or a yes/no target whose date
     * has not come).
     */
    public Double delivery(TargetStatus status) {
        if (status == null || status == TargetStatus.NO_DATA) {
            return null;
        }
        if (status == TargetStatus.ACHIEVED) {
            return 1.0;
        }
        if (isBinary()) {
            return status == TargetStatus.MISSED ? 0.0 : null;
        }
        Double closure = status == TargetStatus.MISSED ? closureByGoalDate() : projectedClosure;
        return closure == null ? null : Math.max(0, Math.min(1, closure));
    }

    /** The share of the gap closed by the value observed on or before the goal date. */
    private Double closureByGoalDate() {
        if (baseline == null || latestByGoalDate == null || !hasGoal()
                || goal.value().doubleValue() == baseline.value().doubleValue()) {
            return null;
        }
        return (latestByGoalDate.value() - baseline.value()) / (goal.value() - baseline.value());
    }

    /** Progress required per year, in the goal's direction (positive means the metric must move toward the goal). */
    public Double requiredProgress() {
        return requiredRatePerYear == null ? null : sign() * requiredRatePerYear;
    }

    /** The best observed progress per year, in the goal's direction. */
    public Double bestProgress() {
        return bestYearlyRate == null ? null : sign() * bestYearlyRate;
    }
}
