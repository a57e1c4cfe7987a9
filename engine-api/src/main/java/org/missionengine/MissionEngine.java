package org.missionengine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.missionengine.catalog.RuleCatalog;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;
import org.missionengine.report.PortfolioReport;

/**
 * Evaluates mission portfolios with a fixed set of rules and parameters. Build one with {@link #builder()} (which
 * finds the implementation on the class path, such as {@code engine-drools}), then call {@link #evaluate} as often
 * as needed, from any number of threads.
 *
 * <pre>{@code
 * MissionEngine engine = MissionEngine.builder()
 *         .rules(Path.of("rules/agency"))
 *         .disable("MW_NO_PARTICIPATION")
 *         .parameter("crossCutting.minSectors", 4)
 *         .build();
 * EvaluationReport report = engine.evaluate(PortfolioFiles.read(Path.of("missions.json")), LocalDate.now());
 * }</pre>
 */
public interface MissionEngine {

    /**
     * A builder for an engine; the implementation is found through {@link java.util.ServiceLoader}.
     *
     * @return a new builder with the built-in packs and no options
     */
    static MissionEngineBuilder builder() {
        return new MissionEngineBuilder();
    }

    /**
     * Evaluates every mission of the portfolio as known on {@code asOf}: observations dated later are ignored.
     *
     * @param portfolio the portfolio
     * @param asOf      the evaluation date
     * @return a report per mission and the portfolio's own findings
     * @throws UserErrorException when the portfolio cannot be evaluated (for example spillovers that amplify
     *                            without bound) or a rule misbehaves ({@link RuleExecutionException})
     */
    EvaluationReport evaluate(Portfolio portfolio, LocalDate asOf);

    /**
     * Evaluates at the portfolio's own {@code asOf}, or today when it has none.
     *
     * @param portfolio the portfolio
     * @return a report per mission and the portfolio's own findings
     * @throws UserErrorException as {@link #evaluate(Portfolio, LocalDate)}
     */
    default EvaluationReport evaluate(Portfolio portfolio) {
        return evaluate(portfolio, portfolio.asOf() != null ? portfolio.asOf() : LocalDate.now());
    }

    /**
     * As {@link #evaluate(Portfolio, LocalDate)}, telling {@code progress} after each mission (for progress bars on
     * long runs). Implementations that cannot report progress ignore it.
     *
     * @param portfolio the portfolio
     * @param asOf      the evaluation date
     * @param progress  told how many missions are done; {@link ProgressListener#NONE} for nobody
     * @return a report per mission and the portfolio's own findings
     * @throws UserErrorException as {@link #evaluate(Portfolio, LocalDate)}
     */
    default EvaluationReport evaluate(Portfolio portfolio, LocalDate asOf, ProgressListener progress) {
        return evaluate(portfolio, asOf);
    }

    /**
     * As {@link #evaluate(Portfolio, LocalDate, ProgressListener)}, but hands each mission's report to {@code missions}
     * as soon as it and every mission before it are evaluated, in the portfolio's order and one call at a time, and
     * keeps none of them: the memory a large portfolio needs is then the portfolio's and that of the missions being
     * evaluated, not the whole report's. {@link org.missionengine.io.ReportFiles#writeJson(Path, MissionEngine,
     * Portfolio, LocalDate, ProgressListener)} writes a JSON report this way.
     *
     * <p>If the evaluation fails (a rule misbehaves, or {@code missions} throws), {@code missions} has received the
     * reports of a first part of the portfolio, in order, and nothing after the failure.
     *
     * @param portfolio the portfolio
     * @param asOf      the evaluation date
     * @param progress  told how many missions are done; {@link ProgressListener#NONE} for nobody
     * @param missions  given each mission's report, in the portfolio's order
     * @return the portfolio-level part of the report
     * @throws UserErrorException as {@link #evaluate(Portfolio, LocalDate)}
     */
    default PortfolioReport evaluate(Portfolio portfolio, LocalDate asOf, ProgressListener progress,
                                     Consumer<? super MissionReport> missions) {
        EvaluationReport report = evaluate(portfolio, asOf, progress);
        report.missions().forEach(missions);
        return new PortfolioReport(report.engine(), report.asOf(), report.missions().size(), report.findings());
    }

    /**
     * Explains one mission's evaluation: for each finding (or for the rules that emit {@code code}), the rule and where
     * it is written, the facts it matched, the parameters it read with their values and where each came from; for a
     * code that did not fire, which condition of its rule failed and on what values (best effort, said so in the
     * explanation's notes). Evaluates the mission again with the rules instrumented, so it is slower than
     * {@link #evaluate}: meant for people asking "why", not for batches.
     *
     * @param portfolio the portfolio the mission is in
     * @param asOf      the evaluation date, as for {@link #evaluate}
     * @param missionId the mission to explain
     * @param code      a finding code (such as {@code MW_REBRANDED}), or null for every finding of the mission
     * @return the explanation: one entry per finding (or per rule of {@code code} that did not fire), with notes on
     *         what could not be explained exactly
     * @throws UserErrorException naming the missions (or codes) there are, and the closest to the one given, when
     *                            {@code missionId} is not in the portfolio or no enabled rule emits {@code code}
     * @throws UnsupportedOperationException when the implementation cannot explain
     */
    default org.missionengine.explain.Explanation explain(Portfolio portfolio, LocalDate asOf, String missionId,
                                                         String code) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot explain its findings");
    }

    /**
     * What this engine records in its reports, whatever the portfolio: its version, the Java runtime, its packs by
     * content hash, limits, disabled rules, severity overrides, and the parameters its packs and options set.
     *
     * @return the engine-level part of a report's {@code engine} block; {@link #info(Portfolio)} adds a
     *         portfolio's parameters
     */
    EngineInfo info();

    /**
     * What the {@code engine} block of a report of this portfolio records: {@link #info()} with the parameters in
     * force for it, each with where its value came from (a pack's default, the portfolio file, an option). Reports of
     * {@link #evaluate} carry it; a report streamed with {@link org.missionengine.io.ReportFiles#jsonWriter} needs it
     * before the first mission.
     *
     * @param portfolio the portfolio to be evaluated
     * @return the engine, its packs and limits, the parameters in force, disabled rules and severity overrides
     * @throws UserErrorException when the portfolio's parameters are not valid
     */
    default EngineInfo info(Portfolio portfolio) {
        return info();
    }

    /**
     * Starts monitoring the portfolio as of {@code asOf}: one long-lived session per mission (and one for the
     * portfolio-level rules) that updates incrementally as changes are fed in.
     *
     * @param portfolio the portfolio as it is now
     * @param asOf      the evaluation date
     * @return the monitor; close it when done
     * @throws UserErrorException as {@link #evaluate(Portfolio, LocalDate)}
     */
    MissionMonitor monitor(Portfolio portfolio, LocalDate asOf);

    /**
     * The packs, rules and parameters this engine runs with, after disabling and overrides.
     *
     * @return the catalog
     */
    RuleCatalog catalog();

    /**
     * The configuration the engine was built from.
     *
     * @return the configuration
     */
    EngineConfig config();
}
