package org.missionengine.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Metric;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.Severity;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/** What the Markdown and HTML reports both show, formatted once so that the two read the same. */
final class ReportCells {
    private static final String NA = "n/a";

    private ReportCells() {
    }

    /** Whether the target is achieved or missed: its projection at the goal date then says nothing a reader needs. */
    static boolean settled(TargetAssessment t) {
        return t.status() == TargetStatus.ACHIEVED || t.status() == TargetStatus.MISSED;
    }

    /**
     * A value of the target's metric that the engine computed, such as its projection at the goal date. A metric whose
     * baseline, goal and observations are all whole numbers counts whole things (people, homes, projects): a value
     * computed from them is shown to whole units, as precise as what it was computed from ("219 deaths", not "218.89
     * deaths"). Rates per year are not values of the metric and keep their decimals.
     */
    static String level(TargetAssessment t, double value) {
        return Text.number(countsWholeUnits(t) ? (double) Math.round(value) : value);
    }

    /** Whether every value the target records (baseline, goal, observations) is a whole number, and there is one. */
    static boolean countsWholeUnits(TargetAssessment t) {
        List<Double> values = Stream.concat(Stream.of(t.baseline(), t.goal()).filter(v -> v != null && v.value() != null)
                .map(DatedValue::value), t.observations().stream().map(Observation::value)).toList();
        return !values.isEmpty() && values.stream().allMatch(v -> v == Math.rint(v));
    }

