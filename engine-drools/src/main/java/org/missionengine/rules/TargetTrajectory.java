package org.missionengine.rules;

import java.time.LocalDate;
import java.util.List;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.Observation;
import org.missionengine.model.Target;

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

    /** True when the goal date is before the evaluation date. */
    public boolean isGoalDatePassed() {
        return hasGoal() && goal.date().isBefore(asOf);
    }

    /** True when the business-as-usual line alone reaches the goal by its date. */
    public boolean isBusinessAsUsualEnough() {
        return hasGoal() && bauProjection != null && sign() * (bauProjection - goal.value()) >= 0;
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
