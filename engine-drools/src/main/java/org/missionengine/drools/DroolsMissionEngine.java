package org.missionengine.drools;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.missionengine.EngineConfig;
import org.missionengine.InvalidPortfolioException;
import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.MissionMonitor;
import org.missionengine.Problem;
import org.missionengine.ProgressListener;
import org.missionengine.catalog.RuleCatalog;
import org.missionengine.UserErrorException;
import org.missionengine.explain.Explanation;
import org.missionengine.explain.ParameterUse;
import org.missionengine.internal.ClosestName;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.report.Criterion;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.PortfolioReport;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.ValueAssessment;
import org.missionengine.rules.CriterionChecks;
import org.missionengine.rules.EvaluationContext;

/**
 * The engine: one KieBase built from the configuration, shared by every evaluation. Each mission runs in a session
 * of its own; the portfolio-level rules run once in a session that sees the whole portfolio.
 */
final class DroolsMissionEngine implements MissionEngine {
    static final String VERSION = readVersion();

    private final EngineConfig config;
    private final CompiledRules rules;
    private final Parameters parameters;
    private final Map<String, Object> configuredParameters;
    private final SessionRunner runner;
    private final List<CriterionChecks> criterionChecks;
    private final MatchedTypes matchedTypes;
    /** The criterion checks a mission's session is given: those some rule matches. */
    private final List<Object> matchedChecks;
    private final boolean valueView;
    private final boolean ratingPackEnabled;
    private final RuleCatalog catalog;
    private final EngineInfo info;

    private DroolsMissionEngine(EngineConfig config, CompiledRules rules, Parameters parameters,
                                Map<String, Object> configuredParameters) {
        this.config = config;
        this.rules = rules;
        this.parameters = parameters;
        this.configuredParameters = configuredParameters;
        this.runner = new SessionRunner(rules, new SessionRunner.Limits(config.maxFirings(), config.timeout()));
        this.criterionChecks = criterionChecks(rules);
        this.matchedTypes = MatchedTypes.of(rules.kieBase);
        this.valueView = valueView(rules, matchedTypes);
        this.ratingPackEnabled = ratingPackEnabled(rules);
        this.matchedChecks = matchedTypes.of(criterionChecks);
        this.catalog = Catalogs.of(rules, parameters, Parameters.merge(parameters.defaults(), configuredParameters),
                config.severities());
        this.info = EngineAudit.info(VERSION, config, rules).withParameters(parametersInForce(Map.of()));
    }

    /** The compiled packs (for the engine's own tests and tools). */
    CompiledRules rules() {
        return rules;
    }

    static DroolsMissionEngine create(EngineConfig config) {
        List<RulePack> packs = new ArrayList<>(RulePackLoader.builtIns());
        config.rulePaths().forEach(path -> packs.add(RulePackLoader.load(path)));
        config.inlineRules().forEach((name, drl) -> packs.add(RulePackLoader.fromText(name, drl)));
        RulePackLoader.refuseUntrusted(packs, config);
        Parameters parameters = new Parameters(packs);
        // a misspelt parameter and a compile error are reported together: every mistake at once
        List<Problem> undeclared = ParameterReferences.undeclared(packs, parameters.declared().keySet());
        undeclared.addAll(ParameterReferences.nonNumericDefaults(packs));
        CompiledRules rules;
        try {
            rules = CompiledRules.compile(packs, config.disabled());
        } catch (InvalidRulesException e) {
            undeclared.addAll(e.problems());
            throw new InvalidRulesException(undeclared);
        }
        if (!undeclared.isEmpty()) {
            throw new InvalidRulesException(undeclared);
        }
        parameters.rulesRunOnlyIn(rules.rules.stream().map(CompiledRules.RuleMeta::pack).collect(Collectors.toSet()));
        Map<String, Object> configured = new LinkedHashMap<>();
        config.parameters().forEach((name, value) -> configured.put(name,
                value instanceof String s ? Parameters.parse(s) : value));
        List<Problem> problems = new ArrayList<>(parameters.check(configured, "--param "));
        if (problems.isEmpty() && ratingPackEnabled(rules)) {
            // values that only options set are final: refused now, the others once a portfolio's are known
            RatingParameters.check(parametersInForce(parameters, Map.of(), configured)).stream()
                    .filter(RatingParameters.Refusal::optionsOnly).forEach(r -> problems.add(r.problem()));
        }
        Set<String> codes = rules.rules.stream().map(CompiledRules.RuleMeta::code)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        config.severities().keySet().stream().filter(code -> !codes.contains(code)).forEach(code ->
                problems.add(Problem.at("--severity " + code, "no rule emits the finding code \"" + code + "\"",
                        ClosestName.hint(code, codes))));
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return new DroolsMissionEngine(config, rules, parameters, configured);
    }