    /** The ids of the portfolio's yes/no (binary) metrics; none without a portfolio. */
    static Set<String> yesNoMetrics(Portfolio portfolio) {
        return portfolio == null ? Set.of() : portfolio.metrics().stream().filter(Metric::binary).map(Metric::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A yes/no value as a reader says it: 1 is "yes", 0 "no". */
    static String yesNo(double value) {
        return value == 1 ? "yes" : value == 0 ? "no" : Text.number(value);
    }

    /**
     * A target's numbers as display strings ("n/a" where the engine could not compute one), units included. A yes/no
     * target has only its status and its latest value ("yes (1997-05-10)"): a trend or projection of a yes/no says
     * nothing.
     */
    record TargetNumbers(boolean yesNo, String status, String baseline, String goal, String latest, String closure,
                         String trend, String projected, String projectedClosure, String required, String bestYear,
                         String bauTrend, String bauProjection) {
        static TargetNumbers of(TargetAssessment t, boolean yesNo) {
            return of(t, yesNo, true);
        }

        /** Without units where a table names the unit once for the row. */
        static TargetNumbers of(TargetAssessment t, boolean yesNo, boolean withUnits) {
            String status = t.status() == null ? "no status" : t.status().name();
            if (yesNo) {
                String latest = ReportCells.latest(t.latest(), ReportCells::yesNo, ' ');
                return new TargetNumbers(true, status, NA, NA, latest, NA, NA, NA, NA, NA, NA, NA, NA);
            }
            String unit = !withUnits || t.unit() == null || t.unit().isBlank() ? "" : " " + t.unit().strip();
            return new TargetNumbers(false, status,
                    dated(t.baseline(), unit),
                    dated(t.goal(), unit),
                    ReportCells.latest(t.latest(), value -> Text.number(value) + unit, ' '),
                    latestClosureCell(t),
                    perYear(t.trendPerYear(), unit),
                    t.projected() == null || settled(t) ? NA : level(t, t.projected()) + unit,
                    settled(t) ? NA : closureCell(t.projectedClosure()),
                    perYear(t.requiredRatePerYear(), unit),
                    t.bestYearlyRate() == null ? NA : Text.signed(t.bestYearlyRate()) + unit,
                    perYear(t.bauTrendPerYear(), unit),
                    t.bauProjection() == null ? NA : level(t, t.bauProjection()) + unit);
        }

        /** Label and value pairs, in reading order (the HTML report lists them beside the chart). */
        Map<String, String> labelled() {
            Map<String, String> cells = new LinkedHashMap<>();
            if (yesNo) {
                cells.put("Latest", latest);
                return cells;
            }
            cells.put("Baseline", baseline);
            cells.put("Goal", goal);
            cells.put("Latest", latest);
            cells.put("Gap closed", closure);
            cells.put("Trend per year", trend);
            cells.put("Projected at goal date", projected);
            cells.put("Projected closure", projectedClosure);
            cells.put("Required per year", required);
            cells.put("Best year", bestYear);
            cells.put("Business as usual per year", bauTrend);
            cells.put("Business-as-usual projection", bauProjection);
            return cells;
        }
    }

    static String dated(DatedValue v, String unit) {
        return dated(v, value -> Text.number(value) + unit, ' ');
    }

    /**
     * A recorded value (a baseline, a goal) and its date; what the record leaves out is "not recorded", never "none".
     * {@code space} goes between the value and its date.
     */
    static String dated(DatedValue v, DoubleFunction<String> format, char space) {
        if (v == null || (v.value() == null && v.date() == null)) {
            return "not recorded";
        }
        String value = v.value() == null ? "value not recorded" : format.apply(v.value());
        return value + space + (v.date() == null ? "(date not recorded)" : "(" + v.date() + ")");
    }

    /** The latest observation and its date, as {@link #dated}; "no observation" when there is none. */
    static String latest(DatedValue v, DoubleFunction<String> format, char space) {
        return v == null ? "no observation" : dated(v, format, space);
    }

    /** The latest value's closure for a table cell, as {@link #latestClosure} says it. */
    static String latestClosureCell(TargetAssessment t) {
        return passedTooLate(t) ? LATE : closureCell(t.gapClosure());
    }

    /**
     * The latest value's closure in prose: as {@link #closure}, but a MISSED target whose latest value is past the goal
     * passed it after its date, which "goal passed" alone beside MISSED would hide.
     */
    static String latestClosure(String label, TargetAssessment t) {
        return passedTooLate(t) ? label + ": " + LATE : closure(label, t.gapClosure());
    }

    private static final String LATE = "goal passed after its date";

    private static boolean passedTooLate(TargetAssessment t) {
        return t.status() == TargetStatus.MISSED && t.gapClosure() != null && t.gapClosure() > 1;
    }

    /** A closure for a table cell: "44%", or "goal passed" beyond 100%. */
    static String closureCell(Double closure) {
        return closure == null ? "n/a" : closure > 1 ? "goal passed" : percent(closure);
    }

    static String percent(Double share) {
        return share == null ? "n/a" : Math.round(share * 100) + "%";
    }

    private static String perYear(Double rate, String unit) {
        return rate == null ? "n/a" : Text.signed(rate) + (unit.isEmpty() ? "" : unit + "/yr");
    }

    /** An amount with its currency ({@link Text#money}), the two kept on one line where the text wraps. */
    static String money(String currency, double amount) {
        return Text.money(currency, amount).replace(' ', Text.GLUE);
    }

    /**
     * A finding's evidence as the reports list it: the entries with a value, as the JSON report writes them (a null,
     * such as the date of an observation nobody made, is left out there too).
     */
    static Map<String, Object> evidence(Finding f) {
        Map<String, Object> shown = new LinkedHashMap<>();
        f.evidence().forEach((k, v) -> {
            if (v != null) {
                shown.put(k, v);
            }
        });
        return shown;
    }

    /** A score to two decimals; "—" when there is none (nothing could be assessed). */
    static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.2f", score);
    }

    /**
     * A gap closure as a reader takes it: "gap closed 44%", and "goal passed" once past 100% (a closure of 313%
     * says the goal was set below what happened, not that the mission did three times its work).
     */
    static String closure(String label, double closure) {
        if (closure > 1) {
            return label + ": goal passed";
        }
        return label + " " + String.format(Locale.ROOT, "%.0f%%", 100 * closure);
    }

    /** "Ambitious-realistic" for AMBITIOUS_REALISTIC. */
    static String label(Criterion c) {
        String words = c.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Findings grouped by severity, worst first, each group in the report's order; empty groups left out. */
    static Map<Severity, List<Finding>> bySeverity(List<Finding> findings) {
        Map<Severity, List<Finding>> groups = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            groups.computeIfAbsent(f.severity(), s -> new ArrayList<>()).add(f);
        }
        Map<Severity, List<Finding>> worstFirst = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            if (groups.containsKey(s)) {
                worstFirst.put(s, groups.get(s));
            }
        }
        return worstFirst;
    }

    /** "2 critical, 0 warning, 5 info". */
    static String counts(List<Finding> findings) {
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            long n = findings.stream().filter(f -> f.severity() == s).count();
            parts.add(n + " " + s.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", parts);
    }
}
