package org.missionengine.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Target;
import org.missionengine.report.TargetStatus;

/**
 * The floor the rule engine is measured against: the checks MW_REBRANDED, MW_NO_NEW_MONEY, MW_CAPTURED and
 * CRIT_NARROW_SECTORS and each target's trajectory status, written by hand as plain loops over the portfolio's
 * records, with the same thresholds and the same arithmetic as the built-in rules (SPEC §6) and the engine's
 * trajectories (least-squares trend since launch, projected gap closure at the goal date). It computes what decides a
 * finding (code, subject and the deciding number), not the sentence a report shows.
 *
 * <p>Not thread-safe; cheap to create.
 */
public final class Baseline {
    /** The finding codes both sides compute. Target statuses come as TRJ_&lt;STATUS&gt; findings too. */
    public static final Set<String> SHARED_CODES = Set.of("MW_REBRANDED", "MW_NO_NEW_MONEY", "MW_CAPTURED",
            "CRIT_NARROW_SECTORS");

    private static final double DAYS_PER_YEAR = 365.25;

    /** The parameters these checks read, with the built-in packs' defaults. */
    public record Thresholds(double rebrandedShare, double maxRecipientShare, double minSectors, double atRiskClosure) {
        public static final Thresholds DEFAULTS = new Thresholds(0.5, 0.5, 3, 0.7);

        /** The defaults overridden by a portfolio's (or an engine's) parameters. */
        public Thresholds with(Map<String, Object> parameters) {
            return new Thresholds(number(parameters, "washing.rebrandedShare", rebrandedShare),
                    number(parameters, "washing.maxRecipientShare", maxRecipientShare),
                    number(parameters, "crossCutting.minSectors", minSectors),
                    number(parameters, "trajectory.atRiskClosure", atRiskClosure));
        }

        private static double number(Map<String, Object> parameters, String name, double fallback) {
            Object value = parameters.get(name);
            return value instanceof Number n ? n.doubleValue() : fallback;
        }
    }

    /** A finding: its mission, code and subject (mission or target id), and the number that decided it. */
    public record Finding(String mission, String code, String subject, double value) {
    }

    /** A target's status. */
    public record Status(String mission, String target, TargetStatus status) {
    }

    public record Result(List<Finding> findings, List<Status> statuses) {
    }

    private final Thresholds thresholds;

