package org.missionengine.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Portfolio;
import org.missionengine.report.Criterion;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Rating;
import org.missionengine.report.Severity;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.ValueAssessment;

/** The report as plain text for a terminal: one block per mission, then the portfolio, then a summary line. */
final class TextReport {
    private static final String RULE = "=".repeat(Text.WIDTH);
    private static final int BAR = 10;

    private final String file;
    private final EvaluationReport report;
    private final Set<String> yesNoMetrics;
    private final StringBuilder sb = new StringBuilder();

    /** {@code portfolio} (or null) tells which metrics are yes/no. */
    TextReport(String file, EvaluationReport report, Portfolio portfolio) {
        this.file = file;
        this.report = report;
        this.yesNoMetrics = ReportCells.yesNoMetrics(portfolio);
    }

    String render() {
        sb.append("Mission evaluation of ").append(file).append(", as of ").append(report.asOf()).append('\n');
        if (report.engine() != null) {
            String packs = report.engine().rulePacks().isEmpty() ? "none" : String.join(", ", report.engine().rulePacks());
            Text.wrap(sb, "Engine " + report.engine().version() + "; rule packs: " + packs, 0);
        }
        for (MissionReport mission : report.missions()) {
            mission(mission);
        }
        heading("Portfolio");
        findings(report.findings(), null);
        sb.append('\n').append(summary()).append('\n');
        if (report.engine() != null) {
            sb.append('\n');
            Text.wrap(sb, "Audit: " + Audit.of(report.engine()).footer(), 0);
        }
        return sb.toString();
    }

    private void heading(String title) {
        sb.append('\n').append(RULE).append('\n');
        Text.wrap(sb, title, 0);
        sb.append(RULE).append('\n');
    }

    private void mission(MissionReport m) {
        String title = m.title() == null || m.title().isBlank() || m.title().equals(m.id())
                ? m.id() : m.title() + " (" + m.id() + ")";
        heading(title);
        sb.append("Rating        ").append(m.rating() == null ? "not rated" : m.rating()).append('\n');
        if (m.ratingReason() != null) {
            StringBuilder why = new StringBuilder();
            Text.wrap(why, m.ratingReason(), 14);
            sb.append("Why").append(why, 3, why.length());
        }
        sb.append("Score         ").append(ReportCells.score(m.score())).append('\n');
        sb.append("Delivery      ").append(m.delivery() == null ? "— (no outcome data yet)"
                : ReportCells.score(m.delivery())).append('\n');
        sb.append("Design        ").append(ReportCells.score(m.design())).append('\n');
        sb.append("Evidence      ").append(ReportCells.score(m.evidence())).append('\n');
        sb.append("Washing risk  ").append(ReportCells.score(m.washingRisk()))
                .append(m.washingRisk() >= 0.5 ? "  (high)" : "").append('\n');

        sb.append("\nCriteria\n");
        for (Criterion c : Criterion.values()) {
            Double score = m.criteria().get(c);
            sb.append(String.format(Locale.ROOT, "  %-21s", c));
            if (score == null) {
                sb.append("—     (not assessed: the record lacks what its checks need)\n");
            } else {
                int filled = (int) Math.round(Math.max(0, Math.min(1, score)) * BAR);
                sb.append(String.format(Locale.ROOT, "%.2f  [%s%s]%n", score, "#".repeat(filled),
                        "-".repeat(BAR - filled)));
            }
        }

        if (!m.targets().isEmpty()) {
            sb.append("\nTargets\n");
            m.targets().forEach(this::target);
        }
        if (m.value() != null) {
            value(m.value());
        }
        sb.append('\n');
        findings(m.findings(), m.id());
    }

