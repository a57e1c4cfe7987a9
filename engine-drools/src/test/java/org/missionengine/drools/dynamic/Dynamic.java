package org.missionengine.drools.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.missionengine.MissionEngine;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Target;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/**
 * Shared pieces of the dynamic-evaluation tests: one engine with the built-in packs, and an independent
 * least-squares line and date arithmetic (years are epoch days / 365.25, as SPEC §5's trajectories use them).
 */
final class Dynamic {
    /** Built once: compiling the rule packs is the slow part. */
    static final MissionEngine ENGINE = MissionEngine.builder().build();

    private Dynamic() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static double years(LocalDate date) {
        return date.toEpochDay() / 365.25;
    }

    static double years(LocalDate from, LocalDate to) {
        return (to.toEpochDay() - from.toEpochDay()) / 365.25;
    }

    static Metric metric(String id, MetricKind kind, Direction direction) {
        return new Metric(id, id, "unit", kind, direction, false);
    }

    static Metric binaryMetric(String id) {
        return new Metric(id, id, "yes/no", MetricKind.OUTCOME, Direction.INCREASE, true);
    }

    static Target target(String id, String metric, double baseline, String baselineDate, double goal, String goalDate) {
        return new Target(id, metric, DatedValue.of(baseline, d(baselineDate)), DatedValue.of(goal, d(goalDate)), List.of());
    }

    /** Points of a series as {years, value}. */
    static final class Points {
        final List<double[]> points = new ArrayList<>();

        Points add(String date, double value) {
            points.add(new double[] {years(d(date)), value});
            return this;
        }
    }

    /** {intercept, slope per year} of the least-squares line through the points, by the normal equations. */
    static double[] line(Points p) {
        double n = p.points.size();
        double st = 0;
        double sv = 0;
        double stt = 0;
        double stv = 0;
        for (double[] x : p.points) {
            st += x[0];
            sv += x[1];
        }
        double mt = st / n;
        double mv = sv / n;
        for (double[] x : p.points) {
            stt += (x[0] - mt) * (x[0] - mt);
            stv += (x[0] - mt) * (x[1] - mv);
        }
        double slope = stv / stt;
        return new double[] {mv - slope * mt, slope};
    }

    static double at(double[] line, String date) {
        return line[0] + line[1] * years(d(date));
    }

    /** The one finding with this code about this subject. */
    static Finding finding(MissionReport report, String code, String subject) {
        List<Finding> found = report.findings(code).stream().filter(f -> subject.equals(f.subject())).toList();
        assertThat(found).as("%s findings about %s; all findings: %s", code, subject, report.findings()).hasSize(1);
        return found.get(0);
    }

    static boolean has(MissionReport report, String code, String subject) {
        return report.findings(code).stream().anyMatch(f -> subject.equals(f.subject()));
    }

    /** The trajectory status codes reported about a target. */
    static List<String> statusCodes(MissionReport report, String subject) {
        return report.findings().stream().filter(f -> f.code().startsWith("TRJ_") && subject.equals(f.subject()))
                .map(Finding::code).toList();
    }

    /** Evidence is rounded to 10 significant digits; report values are exact. 1e-9 relative covers both. */
    static void close(Object actual, double expected) {
        assertThat(actual).as("a number close to %s", expected).isInstanceOf(Number.class);
        assertThat(((Number) actual).doubleValue()).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    static void close(Double actual, double expected) {
        assertThat(actual).as("a number close to %s", expected).isNotNull();
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
}
