package org.missionengine.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.missionengine.model.Portfolio;
import org.missionengine.report.Criterion;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.Severity;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.ValueAssessment;

/**
 * The report as GitHub-flavoured Markdown: a summary table of the missions, then per mission its targets, value and
 * findings by severity with their evidence, then the portfolio's findings. Every user-provided string is escaped, so
 * a title cannot break a table or smuggle HTML into a rendered page.
 */
final class MarkdownReport {
    /** Characters with a meaning in Markdown or HTML; a backslash makes each literal (CommonMark, GFM tables). */
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|#~!{}]");

    private final String file;
    private final EvaluationReport report;
    private final Set<String> yesNoMetrics;
    private final StringBuilder sb = new StringBuilder();

    /** {@code portfolio} (or null) tells which metrics are yes/no. */
    MarkdownReport(String file, EvaluationReport report, Portfolio portfolio) {
        this.file = file;
        this.report = report;
        this.yesNoMetrics = ReportCells.yesNoMetrics(portfolio);
    }

    String render() {
        sb.append("# Mission evaluation of ").append(md(file)).append("\n\n");
        sb.append("As of ").append(report.asOf());
        if (report.engine() != null) {
            sb.append(" · engine ").append(md(report.engine().version())).append(" · rule packs: ")
                    .append(report.engine().rulePacks().isEmpty() ? "none"
                            : md(String.join(", ", report.engine().rulePacks())));
        }
        sb.append("\n\n");
        summary();
        for (MissionReport m : report.missions()) {
            mission(m);
        }
        sb.append("## Portfolio findings\n\n");
        findings(report.findings(), null);
        if (report.engine() != null) {
            audit(Audit.of(report.engine()));
        }
        return sb.toString();
    }

    /** The appendix an auditor reads to reproduce the report: what produced it, with which packs and parameters. */
    private void audit(Audit audit) {
        sb.append("## Audit\n\n").append(md(audit.engine()));
        if (!audit.limits().isEmpty()) {
            sb.append(" · ").append(md(audit.limits()));
        }
        sb.append("\n\n### Rule packs\n\n");
        table(List.of("Pack", "Version", "SHA-256 (start)", "Source"), audit.packs());
        sb.append("### Parameters that differ from their defaults\n\n");
        if (audit.changed().isEmpty()) {
            sb.append("None: every parameter has its pack's default.\n\n");
        } else {
            table(List.of("Parameter", "Value", "Default", "Source"), audit.changed());
        }
        sb.append("### All parameters\n\n");
        table(List.of("Parameter", "Value", "Default", "Source"), audit.parameters());
        sb.append("### Disabled rules\n\n");
        if (audit.disabled().isEmpty()) {
            sb.append("None.\n\n");
        } else {
            table(List.of("Given", "Rules left out"), audit.disabled());
        }
        sb.append("### Severity overrides\n\n");
        if (audit.overrides().isEmpty()) {
            sb.append("None.\n\n");
        } else {
            table(List.of("Code", "Severity", "Declared"), audit.overrides());
        }
    }

    /** A table whose cells are escaped, the first column (a name) shown as code. */
    private void table(List<String> header, List<List<String>> rows) {
        row(header.toArray(String[]::new));
        sb.append('|').append("---|".repeat(header.size())).append('\n');
        for (List<String> cells : rows) {
            String[] shown = new String[cells.size()];
            for (int i = 0; i < shown.length; i++) {
                shown[i] = i == 0 ? code(cells.get(i)) : md(cells.get(i));
            }
            row(shown);
        }
        sb.append('\n');
    }

    private void summary() {
        sb.append("## Missions\n\n");
        if (report.missions().isEmpty()) {
            sb.append("The portfolio has no missions.\n\n");
            return;
        }
        sb.append("| Mission | Rating | Score | Delivery | Evidence | Washing risk |");
        for (Criterion c : Criterion.values()) {
            sb.append(' ').append(ReportCells.label(c)).append(" |");
        }
        sb.append(" Findings |\n|---|---|---:|---:|---:|---:|");
        sb.append("---:|".repeat(Criterion.values().length)).append("---|\n");
        for (MissionReport m : report.missions()) {
            sb.append("| ").append(title(m)).append(" | ").append(m.rating() == null ? "not rated" : m.rating())
                    .append(" | ").append(ReportCells.score(m.score()))
                    .append(" | ").append(ReportCells.score(m.delivery()))
                    .append(" | ").append(ReportCells.score(m.evidence()))
                    .append(" | ").append(ReportCells.score(m.washingRisk())).append(" |");
            for (Criterion c : Criterion.values()) {
                sb.append(' ').append(ReportCells.score(m.criteria().get(c))).append(" |");
            }
            sb.append(' ').append(ReportCells.counts(m.findings())).append(" |\n");
        }
        sb.append('\n');
    }

    private static String title(MissionReport m) {
        return m.title() == null || m.title().isBlank() || m.title().equals(m.id())
                ? code(m.id()) : md(m.title()) + " (" + code(m.id()) + ")";
    }

