package org.missionengine.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.missionengine.MissionEngine;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;
import org.missionengine.report.TargetAssessment;

/** Evaluates a portfolio at each period end up to the evaluation date: "what did we know then?". */
final class Timeline {
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

    static String render(MissionEngine engine, Portfolio portfolio, LocalDate asOf, Period period, String file,
                         boolean json) {
        List<LocalDate> dates = dates(portfolio, asOf, period);
        List<EvaluationReport> reports = dates.stream().map(d -> engine.evaluate(portfolio, d)).toList();
        return json ? json(file, dates, reports) : text(file, portfolio, dates, reports);
    }

    private static String text(String file, Portfolio portfolio, List<LocalDate> dates, List<EvaluationReport> reports) {
        StringBuilder sb = new StringBuilder("\nTimeline of " + file + "\n");
        for (Mission mission : portfolio.missions()) {
            sb.append("\n").append(mission.title() == null ? mission.id() : mission.title())
                    .append(" (").append(mission.id()).append(")\n");
            sb.append(String.format(Locale.ROOT, "  %-10s  %-15s  %-5s  %s%n", "as of", "rating", "risk", "targets"));
            String previous = null;
            for (int i = 0; i < dates.size(); i++) {
                MissionReport m = reports.get(i).mission(mission.id());
                StringBuilder targets = new StringBuilder();
                for (TargetAssessment t : m.targets()) {
                    targets.append(targets.length() == 0 ? "" : ", ").append(t.target()).append('=').append(t.status());
                }
                String line = String.format(Locale.ROOT, "%-15s  %.2f   %s", m.rating(), m.washingRisk(), targets);
                sb.append(String.format(Locale.ROOT, "  %s  %s%s%n", dates.get(i), line,
                        previous != null && !previous.equals(line) ? "   <- changed" : ""));
                previous = line;
            }
        }
        return sb.toString();
    }

    private static String json(String file, List<LocalDate> dates, List<EvaluationReport> reports) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "mission-timeline/1");
        doc.put("file", file);
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("asOf", dates.get(i).toString());
            List<Object> missions = new ArrayList<>();
            for (MissionReport m : reports.get(i).missions()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", m.id());
                entry.put("rating", String.valueOf(m.rating()));
                entry.put("washingRisk", m.washingRisk());
                Map<String, String> statuses = new LinkedHashMap<>();
                m.targets().forEach(t -> statuses.put(t.target(), String.valueOf(t.status())));
                entry.put("targets", statuses);
                missions.add(entry);
            }
            point.put("missions", missions);
            points.add(point);
        }
        doc.put("points", points);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
