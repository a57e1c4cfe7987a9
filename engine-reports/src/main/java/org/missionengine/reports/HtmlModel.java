package org.missionengine.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.missionengine.model.Metric;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.report.Criterion;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.Rating;
import org.missionengine.report.Severity;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;
import org.missionengine.report.ValueAssessment;

/**
 * What the HTML template shows, as display strings: the template only lays them out (and jte escapes each one). Chart
 * data goes to a {@link ChartSpecs}; the views carry the ids of their charts.
 */
final class HtmlModel {
    private HtmlModel() {
    }

    record Page(String title, List<Doc> docs, String css, String script, String echarts, String echartsVersion,
                String chartData) {
    }

    /** {@code audit} is null when the report does not say what produced it. */
    record Doc(String file, String asOf, String engine, List<MissionView> missions, Findings findings, Audit audit) {
    }

    record MissionView(String anchor, String id, String title, String rating, String ratingClass, String ratingReason,
                       String score, String delivery, String design, String evidence, String washingRisk,
                       boolean highRisk, List<Score> criteria, String criteriaChart, String statuses,
                       List<TargetView> targets, ValueView value, Findings findings) {
    }

    record Score(String label, String value) {
    }

    /** {@code chart} is null when there is nothing to draw. */
    record TargetView(String id, String metric, String status, String statusClass, String chart,
                      Map<String, String> numbers) {
    }

    /** {@code chart} is null when no project has a ratio; {@code chartNote} says when it shows only some. */
    record ValueView(String currency, String discountRate, List<ValueRow> views, String leverage, List<ProjectRow> projects,
                     String chart, String chartNote) {
    }

    /** One view of a mission's value: plain cost-benefit or mission (with spillovers). */
    record ValueRow(String view, String pvCosts, String benefits, String value, String ratio) {
    }

    record ProjectRow(String id, String title, String sector, String pvCosts, String pvBenefits, String plainRatio,
                      String missionValue, String dynamicRatio, boolean undervalued) {
    }

    record Findings(String counts, List<Group> groups) {
        boolean isEmpty() {
            return groups.isEmpty();
        }
    }

    record Group(String severity, String cssClass, List<FindingView> items) {
    }

    record FindingView(String code, String subject, String message, String rule, Map<String, String> evidence) {
    }

    /** Builds the view of one evaluated portfolio; {@code prefix} keeps anchors and chart ids unique on the page. */
    static Doc doc(String prefix, String file, EvaluationReport report, Portfolio portfolio, ChartSpecs charts) {
        String engine = report.engine() == null ? null : "engine " + report.engine().version() + "; rule packs: "
                + (report.engine().rulePacks().isEmpty() ? "none" : String.join(", ", report.engine().rulePacks()));
        List<MissionView> missions = new ArrayList<>();
        Set<String> yesNoMetrics = ReportCells.yesNoMetrics(portfolio);
        for (int i = 0; i < report.missions().size(); i++) {
            MissionReport m = report.missions().get(i);
            Optional<Mission> mission = portfolio == null ? Optional.empty() : portfolio.mission(m.id());
            missions.add(mission(prefix + "m" + i, m, mission.orElse(null), portfolio, yesNoMetrics, report.asOf(),
                    charts));
        }
        return new Doc(file, String.valueOf(report.asOf()), engine, missions, findings(report.findings(), null),
                report.engine() == null ? null : Audit.of(report.engine()));
    }

    private static MissionView mission(String anchor, MissionReport m, Mission mission, Portfolio portfolio,
                                       Set<String> yesNoMetrics, LocalDate asOf, ChartSpecs charts) {
        List<Score> criteria = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            criteria.add(new Score(ReportCells.label(c), ReportCells.score(m.criteria().get(c))));
        }
        String criteriaChart = anchor + "-criteria";
        charts.criteria(criteriaChart, m);

