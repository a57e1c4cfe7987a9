package org.missionengine.drools;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Target;
import org.missionengine.rules.TargetTrajectory;

/**
 * Computes each target's trajectory: least-squares trend since launch (or since the target's baseline, when later),
 * business-as-usual trend before launch, projections at the goal date, gap closure, required and best observed yearly
 * rates.
 */
final class Trajectories {
    private static final double DAYS_PER_YEAR = 365.25;

    private Trajectories() {
    }

    static List<TargetTrajectory> of(Mission mission, Map<String, Metric> metrics, List<Observation> observations,
                                     LocalDate asOf) {
        List<TargetTrajectory> trajectories = new ArrayList<>();
        for (Target target : mission.targets()) {
            Metric metric = target.metric() == null ? null : metrics.get(target.metric());
            List<Observation> series = observations.stream()
                    .filter(o -> o.metric().equals(target.metric()) && !o.date().isAfter(asOf)).toList();
            trajectories.add(of(mission, target, metric, series, asOf));
        }
        return trajectories;
    }

    static TargetTrajectory of(Mission mission, Target target, Metric metric, List<Observation> series, LocalDate asOf) {
        LocalDate launched = mission.launched();
        DatedValue baseline = target.baseline() != null && target.baseline().complete() ? target.baseline() : null;
        DatedValue goal = target.goal();
        boolean hasGoal = goal != null && goal.complete();
        int sign = metric != null && metric.direction() == Direction.DECREASE ? -1 : 1;

        List<double[]> since = new ArrayList<>();
        List<double[]> before = new ArrayList<>();
        // a target set after the launch (a 2030 goal from a 2019 baseline) is judged on its own period: the trend runs
        // from the later of the launch and its baseline date; what came between counts for neither line
        LocalDate trendFrom = baseline != null && (launched == null || baseline.date().isAfter(launched))
                ? baseline.date() : launched;
        // the baseline is one more point unless an observation already measures that date (not counted twice)
        if (baseline != null && series.stream().noneMatch(o -> o.date().equals(baseline.date()))) {
            (launched == null || !baseline.date().isBefore(launched) ? since : before)
                    .add(point(baseline.date(), baseline.value()));
        }
        LocalDate lastObserved = null;
        for (Observation o : series) {
            boolean afterLaunch = launched == null || !o.date().isBefore(launched);
            if (!afterLaunch) {
                before.add(point(o.date(), o.value()));
            } else if (trendFrom == null || !o.date().isBefore(trendFrom)) {
                since.add(point(o.date(), o.value()));
            }
            if (afterLaunch) {
                lastObserved = o.date();
            }
        }
        Observation last = series.isEmpty() ? null : series.get(series.size() - 1);
        DatedValue latest = last == null ? null : new DatedValue(last.value(), last.date());
        // a goal is achieved or not by its date: what was observed after a passed goal date does not count
        DatedValue byGoalDate = latest;
        if (hasGoal) {
            byGoalDate = null;
            for (Observation o : series) {
                if (!o.date().isAfter(goal.date())) {
                    byGoalDate = new DatedValue(o.value(), o.date());
                }
            }
        }

        double[] trend = leastSquares(since);
        double[] bau = launched == null ? null : leastSquares(before);
        // the years the business-as-usual line rests on, first to last point: how far it may be carried (MW_BAU_TARGET)
        DoubleSummaryStatistics preLaunch = before.stream().mapToDouble(p -> p[0]).summaryStatistics();
        // the years the trend rests on: a line through points weeks apart says little about the years to the goal
        DoubleSummaryStatistics trendPoints = since.stream().mapToDouble(p -> p[0]).summaryStatistics();
        // a line is extrapolated only as far as the metric can go: emissions do not fall below zero
        Double projected = trend != null && hasGoal ? bounded(metric, at(trend, goal.date())) : null;
        Double bauProjection = bau != null && hasGoal ? bounded(metric, at(bau, goal.date())) : null;
        Double gapClosure = closure(baseline, goal, latest == null ? null : latest.value());
        Double projectedClosure = closure(baseline, goal, projected);

        Double required = null;
        if (hasGoal && goal.date().isAfter(asOf)) {
            Double from = latest != null ? latest.value() : baseline != null ? baseline.value() : null;
            if (from != null) {
                required = (goal.value() - from) / years(asOf, goal.date());
            }
        }
        return new TargetTrajectory(mission.id(), target, metric, asOf, baseline, goal, latest, since.size(),
                trend == null ? null : trend[1], projected, gapClosure, projectedClosure, required,
                bestYearlyRate(baseline, series, sign), bau == null ? null : bau[1], bauProjection, lastObserved, series,
                byGoalDate, bau == null ? null : preLaunch.getMax() - preLaunch.getMin(),
                bau == null || !hasGoal ? null : years(goal.date()) - preLaunch.getMax(),
                trend == null ? null : calendarYears(trendPoints.getMin(), trendPoints.getMax()));
    }

