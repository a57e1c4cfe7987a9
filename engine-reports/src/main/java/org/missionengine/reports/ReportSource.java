package org.missionengine.reports;

import java.util.Objects;

import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/**
 * One evaluated portfolio, as a report writer takes it.
 *
 * @param name      what the report is of, shown in its title: usually the portfolio's file name
 * @param report    the engine's report
 * @param portfolio the portfolio that was evaluated, or null; the HTML report takes the metrics' names and the
 *                  missions' launch dates from it, and every format which metrics are yes/no (shown as yes or no,
 *                  without a trend or projection); a report shows less without it
 */
public record ReportSource(String name, EvaluationReport report, Portfolio portfolio) {
    /**
     * Checks that the name and the report are given.
     *
     * @param name      what the report is of
     * @param report    the engine's report
     * @param portfolio the portfolio evaluated, or null
     * @throws NullPointerException if {@code name} or {@code report} is null
     */
    public ReportSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(report, "report");
    }
}
