package org.missionengine.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;


import org.missionengine.MissionEngine;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;
import org.missionengine.report.TargetAssessment;

/** Evaluates a portfolio at each period end up to the evaluation date: "what did we know then?". */
final class Timeline {
    /** What the timeline shows for a mission on dates before its launch. */
    static final String NOT_LAUNCHED = "NOT_LAUNCHED";

    enum Period { yearly, quarterly }

    private Timeline() {
    }

    static List<LocalDate> dates(Portfolio portfolio, LocalDate asOf, Period period) {
        LocalDate start = portfolio.missions().stream().map(Mission::launched).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(asOf.minusYears(5));
        List<LocalDate> dates = new ArrayList<>();
        int months = period == Period.yearly ? 12 : 3;
        LocalDate end = period == Period.yearly ? LocalDate.of(start.getYear(), 12, 31)
                : start.withDayOfMonth(1).plusMonths(3 - (start.getMonthValue() - 1) % 3).minusDays(1);
        while (end.isBefore(asOf)) {
            dates.add(end);
            end = end.plusDays(1).plusMonths(months).minusDays(1);
        }
        dates.add(asOf);
        return dates;
    }

    /** The timeline as text, one block per mission. */
    static String text(MissionEngine engine, Portfolio portfolio, LocalDate asOf, Period period, String file) {
        List<LocalDate> dates = dates(portfolio, asOf, period);
        return text(file, portfolio, dates, evaluate(engine, portfolio, dates));
    }

    /** The timeline as a JSON object ({@code mission-timeline/1}), for the JSON report's {@code timeline} field. */
    static Map<String, Object> json(MissionEngine engine, Portfolio portfolio, LocalDate asOf, Period period,
                                    String file) {
        List<LocalDate> dates = dates(portfolio, asOf, period);
        return json(file, portfolio, dates, evaluate(engine, portfolio, dates));
    }

    private static List<EvaluationReport> evaluate(MissionEngine engine, Portfolio portfolio, List<LocalDate> dates) {
        return dates.stream().map(d -> engine.evaluate(portfolio, d)).toList();
    }

    /** A mission is judged only from its launch: before it, there is nothing to rate. */
    private static boolean launchedBy(Mission mission, LocalDate date) {
        return mission.launched() == null || !mission.launched().isAfter(date);
    }

    private static String text(String file, Portfolio portfolio, List<LocalDate> dates, List<EvaluationReport> reports) {
        StringBuilder sb = new StringBuilder("\nTimeline of " + file + "\n");
        for (Mission mission : portfolio.missions()) {
            sb.append("\n").append(mission.title() == null ? mission.id() : mission.title())
                    .append(" (").append(mission.id()).append(")\n");
            sb.append(String.format(Locale.ROOT, "  %-10s  %-21s  %-5s  %s%n", "as of", "rating", "risk", "targets"));
            String previous = null;
            for (int i = 0; i < dates.size(); i++) {
                String line;
                if (!launchedBy(mission, dates.get(i))) {
                    line = String.format(Locale.ROOT, "%-21s  %-5s  %s", NOT_LAUNCHED, "—", "launched " + mission.launched());
                } else {
                    MissionReport m = reports.get(i).mission(mission.id());
                    StringBuilder targets = new StringBuilder();
                    for (TargetAssessment t : m.targets()) {
                        targets.append(targets.length() == 0 ? "" : ", ").append(t.target()).append('=')
                                .append(t.status());
                    }
                    line = String.format(Locale.ROOT, "%-21s  %.2f   %s", m.rating(), m.washingRisk(), targets);
                }
                sb.append(String.format(Locale.ROOT, "  %s  %s%s%n", dates.get(i), line,
                        previous != null && !previous.equals(line) ? "   <- changed" : ""));
                previous = line;
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> json(String file, Portfolio portfolio, List<LocalDate> dates,
                                            List<EvaluationReport> reports) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "mission-timeline/1");
        doc.put("file", file);
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("asOf", dates.get(i).toString());
            List<Object> missions = new ArrayList<>();
            for (Mission mission : portfolio.missions()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", mission.id());
                if (!launchedBy(mission, dates.get(i))) {
                    entry.put("rating", NOT_LAUNCHED);
                    entry.put("launched", mission.launched().toString());
                } else {
                    MissionReport m = reports.get(i).mission(mission.id());
                    entry.put("rating", String.valueOf(m.rating()));
                    entry.put("score", m.score());
                    entry.put("washingRisk", m.washingRisk());
                    Map<String, String> statuses = new LinkedHashMap<>();
                    m.targets().forEach(t -> statuses.put(t.target(), String.valueOf(t.status())));
                    entry.put("targets", statuses);
                }
                missions.add(entry);
            }
            point.put("missions", missions);
            points.add(point);
        }
        doc.put("points", points);
        return doc;
    }
}