    private void mission(MissionReport m) {
        sb.append("## ").append(title(m)).append("\n\n");
        sb.append("**Rating:** ").append(m.rating() == null ? "not rated" : m.rating())
                .append(" · **Score:** ").append(ReportCells.score(m.score()))
                .append(" · **Delivery:** ").append(ReportCells.score(m.delivery()))
                .append(" · **Design:** ").append(ReportCells.score(m.design()))
                .append(" · **Evidence:** ").append(ReportCells.score(m.evidence()))
                .append(" · **Washing risk:** ").append(ReportCells.score(m.washingRisk()))
                .append(m.washingRisk() >= 0.5 ? " (high)" : "").append("\n\n");
        if (m.ratingReason() != null) {
            sb.append("> ").append(md(m.ratingReason())).append("\n\n");
        }
        targets(m.targets());
        if (m.value() != null) {
            value(m.value());
        }
        sb.append("### Findings\n\n");
        findings(m.findings(), m.id());
    }

    private void targets(List<TargetAssessment> targets) {
        sb.append("### Targets\n\n");
        if (targets.isEmpty()) {
            sb.append("The mission states no targets.\n\n");
            return;
        }
        sb.append("| Target | Status | Baseline | Goal | Latest | Gap closed | Trend/yr | Projected | Projected closure "
                + "| Required/yr | BAU trend/yr | BAU projection |\n");
        sb.append("|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TargetAssessment t : targets) {
            ReportCells.TargetNumbers n = ReportCells.TargetNumbers.of(t, yesNoMetrics.contains(t.metric()), false);
            List<String> about = new ArrayList<>();
            if (t.metric() != null && !t.metric().equals(t.target())) {
                about.add("metric " + code(t.metric()));
            }
            if (t.unit() != null && !t.unit().isBlank()) {
                about.add("in " + md(t.unit().strip()));
            }
            String name = code(t.target()) + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
            row(name, n.status(), md(n.baseline()), md(n.goal()), md(n.latest()), n.closure(), md(n.trend()),
                    md(n.projected()), n.projectedClosure(), md(n.required()), md(n.bauTrend()), md(n.bauProjection()));
        }
        sb.append('\n');
    }

    private void value(ValueAssessment v) {
        sb.append("### Value").append(v.currency() == null ? "" : " in " + v.currency()).append(" (discounted at ")
                .append(Text.number(v.discountRate() * 100)).append("%)\n\n");
        sb.append("| View | PV costs | PV benefits | Value | Benefit-cost ratio |\n|---|---:|---:|---:|---:|\n");
        String c = v.currency();
        row("Plain cost-benefit", Text.money(c, v.pvCosts()), Text.money(c, v.pvBenefits()),
                "NPV " + Text.money(c, v.npv()), Text.number(v.benefitCostRatio()));
        row("Mission (with spillovers)", Text.money(c, v.pvCosts()), Text.money(c, v.directValue()) + " direct + "
                        + Text.money(c, v.spilloverValue()) + " spillover", Text.money(c, v.totalValue()) + " total",
                Text.number(v.dynamicBenefitCostRatio()) + " (dynamic)");
        sb.append("\nLeverage (private / public funding): ").append(Text.number(v.leverage())).append("\n\n");
        if (!v.projects().isEmpty()) {
            sb.append("| Project | Sector | PV costs | PV benefits | Plain BCR | Mission value | Dynamic BCR |\n");
            sb.append("|---|---|---:|---:|---:|---:|---:|\n");
            for (ProjectValue p : v.projects()) {
                row(code(p.project()), p.sector() == null ? "" : md(p.sector()), Text.money(c, p.pvCosts()),
                        Text.money(c, p.pvBenefits()), Text.number(p.benefitCostRatio()), Text.money(c, p.totalValue()),
                        Text.number(p.dynamicBenefitCostRatio()));
            }
            sb.append('\n');
        }
    }

    private void findings(List<Finding> findings, String missionId) {
        if (findings.isEmpty()) {
            sb.append("None.\n\n");
            return;
        }
        sb.append(ReportCells.counts(findings)).append(".\n\n");
        for (Map.Entry<Severity, List<Finding>> group : ReportCells.bySeverity(findings).entrySet()) {
            sb.append("#### ").append(group.getKey()).append("\n\n");
            for (Finding f : group.getValue()) {
                sb.append("- ").append(code(f.code()));
                if (f.subject() != null && !f.subject().equals(missionId)) {
                    sb.append(" on ").append(code(f.subject()));
                }
                if (f.message() != null && !f.message().isBlank()) {
                    sb.append(": ").append(md(f.message()));
                }
                sb.append('\n');
                Map<String, Object> evidence = ReportCells.evidence(f);
                if (!evidence.isEmpty()) {
                    sb.append("  - Evidence: ");
                    boolean first = true;
                    for (Map.Entry<String, Object> e : evidence.entrySet()) {
                        sb.append(first ? "" : ", ").append(code(e.getKey())).append(" = ")
                                .append(md(Text.value(e.getValue())));
                        first = false;
                    }
                    sb.append('\n');
                }
                if (f.rule() != null) {
                    sb.append("  - Rule: ").append(md(f.rule()))
                            .append(f.pack() == null ? "" : " (pack " + md(f.pack()) + ")").append('\n');
                }
            }
            sb.append('\n');
        }
    }

    private void row(String... cells) {
        sb.append('|');
        for (String cell : cells) {
            sb.append(' ').append(cell).append(" |");
        }
        sb.append('\n');
    }

    /** User text made literal, on one line. */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        return SPECIAL.matcher(text.replaceAll("\\s*\\R\\s*", " ")).replaceAll("\\\\$0");
    }

    /** An identifier as code; falls back to escaped text when it contains a backquote or a line break. */
    static String code(String id) {
        if (id == null) {
            return "";
        }
        if (id.contains("`") || id.contains("|") || id.contains("\n") || id.contains("\r")) {
            return md(id);
        }
        return "`" + id + "`";
    }
}
