package org.missionengine.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What is left of a report once its missions' reports have been handed on one by one
 * ({@link org.missionengine.MissionEngine#evaluate(org.missionengine.model.Portfolio, LocalDate,
 * org.missionengine.ProgressListener, java.util.function.Consumer)}): the engine, the date, how many missions were
 * evaluated, and the portfolio-level findings.
 *
 * @param engine            what produced the report: engine, packs by hash, parameters in force, limits
 * @param asOf              the evaluation date
 * @param missionsEvaluated how many mission reports were handed on
 * @param findings          the portfolio's own findings
 */
public record PortfolioReport(EngineInfo engine, LocalDate asOf, int missionsEvaluated, List<Finding> findings) {
    /**
     * Copies the findings; a null list is empty.
     *
     * @param engine            what produced the report: engine, packs by hash, parameters in force, limits
     * @param asOf              the evaluation date
     * @param missionsEvaluated how many mission reports were handed on
     * @param findings          the portfolio's own findings
     * @throws IllegalArgumentException if {@code missionsEvaluated} is negative
     */
    public PortfolioReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (missionsEvaluated < 0) {
            throw new IllegalArgumentException("missionsEvaluated must be 0 or more, got " + missionsEvaluated);
        }
    }
}