    private void target(TargetAssessment t) {
        String unit = t.unit() == null || t.unit().isBlank() ? "" : Text.GLUE + t.unit().strip().replace(' ', Text.GLUE);
        String head = t.target() + (t.metric() != null && !t.metric().equals(t.target()) ? " (metric " + t.metric() + ")" : "")
                + ": " + (t.status() == null ? "no status" : t.status());
        Text.wrap(sb, head, 2);
        if (yesNoMetrics.contains(t.metric())) { // a trend or projection of a yes/no says nothing
            Text.wrap(sb, "latest " + ReportCells.latest(t.latest(), ReportCells::yesNo, Text.GLUE), 4);
            return;
        }
        List<String> parts = new ArrayList<>();
        parts.add("baseline " + dated(t.baseline(), unit));
        parts.add("goal " + dated(t.goal(), unit));
        parts.add("latest " + ReportCells.latest(t.latest(), value -> Text.number(value) + unit, Text.GLUE));
        boolean settled = ReportCells.settled(t); // a projection says nothing once the target is achieved or missed
        if (t.projected() != null && !settled) {
            parts.add("projected " + ReportCells.level(t, t.projected()) + unit + " at the goal date");
        }
        Text.wrap(sb, String.join("; ", parts), 4);
        parts.clear();
        if (t.gapClosure() != null) {
            parts.add(ReportCells.latestClosure("gap closed", t));
        }
        if (t.projectedClosure() != null && !settled) {
            parts.add(ReportCells.closure("projected closure", t.projectedClosure()));
        }
        if (t.trendPerYear() != null) {
            parts.add("trend " + Text.signed(t.trendPerYear()) + unit + "/year");
        }
        if (t.requiredRatePerYear() != null) {
            parts.add("required " + Text.signed(t.requiredRatePerYear()) + unit + "/year");
        }
        if (t.bestYearlyRate() != null) {
            parts.add("best year " + Text.signed(t.bestYearlyRate()) + unit);
        }
        if (t.bauTrendPerYear() != null) {
            parts.add("business as usual " + Text.signed(t.bauTrendPerYear()) + unit + "/year"
                    + (t.bauProjection() != null ? " (reaching " + ReportCells.level(t, t.bauProjection()) + unit + ")" : ""));
        }
        if (!parts.isEmpty()) {
            Text.wrap(sb, String.join("; ", parts), 4);
        }
    }

    private static String dated(DatedValue v, String unit) {
        return ReportCells.dated(v, value -> Text.number(value) + unit, Text.GLUE);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private void value(ValueAssessment v) {
        sb.append("\nValue").append(v.currency() == null ? "" : " in " + v.currency()).append(" (discounted at ")
                .append(Text.number(v.discountRate() * 100)).append("%)\n");
        String c = v.currency();
        Text.wrap(sb, "Plain view: PV costs " + ReportCells.money(c, v.pvCosts()) + ", PV benefits "
                + ReportCells.money(c, v.pvBenefits()) + ", NPV " + ReportCells.money(c, v.npv())
                + ", benefit-cost ratio " + Text.number(v.benefitCostRatio()), 2);
        Text.wrap(sb, "Mission view: direct " + ReportCells.money(c, v.directValue()) + " + spillovers "
                + ReportCells.money(c, v.spilloverValue()) + " = " + ReportCells.money(c, v.totalValue())
                + ", dynamic benefit-cost ratio " + Text.number(v.dynamicBenefitCostRatio()) + ", leverage "
                + Text.number(v.leverage()), 2);
    }

    /** Findings grouped by severity, worst first; {@code missionId} is left out of the subjects for brevity. */
    private void findings(List<Finding> findings, String missionId) {
        if (findings.isEmpty()) {
            sb.append("Findings: none\n");
            return;
        }
        Map<Severity, List<Finding>> bySeverity = bySeverity(findings);
        sb.append("Findings: ").append(counts(bySeverity)).append('\n');
        for (Map.Entry<Severity, List<Finding>> group : bySeverity.entrySet()) {
            sb.append("  ").append(group.getKey()).append('\n');
            for (Finding f : group.getValue()) {
                StringBuilder head = new StringBuilder("- ").append(f.code());
                if (f.subject() != null && !f.subject().equals(missionId)) {
                    head.append(" [").append(f.subject()).append(']');
                }
                sb.append("  ").append(head).append('\n');
                if (f.message() != null && !f.message().isBlank()) {
                    Text.wrap(sb, f.message(), 6);
                }
                Map<String, Object> evidence = ReportCells.evidence(f);
                if (!evidence.isEmpty()) {
                    Text.wrap(sb, "evidence: " + evidence.entrySet().stream()
                            .map(e -> e.getKey() + "=" + Text.value(e.getValue()))
                            .collect(Collectors.joining(", ")), 6);
                }
            }
        }
    }

    private static Map<Severity, List<Finding>> bySeverity(List<Finding> findings) {
        return ReportCells.bySeverity(findings);
    }

    private static String counts(Map<Severity, List<Finding>> bySeverity) {
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            int n = bySeverity.getOrDefault(s, List.of()).size();
            parts.add(n + " " + s.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", parts);
    }

    private String summary() {
        Map<Rating, Long> ratings = new EnumMap<>(Rating.class);
        report.missions().forEach(m -> {
            if (m.rating() != null) {
                ratings.merge(m.rating(), 1L, Long::sum);
            }
        });
        String ratingText = ratings.isEmpty() ? "" : ratings.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ", " (", ")"));
        return "Summary: " + Text.plural(report.missions().size(), "mission", "missions") + ratingText
                + "; findings: " + counts(bySeverity(report.allFindings()));
    }
}