    @Override
    public EvaluationReport evaluate(Portfolio portfolio, LocalDate asOf) {
        return evaluate(portfolio, asOf, ProgressListener.NONE);
    }

    /**
     * Evaluates the missions concurrently, {@link EngineConfig#threads()} at a time, each in a session of its own over the
     * shared KieBase, then the portfolio-level rules. The report lists the missions in the portfolio's order whatever
     * the number of threads; a rule failure in one mission stops the batch and is rethrown as it was thrown.
     */
    @Override
    public EvaluationReport evaluate(Portfolio portfolio, LocalDate asOf, ProgressListener progress) {
        List<MissionReport> missions = new ArrayList<>(portfolio.missions().size());
        PortfolioReport rest = evaluate(portfolio, asOf, progress, missions::add);
        return new EvaluationReport(rest.engine(), rest.asOf(), missions, rest.findings());
    }

    /** As the batch above, handing each mission's report on in the portfolio's order instead of keeping it. */
    @Override
    public PortfolioReport evaluate(Portfolio portfolio, LocalDate asOf, ProgressListener progress,
                                    Consumer<? super MissionReport> sink) {
        EvaluationContext ctx = context(portfolio, asOf);
        SpilloverNetwork network = SpilloverNetwork.of(portfolio);
        int threads = Batch.threads(config.threads(), portfolio.missions().size());
        evaluateMissions(portfolio, asOf, ctx, network, threads, progress, sink);
        return new PortfolioReport(info.withParameters(parametersInForce(portfolio.parameters())), asOf,
                portfolio.missions().size(), portfolioFindings(portfolio, ctx));
    }

    /**
     * Evaluates each mission of the portfolio in a session of its own, handing the reports on in the portfolio's
     * order. {@code network} is the sector network of the whole portfolio, which may hold more missions than this
     * one (a group of them evaluated apart, as the Spark evaluator does).
     */
    void evaluateMissions(Portfolio portfolio, LocalDate asOf, EvaluationContext ctx, SpilloverNetwork network,
                          int threads, ProgressListener progress, Consumer<? super MissionReport> sink) {
        // looked up by every mission: indexed once (observations by mission, metrics and actors by id)
        PortfolioIndex index = new PortfolioIndex(portfolio, asOf);
        ValueModel valueModel = new ValueModel(portfolio, network, ctx.param("value.discountRate"), asOf.getYear());
        ReportAssembler assembler = new ReportAssembler(config.severities(), ratingPackEnabled);
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        try (SessionRunner.Sessions sessions = runner.sessions(threads)) {
            Batch.forEachInOrder(portfolio.missions(), threads, listener, mission -> {
                MissionFacts facts = MissionFacts.of(mission, index, asOf, valueView ? valueModel : null, matchedTypes);
                List<Object> results = runner.run(sessions, "mission \"" + mission.id() + "\"", sessionFacts(facts),
                        ctx);
                return assembler.mission(mission, facts, results);
            }, sink);
        }
    }

    /** The findings of the portfolio-level rules, which see the whole portfolio in one session. */
    List<Finding> portfolioFindings(Portfolio portfolio, EvaluationContext ctx) {
        List<Object> portfolioResults = runner.run("the portfolio", List.of(portfolio), ctx);
        return new ReportAssembler(config.severities(), ratingPackEnabled).findings(portfolioResults);
    }