        LocalDate launched = mission == null ? null : mission.launched();
        List<TargetView> targets = new ArrayList<>();
        for (int i = 0; i < m.targets().size(); i++) {
            TargetAssessment t = m.targets().get(i);
            String chart = anchor + "-t" + i;
            boolean yesNo = yesNoMetrics.contains(t.metric());
            boolean drawn = charts.target(chart, t, yesNo, launched, asOf);
            ReportCells.TargetNumbers numbers = ReportCells.TargetNumbers.of(t, yesNo);
            targets.add(new TargetView(t.target(), metric(t, portfolio), numbers.status(), statusClass(t.status()),
                    drawn ? chart : null, numbers.labelled()));
        }
        ValueView value = m.value() == null ? null : value(anchor + "-value", m.value(), mission, charts);
        String title = m.title() == null || m.title().isBlank() ? m.id() : m.title();
        return new MissionView(anchor, m.id(), title, m.rating() == null ? "NOT RATED" : m.rating().name(),
                ratingClass(m.rating()), m.ratingReason(), ReportCells.score(m.score()), ReportCells.score(m.delivery()),
                ReportCells.score(m.design()), ReportCells.score(m.evidence()), ReportCells.score(m.washingRisk()),
                m.washingRisk() >= 0.5, criteria,
                criteriaChart, statuses(m.targets()), targets, value, findings(m.findings(), m.id()));
    }

    /** "2 ON_TRACK, 1 NO_DATA" for the overview. */
    private static String statuses(List<TargetAssessment> targets) {
        if (targets.isEmpty()) {
            return "no targets";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TargetStatus s : TargetStatus.values()) {
            int n = (int) targets.stream().filter(t -> t.status() == s).count();
            if (n > 0) {
                counts.put(s.name(), n);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + s));
        return String.join(", ", parts);
    }

    private static String metric(TargetAssessment t, Portfolio portfolio) {
        String unit = t.unit() == null || t.unit().isBlank() ? "" : " (" + t.unit().strip() + ")";
        if (t.metric() == null) {
            return "no metric";
        }
        String name = portfolio == null ? null : portfolio.metric(t.metric()).map(Metric::name).orElse(null);
        return (name == null || name.isBlank() ? t.metric() : name) + unit;
    }

    private static ValueView value(String chartId, ValueAssessment v, Mission mission, ChartSpecs charts) {
        String c = v.currency();
        List<ValueRow> views = List.of(
                new ValueRow("Plain cost-benefit", ReportCells.money(c, v.pvCosts()),
                        ReportCells.money(c, v.pvBenefits()),
                        "NPV " + ReportCells.money(c, v.npv()), Text.number(v.benefitCostRatio())),
                new ValueRow("Mission (with spillovers)", ReportCells.money(c, v.pvCosts()),
                        ReportCells.money(c, v.directValue()) + " direct + " + ReportCells.money(c, v.spilloverValue())
                                + " spillover",
                        ReportCells.money(c, v.totalValue()) + " total",
                        Text.number(v.dynamicBenefitCostRatio()) + " dynamic"));
        List<ProjectRow> projects = new ArrayList<>();
        for (ProjectValue p : v.projects()) {
            String title = mission == null ? null : mission.projects().stream()
                    .filter(x -> x.id().equals(p.project())).map(Project::title).findFirst().orElse(null);
            boolean undervalued = p.benefitCostRatio() != null && p.benefitCostRatio() < 1
                    && p.dynamicBenefitCostRatio() != null && p.dynamicBenefitCostRatio() >= 1;
            projects.add(new ProjectRow(p.project(), title == null ? "" : title, p.sector() == null ? "" : p.sector(),
                    ReportCells.money(c, p.pvCosts()), ReportCells.money(c, p.pvBenefits()),
                    Text.number(p.benefitCostRatio()), ReportCells.money(c, p.totalValue()),
                    Text.number(p.dynamicBenefitCostRatio()), undervalued));
        }
        int drawn = charts.value(chartId, v);
        long withRatio = v.projects().stream()
                .filter(p -> p.benefitCostRatio() != null || p.dynamicBenefitCostRatio() != null).count();
        String note = drawn < withRatio ? "The chart shows the " + drawn + " largest of " + withRatio
                + " projects by PV of costs; the table lists all." : null;
        return new ValueView(v.currency(), Text.number(v.discountRate() * 100) + "%", views, Text.number(v.leverage()), projects,
                drawn > 0 ? chartId : null, note);
    }

    static Findings findings(List<Finding> findings, String missionId) {
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Severity, List<Finding>> group : ReportCells.bySeverity(findings).entrySet()) {
            List<FindingView> items = new ArrayList<>();
            for (Finding f : group.getValue()) {
                Map<String, String> evidence = new LinkedHashMap<>();
                ReportCells.evidence(f).forEach((k, v) -> evidence.put(k, Text.value(v)));
                String subject = f.subject() == null || f.subject().equals(missionId) ? "" : f.subject();
                String rule = f.rule() == null ? "" : f.rule() + (f.pack() == null ? "" : " (" + f.pack() + ")");
                items.add(new FindingView(f.code(), subject, f.message() == null ? "" : f.message(), rule, evidence));
            }
            groups.add(new Group(group.getKey().name(), group.getKey().name().toLowerCase(Locale.ROOT), items));
        }
        return new Findings(ReportCells.counts(findings), groups);
    }

    private static String ratingClass(Rating rating) {
        return rating == null ? "rating-none" : "rating-" + rating.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String statusClass(TargetStatus status) {
        return status == null ? "status-none" : "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