    private static double bounded(Metric metric, double value) {
        return metric == null ? value : metric.clamp(value);
    }

    /** Points closer than this are not compared: a change over days says nothing about a yearly rate. */
    private static final double MIN_SPAN_YEARS = 360 / DAYS_PER_YEAR;

    /**
     * The largest change per year in the goal's direction, each measured from a point (baseline or observation) to
     * the first point at least about a year later, so that yearly, quarterly and irregular series compare alike.
     * Null when the points never span a year.
     */
    private static Double bestYearlyRate(DatedValue baseline, List<Observation> series, int sign) {
        List<double[]> points = new ArrayList<>();
        if (baseline != null) {
            points.add(point(baseline.date(), baseline.value()));
        }
        series.forEach(o -> points.add(point(o.date(), o.value())));
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        Double best = null;
        int j = 0;
        for (int i = 0; i < points.size(); i++) {
            j = Math.max(j, i + 1);
            while (j < points.size() && points.get(j)[0] - points.get(i)[0] < MIN_SPAN_YEARS) {
                j++;
            }
            if (j == points.size()) {
                break;
            }
            double rate = (points.get(j)[1] - points.get(i)[1]) / (points.get(j)[0] - points.get(i)[0]);
            if (best == null || sign * rate > sign * best) {
                best = rate;
            }
        }
        return best;
    }

    private static Double closure(DatedValue baseline, DatedValue goal, Double value) {
        if (baseline == null || goal == null || goal.value() == null || value == null
                || goal.value().doubleValue() == baseline.value().doubleValue()) {
            return null;
        }
        return (value - baseline.value()) / (goal.value() - baseline.value());
    }

    /** Intercept and slope per year of the least-squares line, or null with fewer than two distinct dates. */
    static double[] leastSquares(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return null;
        }
        double meanT = 0;
        double meanV = 0;
        for (double[] p : points) {
            meanT += p[0];
            meanV += p[1];
        }
        meanT /= n;
        meanV /= n;
        double stt = 0;
        double stv = 0;
        for (double[] p : points) {
            stt += (p[0] - meanT) * (p[0] - meanT);
            stv += (p[0] - meanT) * (p[1] - meanV);
        }
        if (stt == 0) {
            return null;
        }
        double slope = stv / stt;
        return new double[] {meanV - slope * meanT, slope};
    }

    private static double at(double[] line, LocalDate date) {
        return line[0] + line[1] * years(date);
    }

    /** Whole calendar months between two points, in years: points a calendar year apart span exactly 1. */
    private static double calendarYears(double from, double to) {
        return ChronoUnit.MONTHS.between(date(from), date(to)) / 12.0;
    }

    private static LocalDate date(double years) {
        return LocalDate.ofEpochDay(Math.round(years * DAYS_PER_YEAR));
    }

    private static double[] point(LocalDate date, double value) {
        return new double[] {years(date), value};
    }

    static double years(LocalDate date) {
        return date.toEpochDay() / DAYS_PER_YEAR;
    }

    static double years(LocalDate from, LocalDate to) {
        return (to.toEpochDay() - from.toEpochDay()) / DAYS_PER_YEAR;
    }
}
