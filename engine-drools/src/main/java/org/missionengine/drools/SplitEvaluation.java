package org.missionengine.drools;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.missionengine.EngineConfig;
import org.missionengine.ProgressListener;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.rules.EvaluationContext;

/**
 * One evaluation split into parts that may run on different machines, for evaluators that spread a portfolio's
 * missions over a cluster (engine-spark): the sector spillover network, computed once from the whole portfolio;
 * the missions, group by group, each group a portfolio of its own holding what its missions refer to; the
 * portfolio-level rules, once, over a portfolio that holds every mission. Put together they give what
 * {@link org.missionengine.MissionEngine#evaluate} gives for the whole portfolio. Applications use
 * {@code MissionEngine}; this class is not a stable API.
 */
public final class SplitEvaluation {
    private final DroolsMissionEngine engine;

    private SplitEvaluation(DroolsMissionEngine engine) {
        this.engine = engine;
    }

    /**
     * Builds the engine of the configuration (rule packs compiled here, in this JVM).
     *
     * @param config the engine's rules, parameters, overrides and limits
     * @return the split evaluation
     * @throws org.missionengine.InvalidRulesException naming the file and line when a rule file does not compile
     */
    public static SplitEvaluation of(EngineConfig config) {
        return new SplitEvaluation(DroolsMissionEngine.create(config));
    }

    /**
     * What reports record about the engine, whatever the portfolio.
     *
     * @return the engine-level part of a report's {@code engine} block
     */
    public EngineInfo info() {
        return engine.info();
    }

    /**
     * What the report of {@code portfolio} records about the engine, with the parameters in force for it.
     *
     * @param portfolio the portfolio evaluated
     * @return the report's {@code engine} block
     */
    public EngineInfo info(Portfolio portfolio) {
        return engine.info(portfolio);
    }

    /**
     * Refuses the portfolio's parameters as an evaluation would (undeclared, out of range, an engine limit, rating
     * values that do not fit together), before any group of missions is shipped.
     *
     * @param portfolio the portfolio, with or without its missions
     * @param asOf      the evaluation date
     * @throws org.missionengine.InvalidPortfolioException at the parameter's JSON path
     */
    public void checkParameters(Portfolio portfolio, LocalDate asOf) {
        engine.context(portfolio, asOf);
    }

    /**
     * The sector spillover network of a portfolio: only its sector-to-sector spillovers count.
     *
     * @param portfolio the whole portfolio
     * @return the network, to ship with each group of missions
     */
    public static Network network(Portfolio portfolio) {
        return new Network(SpilloverNetwork.of(portfolio));
    }

    /**
     * Evaluates every mission of {@code group} on the calling thread, handing the reports on in the group's order.
     *
     * @param group   some missions of a portfolio, with the parameters, metrics, actors, observations and project
     *                spillovers they refer to
     * @param asOf    the evaluation date
     * @param network the network of the whole portfolio
     * @param sink    takes each mission's report
     */
    public void missions(Portfolio group, LocalDate asOf, Network network, Consumer<? super MissionReport> sink) {
        EvaluationContext ctx = engine.context(group, asOf);
        engine.evaluateMissions(group, asOf, ctx, network.network, 1, ProgressListener.NONE, sink);
    }

    /**
     * The findings of the portfolio-level rules over {@code portfolio}, which holds every mission.
     *
     * @param portfolio the whole portfolio
     * @param asOf      the evaluation date
     * @return the portfolio-level findings
     */
    public List<Finding> portfolioFindings(Portfolio portfolio, LocalDate asOf) {
        return engine.portfolioFindings(portfolio, engine.context(portfolio, asOf));
    }

    /** The sector spillover network, computed once and shipped to where the missions are evaluated. */
    public static final class Network implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The sectors and the intensities between them, as computed from the whole portfolio. */
        private final SpilloverNetwork network;

        private Network(SpilloverNetwork network) {
            this.network = network;
        }
    }
}
