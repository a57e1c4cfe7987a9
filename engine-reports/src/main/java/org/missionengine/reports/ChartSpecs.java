package org.missionengine.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Observation;
import org.missionengine.report.Criterion;
import org.missionengine.report.MissionReport;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.ValueAssessment;

/**
 * The data behind the HTML report's charts, by chart id, as one JSON document for the page's script. Lines are drawn
 * from the numbers the engine computed (slope per year and value at the goal date); nothing is fitted here.
 */
final class ChartSpecs {
    /** As in the engine's trajectories: a year is 365.25 days. */
    private static final double DAYS_PER_YEAR = 365.25;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_PROJECTS = 25;

    private final Map<String, Map<String, Object>> charts = new LinkedHashMap<>();

    /**
     * Adds a target's trajectory chart; returns false (and adds nothing) when there is nothing to draw.
     *
     * @param yesNo    whether the target's metric is yes/no: its points and goal are drawn, no trend or
     *                 business-as-usual line (a line between no and yes says nothing)
     * @param launched the mission's launch date; null when unknown
     */
    boolean target(String id, TargetAssessment t, boolean yesNo, LocalDate launched, LocalDate asOf) {
        List<Object[]> before = new ArrayList<>();
        List<Object[]> since = new ArrayList<>();
        for (Observation o : t.observations()) {
            (launched != null && o.date().isBefore(launched) ? before : since).add(point(o.date(), o.value()));
        }
        Object[] baseline = complete(t.baseline()) ? point(t.baseline().date(), t.baseline().value()) : null;
        Object[] goal = complete(t.goal()) ? point(t.goal().date(), t.goal().value()) : null;
        if (before.isEmpty() && since.isEmpty() && baseline == null && goal == null) {
            return false;
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "target");
        chart.put("unit", t.unit() == null ? "" : t.unit().strip());
        chart.put("yesNo", yesNo);
        chart.put("before", before);
        chart.put("since", since);
        chart.put("baseline", baseline);
        chart.put("goal", goal);
        chart.put("launched", launched == null ? null : launched.toString());
        chart.put("asOf", asOf.toString());
        if (goal != null && !yesNo) {
            LocalDate goalDate = t.goal().date();
            chart.put("trend", line(t.projected(), t.trendPerYear(), trendStart(t, launched), goalDate));
            chart.put("bau", launched == null ? null
                    : line(t.bauProjection(), t.bauTrendPerYear(), bauStart(t, launched), goalDate));
        }
        charts.put(id, chart);
        return true;
    }

    /**
     * Where the trend line starts: where the engine's trend starts (Trajectories), the later of the launch and the
     * target's baseline date (a target set after the launch is judged on its own period); without either, the earliest
     * point.
     */
    private static LocalDate trendStart(TargetAssessment t, LocalDate launched) {
        LocalDate baseline = complete(t.baseline()) ? t.baseline().date() : null;
        if (baseline != null && (launched == null || baseline.isAfter(launched))) {
            return baseline;
        }
        if (launched != null) {
            return launched;
        }
        return dates(t).min(LocalDate::compareTo).orElse(null);
    }

    /** Business as usual is fitted on what came before launch: it is drawn from the earliest such point. */
    private static LocalDate bauStart(TargetAssessment t, LocalDate launched) {
        return dates(t).filter(d -> d.isBefore(launched)).min(LocalDate::compareTo).orElse(null);
    }

    private static Stream<LocalDate> dates(TargetAssessment t) {
        return Stream.concat(t.observations().stream().map(Observation::date),
                Stream.of(t.baseline()).filter(ChartSpecs::complete).map(DatedValue::date));
    }

    /** Two points of the line that has {@code slopePerYear} and passes through {@code atGoal} at the goal date. */
    private static List<Object[]> line(Double atGoal, Double slopePerYear, LocalDate from, LocalDate goalDate) {
        if (atGoal == null || slopePerYear == null || from == null || !from.isBefore(goalDate)) {
            return null;
        }
        double years = (goalDate.toEpochDay() - from.toEpochDay()) / DAYS_PER_YEAR;
        return List.of(point(from, atGoal - slopePerYear * years), point(goalDate, atGoal));
    }

    void criteria(String id, MissionReport m) {
        List<String> labels = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            labels.add(ReportCells.label(c));
            scores.add(m.criteria().get(c));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "criteria");
        chart.put("labels", labels);
        chart.put("scores", scores);
        charts.put(id, chart);
    }

    /**
     * Plain versus dynamic benefit-cost ratio per project, the {@link #MAX_PROJECTS} largest by PV of costs (a chart of
     * hundreds of bars reads as nothing); returns how many are drawn, 0 when no project has a ratio.
     */
    int value(String id, ValueAssessment v) {
        List<ProjectValue> projects = v.projects().stream()
                .filter(p -> p.benefitCostRatio() != null || p.dynamicBenefitCostRatio() != null).toList();
        if (projects.isEmpty()) {
            return 0;
        }
        if (projects.size() > MAX_PROJECTS) {
            projects = projects.stream().sorted(Comparator.comparingDouble(ProjectValue::pvCosts).reversed())
                    .limit(MAX_PROJECTS).toList();
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "value");
        chart.put("projects", projects.stream().map(ProjectValue::project).toList());
        chart.put("plain", projects.stream().map(ProjectValue::benefitCostRatio).toList());
        chart.put("dynamic", projects.stream().map(ProjectValue::dynamicBenefitCostRatio).toList());
        charts.put(id, chart);
        return projects.size();
    }

    /**
     * The JSON for a {@code <script type="application/json">} block. {@code <}, {@code >} and {@code &} become
     * unicode escapes, so no string (a title holding {@code </script>}) can end the block early; U+2028/U+2029 too,
     * for older JavaScript parsers.
     */
    String toJson() {
        try {
            return JSON.writeValueAsString(charts)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart data: " + e.getMessage(), e);
        }
    }

    private static boolean complete(DatedValue v) {
        return v != null && v.complete();
    }

    private static Object[] point(LocalDate date, double value) {
        return new Object[] {date.toString(), value};
    }
}
