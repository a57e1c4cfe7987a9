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
 * @param missionId           the mission the target belongs to
 * @param target              the target as the portfolio states it
 * @param metric              the target's metric; null when the portfolio does not declare it
 * @param asOf                the evaluation date
 * @param baseline            the target's baseline, when it has both a value and a date; else null
 * @param goal                the target's goal as stated (its value or date may be null)
 * @param latest              the latest observation on or before the evaluation date; null when none
 * @param trendPerYear        the slope of the least-squares line through the points since launch (since the
 *                            target's baseline when that is later), per year
 * @param projected           where that line reaches at the goal date, held within the metric's bounds
 * @param gapClosure          (latest − baseline) / (goal − baseline): 1 when the goal is reached
 * @param projectedClosure    the same share for the projected value
 * @param requiredRatePerYear the change per year needed from the latest value (or the baseline) to reach the goal by
 *                            its date; null once the goal date has passed
 * @param bauTrendPerYear     the slope of the line through the points before launch: the business-as-usual trend
 * @param bauProjection       where the business-as-usual line reaches at the goal date, held within the bounds
 * @param observations        the observations of the target's metric known on the evaluation date, oldest first
 * @param trendPoints      how many points the trend since launch rests on (the baseline counts when dated on or
 *                         after launch)
 * @param lastObserved     date of the latest observation on or after launch, null when none
 * @param bestYearlyRate   the largest change per year between consecutive observations, in the goal's direction
 * @param bauSpanYears     the years the points before launch span, first to last: how much history the
 *                         business-as-usual line rests on (null without that line)
 * @param bauHorizonYears  the years from the last point before launch to the goal date: how far that line is
 *                         extrapolated (null without that line or a goal date)
 * @param latestByGoalDate the latest observation on or before the goal date (the latest observation while the date has
 *                         not passed): a goal is achieved or not by its date
 */
public record TargetTrajectory(String missionId, Target target, Metric metric, LocalDate asOf, DatedValue baseline,
                               DatedValue goal, DatedValue latest, int trendPoints, Double trendPerYear,
                               Double projected, Double gapClosure, Double projectedClosure, Double requiredRatePerYear,
                               Double bestYearlyRate, Double bauTrendPerYear, Double bauProjection,
                               LocalDate lastObserved, List<Observation> observations,
                               DatedValue latestByGoalDate, Double bauSpanYears, Double bauHorizonYears,
                               Double trendSpanYears) {
    /**
     * Copies the observations.
     *
     * @param missionId           the mission's id
     * @param target              the target
     * @param metric              its metric, or null
     * @param asOf                the evaluation date
     * @param baseline            the complete baseline, or null
     * @param goal                the goal, or null
     * @param latest              the latest observation, or null
     * @param trendPoints         the points the trend rests on
     * @param trendPerYear        the trend per year, or null
     * @param projected           the projection at the goal date, or null
     * @param gapClosure          the gap closed so far, or null
     * @param projectedClosure    the gap projected closed at the goal date, or null
     * @param requiredRatePerYear the rate required from now, or null
     * @param bestYearlyRate      the best yearly change toward the goal, or null
     * @param bauTrendPerYear     the pre-launch trend per year, or null
     * @param bauProjection       the business-as-usual projection, or null
     * @param lastObserved        the date of the latest observation since launch, or null
     * @param observations        the observations known on the evaluation date
     * @param latestByGoalDate    the latest observation by the goal date, or null
     * @param bauSpanYears        the years the pre-launch points span, first to last, or null
     * @param bauHorizonYears     the years from the last pre-launch point to the goal date, or null
     * @param trendSpanYears      the whole calendar months the trend's points span, first to last, in years (12
     *                            months are 1), or null without a trend
     */
    public TargetTrajectory {
        observations = List.copyOf(observations);
    }

    /**
     * The target's id, as findings and verdicts name it.
     *
     * @return the target's id
     */
    public String targetId() {
        return target.id();
    }

    /**
     * The metric's unit, for messages.
     *
     * @return the unit, stripped; null when the metric names none or is not declared
     */
    public String unit() {
        return metric == null || metric.unit() == null || metric.unit().isBlank() ? null : metric.unit().strip();
    }

    /**
     * The day up to which the target is expected to be observed: the evaluation date, or its goal date once that has
     * passed (a target is judged by its date, so observing it after that is no longer monitoring).
     *
     * @return the earlier of the evaluation date and the goal date
     */
    public LocalDate monitoredUntil() {
        return goal != null && goal.date() != null && goal.date().isBefore(asOf) ? goal.date() : asOf;
    }

    /**
     * Whether the target is a yes/no achievement (baseline 0, goal 1).
     *
     * @return true for a binary metric
     */
    public boolean isBinary() {
        return metric != null && metric.binary();
    }

    /**
     * Whether the target measures what the mission is for (an OUTCOME or IMPACT metric): those count in delivery.
     *
     * @return true for an outcome or impact metric
     */
    public boolean isOutcome() {
        return metric != null && metric.isOutcome();
    }

    /**
     * The direction of progress.
     *
     * @return +1 when progress means going up, −1 when it means going down
     */
    public int sign() {
        return metric != null && metric.direction() == Direction.DECREASE ? -1 : 1;
    }

    /**
     * Whether the target has a numeric goal with a date.
     *
     * @return true when it has
     */
    public boolean hasGoal() {
        return goal != null && goal.complete();
    }

    /**
     * Whether the target was reached in time: the latest value on or before the goal date reaches the goal, in the
     * metric's direction. A target reached only after its date has passed was missed.
     *
     * @return true when it was reached by its date
     */
    public boolean isAchieved() {
        return hasGoal() && latestByGoalDate != null && sign() * (latestByGoalDate.value() - goal.value()) >= 0;
    }

    /**
     * Whether the goal date is on or before the evaluation date: what was observed by then decides the target, and no
     * time is left to require a rate of (a target due on the evaluation date itself is achieved or missed).
     *
     * @return true when the goal date has come
     */
    public boolean isGoalDatePassed() {
        return hasGoal() && !goal.date().isAfter(asOf);
    }

    /**
     * Whether the business-as-usual line alone reaches the goal by its date (a goal that asks for nothing new).
     *
     * @return true when it does
     */
    public boolean isBusinessAsUsualEnough() {
        return hasGoal() && bauProjection != null && sign() * (bauProjection - goal.value()) >= 0;
    }

    /**
     * How far the target has delivered, for the mission's {@code delivery}: the gap closure reached (achieved, or
     * by the goal date when missed) or projected at the goal date, held within 0..1; a yes/no target counts 1 once
     * achieved and 0 once missed.
     *
     * @param status the target's status, as the trajectory rules decided it
     * @return the delivery, 0..1; null while there is nothing to judge it by (no data, or a yes/no target whose date
     *         has not come)
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

    /**
     * Progress required per year, in the goal's direction.
     *
     * @return the required rate times {@link #sign()}: positive means the metric must move toward the goal; null when
     *         no rate is required
     */
    public Double requiredProgress() {
        return requiredRatePerYear == null ? null : sign() * requiredRatePerYear;
    }

    /**
     * The best observed progress per year, in the goal's direction.
     *
     * @return the best yearly rate times {@link #sign()}; null when no two points are far enough apart to give one
     */
    public Double bestProgress() {
        return bestYearlyRate == null ? null : sign() * bestYearlyRate;
    }
}
