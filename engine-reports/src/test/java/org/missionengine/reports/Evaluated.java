package org.missionengine.reports;

import java.nio.file.Path;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/** A portfolio file evaluated with the built-in rules as of its own date, as the CLI's {@code evaluate} does. */
final class Evaluated {
    private Evaluated() {
    }

    /** The report source of the file, named by its file name. */
    static ReportSource file(String path) {
        Portfolio portfolio = PortfolioFiles.read(Path.of(path));
        EvaluationReport report = MissionEngine.builder().build().evaluate(portfolio, portfolio.asOf());
        return new ReportSource(Path.of(path).getFileName().toString(), report, portfolio);
    }
}