    /** What a mission's session is given: the facts some rule matches, and the criterion checks. */
    private List<Object> sessionFacts(MissionFacts facts) {
        List<Object> all = matchedTypes.of(facts.all());
        all.addAll(matchedChecks);
        return all;
    }

    @Override
    public Explanation explain(Portfolio portfolio, LocalDate asOf, String missionId, String code) {
        List<String> ids = portfolio.missions().stream().map(Mission::id).toList();
        Mission mission = portfolio.missions().stream().filter(m -> m.id().equals(missionId)).findFirst()
                .orElseThrow(() -> new UserErrorException(Problem.at("--mission " + missionId, "no mission \""
                        + missionId + "\" in the portfolio", ClosestName.to(String.valueOf(missionId), ids)
                        .map(c -> "Did you mean \"" + c + "\"? ").orElse("") + "Its missions: " + String.join(", ", ids)
                        + ".")));
        if (code != null && rules.rules.stream().noneMatch(r -> code.equals(r.code()))) {
            Set<String> codes = new java.util.TreeSet<>();
            rules.rules.stream().map(CompiledRules.RuleMeta::code).filter(java.util.Objects::nonNull).forEach(codes::add);
            throw new UserErrorException(Problem.at("--code " + code, "no enabled rule emits the finding code \""
                    + code + "\"", ClosestName.to(code, codes).map(c -> "Did you mean \"" + c + "\"? ").orElse("")
                    + "The codes: " + String.join(", ", codes) + "."));
        }
        EvaluationContext ctx = context(portfolio, asOf);
        SessionRunner.Limits limits = new SessionRunner.Limits(config.maxFirings(), config.timeout());
        ValueModel valueModel = valueView ? new ValueModel(portfolio, SpilloverNetwork.of(portfolio),
                ctx.param("value.discountRate"), asOf.getYear()) : null;
        MissionFacts facts = MissionFacts.of(mission, new PortfolioIndex(portfolio, asOf), asOf, valueModel);
        Map<String, ParameterUse> inForce = new LinkedHashMap<>();
        parametersInForce(portfolio.parameters()).forEach(p -> inForce.put(p.name(), new ParameterUse(p.name(),
                p.value(), ParameterUse.Source.valueOf(p.source().name()),
                p.source() == EngineInfo.Source.DEFAULT ? p.pack() : null)));
        // the portfolio's rules judge the mission's owner (or the mission) in a session of their own
        return new Explainer(rules, limits, inForce::get).explain(mission.id(), code, sessionFacts(facts), ctx,
                () -> portfolioFindings(portfolio, ctx).stream().filter(f -> f.subject() != null
                        && (f.subject().equals(mission.id()) || f.subject().equals(mission.owner()))).toList());
    }

    @Override
    public EngineInfo info() {
        return info;
    }

    @Override
    public EngineInfo info(Portfolio portfolio) {
        checkPortfolioParameters(portfolio);
        return info.withParameters(parametersInForce(portfolio.parameters()));
    }

    /**
     * Every parameter in force for a portfolio's evaluation, with where its value came from: the engine's options
     * override the portfolio file, which overrides the packs' defaults.
     */
    private List<EngineInfo.Parameter> parametersInForce(Map<String, Object> portfolioParameters) {
        return parametersInForce(parameters, portfolioParameters, configuredParameters);
    }

    private static List<EngineInfo.Parameter> parametersInForce(Parameters parameters,
                                                                Map<String, Object> portfolioParameters,
                                                                Map<String, Object> configuredParameters) {
        Map<String, Object> defaults = parameters.defaults();
        Map<String, Object> inForce = Parameters.merge(Parameters.merge(defaults, portfolioParameters),
                configuredParameters);
        List<EngineInfo.Parameter> all = new ArrayList<>();
        inForce.forEach((name, value) -> all.add(new EngineInfo.Parameter(name, value,
                configuredParameters.containsKey(name) ? EngineInfo.Source.OPTION
                        : portfolioParameters.containsKey(name) ? EngineInfo.Source.PORTFOLIO : EngineInfo.Source.DEFAULT,
                parameters.packOf(name), defaults.get(name))));
        return all;
    }