    public Baseline(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Evaluates every mission of the portfolio on {@code asOf}. */
    public Result evaluate(Portfolio portfolio, LocalDate asOf) {
        Map<String, Metric> metrics = new HashMap<>();
        for (Metric m : portfolio.metrics()) {
            metrics.put(m.id(), m);
        }
        // positions of the observations known on asOf: those of one mission by mission, the shared ones by metric
        List<Observation> all = portfolio.observations();
        Map<String, IntList> byMission = new HashMap<>();
        Map<String, IntList> shared = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Observation o = all.get(i);
            if (!o.date().isAfter(asOf)) {
                (o.mission() == null ? shared.computeIfAbsent(o.metric(), k -> new IntList())
                        : byMission.computeIfAbsent(o.mission(), k -> new IntList())).add(i);
            }
        }
        Set<String> citizens = new HashSet<>();
        for (Actor a : portfolio.actors()) {
            if (a.type() == ActorType.CITIZENS) {
                citizens.add(a.id());
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (Mission mission : portfolio.missions()) {
            rebranded(mission, findings);
            noNewMoney(mission, findings);
            captured(mission, citizens, findings);
            narrowSectors(mission, findings);
            IntList own = byMission.get(mission.id());
            for (Target target : mission.targets()) {
                TargetStatus status = status(mission, target, target.metric() == null ? null : metrics.get(target.metric()),
                        series(target.metric(), all, own, shared), asOf);
                statuses.add(new Status(mission.id(), target.id(), status));
                findings.add(new Finding(mission.id(), "TRJ_" + status.name(), target.id(), 0));
            }
        }
        return new Result(findings, statuses);
    }

    private void rebranded(Mission mission, List<Finding> findings) {
        double total = 0;
        double old = 0;
        LocalDate launched = mission.launched();
        for (Project p : mission.projects()) {
            total += p.recordedFunding();
            if (p.preexisting() || (p.start() != null && launched != null && p.start().isBefore(launched))) {
                old += p.recordedFunding();
            }
        }
        if (total > 0 && old / total >= thresholds.rebrandedShare()) {
            findings.add(new Finding(mission.id(), "MW_REBRANDED", mission.id(), old / total));
        }
    }

    private static void noNewMoney(Mission mission, List<Finding> findings) {
        // recorded as 0 only: a budget nobody recorded is a gap in the evidence, not this finding
        if (mission.budget() != null && mission.budget().newMoney() != null && mission.budget().newMoney() == 0) {
            findings.add(new Finding(mission.id(), "MW_NO_NEW_MONEY", mission.id(), 0));
        }
    }

    private void captured(Mission mission, Set<String> citizens, List<Finding> findings) {
        double total = 0;
        Map<String, Double> held = new HashMap<>();
        for (Project p : mission.projects()) {
            total += p.recordedFunding();
            if (p.recipient() != null) {
                held.merge(p.recipient(), p.recordedFunding(), Double::sum);
            }
        }
        if (total <= 0) {
            return;
        }
        for (Map.Entry<String, Double> e : held.entrySet()) {
            if (e.getValue() / total > thresholds.maxRecipientShare() && !citizens.contains(e.getKey())) {
                findings.add(new Finding(mission.id(), "MW_CAPTURED", mission.id(), e.getValue() / total));
            }
        }
    }

    private void narrowSectors(Mission mission, List<Finding> findings) {
        if (!mission.projectsRecorded() || !mission.sectorsRecorded() && mission.projects().isEmpty()) {
            return; // not assessed: nothing on record to count
        }
        Set<String> sectors = new HashSet<>(mission.sectors());
        int unknown = 0;
        for (Project p : mission.projects()) {
            if (p.sector() != null && !p.sector().isBlank()) {
                sectors.add(p.sector());
            } else {
                unknown++; // might add one sector
            }
        }
        if (sectors.size() + unknown < Math.round(thresholds.minSectors())) {
            findings.add(new Finding(mission.id(), "CRIT_NARROW_SECTORS", mission.id(), sectors.size()));
        }
    }

    /**
     * The target metric's observations for the mission, oldest first; equal dates keep the file's order (the latest
     * of a day is the one listed last).
     */
    private static List<Observation> series(String metric, List<Observation> all, IntList own,
                                            Map<String, IntList> shared) {
        if (metric == null) {
            return List.of();
        }
        IntList common = shared.get(metric);
        List<Observation> series = new ArrayList<>();
        int i = 0;
        int j = 0;
        int commonSize = common == null ? 0 : common.size;
        int ownSize = own == null ? 0 : own.size;
        while (i < commonSize || j < ownSize) { // merge two ascending lists of positions in the file
            int next;
            if (j >= ownSize || (i < commonSize && common.values[i] < own.values[j])) {
                next = common.values[i++];
            } else {
                next = own.values[j++];
            }
            Observation o = all.get(next);
            if (o.metric().equals(metric)) {
                series.add(o);
            }
        }
        series.sort(BY_DATE);
        return series;
    }

    private static final Comparator<Observation> BY_DATE = Comparator.comparing(Observation::date);

    /** A growable list of ints: positions of observations in the portfolio. */
    private static final class IntList {
        int[] values = new int[8];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    /** The status the trajectory rules give a target. */
    private TargetStatus status(Mission mission, Target target, Metric metric, List<Observation> series,
                                LocalDate asOf) {
        LocalDate launched = mission.launched();
        DatedValue baseline = target.baseline() != null && target.baseline().complete() ? target.baseline() : null;
        DatedValue goal = target.goal();
        boolean hasGoal = goal != null && goal.complete();
        boolean binary = metric != null && metric.binary();
        int sign = metric != null && metric.direction() == Direction.DECREASE ? -1 : 1;

        // the trend since launch, or since the baseline when that is later: the baseline counts when dated on or after
        // launch (and not measured that day)
        LocalDate trendFrom = baseline != null && (launched == null || baseline.date().isAfter(launched))
                ? baseline.date() : launched;
        int n = 0;
        double[] t = new double[series.size() + 1];
        double[] v = new double[series.size() + 1];
        if (baseline != null && (launched == null || !baseline.date().isBefore(launched))) {
            boolean measured = false;
            for (Observation o : series) {
                if (o.date().equals(baseline.date())) {
                    measured = true;
                    break;
                }
            }
            if (!measured) {
                t[n] = years(baseline.date());
                v[n++] = baseline.value();
            }
        }
        Observation latest = null;
        Observation byGoalDate = null;
        for (Observation o : series) {
            if (trendFrom == null || !o.date().isBefore(trendFrom)) {
                t[n] = years(o.date());
                v[n++] = o.value();
            }
            latest = o;
            if (hasGoal && !o.date().isAfter(goal.date())) {
                byGoalDate = o;
            }
        }
        Observation decisive = hasGoal ? byGoalDate : latest;
        boolean achieved = hasGoal && decisive != null && sign * (decisive.value() - goal.value()) >= 0;
        if (achieved) {
            return TargetStatus.ACHIEVED;
        }
        if (hasGoal && !goal.date().isAfter(asOf)) { // due on asOf: decided that day
            return TargetStatus.MISSED;
        }
        if (binary) {
            return hasGoal && latest != null ? TargetStatus.ON_TRACK : TargetStatus.NO_DATA;
        }
        if (!hasGoal || baseline == null || goal.value().doubleValue() == baseline.value().doubleValue()) {
            return TargetStatus.NO_DATA;
        }
        // least squares: mean first, then centred sums (the engine's order of operations, so closures agree exactly)
        if (n < 2) {
            return TargetStatus.NO_DATA;
        }
        double meanT = 0;
        double meanV = 0;
        for (int i = 0; i < n; i++) {
            meanT += t[i];
            meanV += v[i];
        }
        meanT /= n;
        meanV /= n;
        double stt = 0;
        double stv = 0;
        for (int i = 0; i < n; i++) {
            stt += (t[i] - meanT) * (t[i] - meanT);
            stv += (t[i] - meanT) * (v[i] - meanV);
        }
        if (stt == 0) {
            return TargetStatus.NO_DATA;
        }
        double slope = stv / stt;
        double projected = (meanV - slope * meanT) + slope * years(goal.date());
        double closure = (projected - baseline.value()) / (goal.value() - baseline.value());
        if (closure >= 1) {
            return TargetStatus.ON_TRACK;
        }
        return closure >= thresholds.atRiskClosure() ? TargetStatus.AT_RISK : TargetStatus.OFF_TRACK;
    }

    private static double years(LocalDate date) {
        return date.toEpochDay() / DAYS_PER_YEAR;
    }

}
