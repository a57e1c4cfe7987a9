package org.missionengine.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The result of evaluating a portfolio at a date: one report per mission and the portfolio-level findings.
 *
 * @param engine   what produced the report: engine, packs by hash, parameters in force, limits
 * @param asOf     the evaluation date
 * @param missions a report per mission, in the portfolio's order
 * @param findings the portfolio's own findings (about several missions)
 */
public record EvaluationReport(EngineInfo engine, LocalDate asOf, List<MissionReport> missions, List<Finding> findings) {
    /**
     * Copies the lists; null is none.
     *
     * @param engine   what produced the report: engine, packs by hash, parameters in force, limits
     * @param asOf     the evaluation date
     * @param missions a report per mission, in the portfolio's order
     * @param findings the portfolio's own findings (about several missions)
     */
    public EvaluationReport {
        missions = missions == null ? List.of() : List.copyOf(missions);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * The report of one mission.
     *
     * @param id the mission's id
     * @return its report
     * @throws NoSuchElementException if no mission has that id; the message lists the ids there are
     */
    public MissionReport mission(String id) {
        return missions.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no mission \"" + id + "\" in the report; missions: "
                        + missions.stream().map(MissionReport::id).toList()));
    }

    /**
     * Every finding, the missions' first, then the portfolio's.
     *
     * @return the findings
     */
    public List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>();
        missions.forEach(m -> all.addAll(m.findings()));
        all.addAll(findings);
        return all;
    }

    /**
     * The worst severity among all findings.
     *
     * @return the severity, or empty when there is no finding
     */
    public Optional<Severity> highestSeverity() {
        return allFindings().stream().map(Finding::severity).max(Enum::compareTo);
    }
}