    @Override
    public MissionMonitor monitor(Portfolio portfolio, LocalDate asOf) {
        EvaluationContext ctx = context(portfolio, asOf);
        return new DroolsMonitor(runner, portfolio, asOf, ctx, info(portfolio),
                new ReportAssembler(config.severities(), ratingPackEnabled), criterionChecks, valueView,
                (snapshot, missionId, code) -> explain(snapshot, asOf, missionId, code));
    }

    /**
     * The context of one evaluation: the pack defaults, then the portfolio's parameters (checked: a typo is an error,
     * not a silently ignored value), then the engine's overrides.
     */
    EvaluationContext context(Portfolio portfolio, LocalDate asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf must not be null: pass the evaluation date");
        }
        checkPortfolioParameters(portfolio);
        Map<String, Object> values = Parameters.merge(
                Parameters.merge(parameters.defaults(), portfolio.parameters()), configuredParameters);
        return new EvaluationContext(asOf, values, rules.packIdsByPackage, config.severities(), portfolio.currency());
    }

    /**
     * Checks the portfolio's parameters (declared, of the right type), then the rating pack's values in force together
     * (a refusal is the portfolio's when it set one of the values, else the options').
     */
    private void checkPortfolioParameters(Portfolio portfolio) {
        List<Problem> problems = parameters.check(portfolio.parameters(), "parameters.");
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems);
        }
        List<RatingParameters.Refusal> refused = ratingPackEnabled
                ? RatingParameters.check(parametersInForce(portfolio.parameters())) : List.of();
        if (!refused.isEmpty()) {
            List<Problem> rating = refused.stream().map(RatingParameters.Refusal::problem).toList();
            throw refused.stream().anyMatch(RatingParameters.Refusal::inPortfolio)
                    ? new InvalidPortfolioException(rating) : new InvalidRulesException(rating);
        }
    }

    /** True while a rule of the built-in rating pack is enabled. */
    private static boolean ratingPackEnabled(CompiledRules rules) {
        return rules.rules.stream().anyMatch(r -> r.pack().equals("rating"));
    }

    /** The compiled rules, for tests that look at the sessions left open. */
    org.kie.api.KieBase kieBase() {
        return rules.kieBase;
    }

    @Override
    public RuleCatalog catalog() {
        return catalog;
    }

    @Override
    public EngineConfig config() {
        return config;
    }

    /**
     * Whether reports carry the value view (plain and mission-view value per project and mission): it belongs to the
     * {@code value} pack, so it is computed while a rule of that pack is enabled, or while some other rule matches
     * project values. Computing it is a large part of evaluating a mission.
     */
    private static boolean valueView(CompiledRules rules, MatchedTypes types) {
        boolean valuePack = rules.packs.stream().anyMatch(p -> p.builtIn() && p.id().equals("value"))
                && rules.rules.stream().anyMatch(r -> r.pack().equals("value"));
        return valuePack || types.matches(ProjectValue.class) || types.matches(ValueAssessment.class);
    }

    /**
     * The number of checks of each criterion: its distinct finding codes, since the rating pack counts the distinct
     * codes that fired (two rules with one code, such as the two CRIT_SINGLE_SOLUTION rules, are one check).
     */
    private static List<CriterionChecks> criterionChecks(CompiledRules rules) {
        Map<Criterion, Set<String>> codes = new EnumMap<>(Criterion.class);
        rules.rules.stream().filter(r -> r.criterion() != null && r.code() != null)
                .forEach(r -> codes.computeIfAbsent(r.criterion(), c -> new java.util.HashSet<>()).add(r.code()));
        List<CriterionChecks> checks = new ArrayList<>();
        codes.forEach((criterion, set) -> checks.add(new CriterionChecks(criterion, set)));
        return checks;
    }

    private static String readVersion() {
        try (InputStream in = DroolsMissionEngine.class.getResourceAsStream("engine.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
