package org.missionengine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.missionengine.report.Severity;
import org.missionengine.spi.MissionEngineProvider;

/** Collects an engine's configuration; {@link #build()} compiles the rules once. Not thread-safe; the engine is. */
public final class MissionEngineBuilder {
    private final List<Path> rulePaths = new ArrayList<>();
    private final Map<String, String> inlineRules = new LinkedHashMap<>();
    private final List<String> disabled = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private final List<Path> trustedRules = new ArrayList<>();
    private boolean trustAllRules;
    private int threads = EngineConfig.DEFAULT_THREADS;
    private Duration timeout = EngineConfig.DEFAULT_TIMEOUT;
    private int maxFirings = EngineConfig.DEFAULT_MAX_FIRINGS;

    MissionEngineBuilder() {
    }

    /**
     * Adds rule files ({@code .drl}; decision tables {@code .xlsx}, {@code .csv} with {@code engine-decisiontables} on
     * the class path) or pack directories (with a {@code pack.json}) to the built-in packs.
     *
     * @param paths the files or directories
     * @return this builder
     */
    public MissionEngineBuilder rules(Path... paths) {
        rulePaths.addAll(List.of(paths));
        return this;
    }

    /**
     * Adds rule files or pack directories, as {@link #rules(Path...)}.
     *
     * @param paths the files or directories
     * @return this builder
     */
    public MissionEngineBuilder rules(List<Path> paths) {
        rulePaths.addAll(paths);
        return this;
    }

    /**
     * Adds rule files or pack directories and trusts them fully: they are not checked against the allow-list of what
     * a rule file may use (docs/writing-rules.md), so they may read files, call any Java code or end the JVM, and may
     * loop: a consequence that never ends cannot be stopped (the time limit halts a session only between firings).
     * For files you wrote or reviewed; a path already given to {@link #rules} is trusted without being added twice.
     *
     * @param paths the files or directories
     * @return this builder
     */
    public MissionEngineBuilder trustRules(Path... paths) {
        for (Path path : paths) {
            Path normal = path.toAbsolutePath().normalize();
            if (rulePaths.stream().noneMatch(p -> p.toAbsolutePath().normalize().equals(normal))) {
                rulePaths.add(path);
            }
            trustedRules.add(path);
        }
        return this;
    }

    /**
     * Trusts every rule file and rule text of this engine fully: none is checked against the allow-list. For
     * applications whose rules come only from their own developers.
     *
     * @return this builder
     */
    public MissionEngineBuilder trustAllRules() {
        trustAllRules = true;
        return this;
    }

    /**
     * Adds rules given as DRL text, as one pack named after {@code name}.
     *
     * @param name the name error messages give the text, like a file's (e.g. {@code "agency.drl"})
     * @param drl  the rules
     * @return this builder
     */
    public MissionEngineBuilder rulesText(String name, String drl) {
        inlineRules.put(name, drl);
        return this;
    }

    /**
     * Disables built-in or custom rules by finding code, rule name or pack id.
     *
     * @param codesRulesOrPacks finding codes ({@code MW_NO_PARTICIPATION}), rule names or pack ids ({@code value})
     * @return this builder
     */
    public MissionEngineBuilder disable(String... codesRulesOrPacks) {
        disabled.addAll(List.of(codesRulesOrPacks));
        return this;
    }

    /**
     * Missions evaluated at once in a batch (default 0: one per available processor).
     *
     * @param threads how many missions at once; 0 for one per available processor
     * @return this builder
     * @throws IllegalArgumentException when {@code threads} is negative
     */
    public MissionEngineBuilder threads(int threads) {
        this.threads = EngineConfig.checkThreads(threads);
        return this;
    }

    /**
     * The most time one session may take: one mission's rules, or the portfolio-level rules (default 10 s). A session
     * past it is halted between two firings and the evaluation ends in a {@link RuleExecutionException}.
     *
     * @param timeout the most time per session
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
     */
    public MissionEngineBuilder timeout(Duration timeout) {
        this.timeout = EngineConfig.checkTimeout(timeout);
        return this;
    }

    /**
     * The most rule firings one session may take (default 10,000); more means a rule loops, and the evaluation ends
     * in a {@link RuleExecutionException}.
     *
     * @param maxFirings the most firings per session
     * @return this builder
     * @throws IllegalArgumentException when {@code maxFirings} is less than 1
     */
    public MissionEngineBuilder maxFirings(int maxFirings) {
        this.maxFirings = EngineConfig.checkMaxFirings(maxFirings);
        return this;
    }

    /**
     * Overrides a parameter (a rule threshold such as {@code washing.rebrandedShare}). The engine's limits are not
     * parameters: see {@link #threads}, {@link #timeout} and {@link #maxFirings}.
     *
     * @param name  the parameter's name, as a pack declares it
     * @param value its value: a number, a string or a boolean
     * @return this builder
     */
    public MissionEngineBuilder parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /**
     * Overrides several parameters, as {@link #parameter(String, Object)}.
     *
     * @param values the values by parameter name
     * @return this builder
     */
    public MissionEngineBuilder parameters(Map<String, ?> values) {
        parameters.putAll(values);
        return this;
    }

    /**
     * Reports every finding with {@code code} at {@code severity}.
     *
     * @param code     the finding code
     * @param severity the severity its findings get
     * @return this builder
     */
    public MissionEngineBuilder severity(String code, Severity severity) {
        severities.put(code, severity);
        return this;
    }

    /**
     * The configuration collected so far.
     *
     * @return the configuration, a snapshot
     */
    public EngineConfig config() {
        return new EngineConfig(rulePaths, inlineRules, disabled, parameters, severities, trustedRules, trustAllRules,
                threads, timeout, maxFirings);
    }

    /**
     * Builds the engine with the first {@link MissionEngineProvider} on the class path.
     *
     * @return the engine, ready to evaluate from any number of threads
     * @throws InvalidRulesException for a broken rule file, an unknown parameter or an unknown code to disable
     * @throws MissionEngineException when no implementation is on the class path
     */
    public MissionEngine build() {
        MissionEngineProvider provider = ServiceLoader.load(MissionEngineProvider.class).findFirst()
                .orElseThrow(() -> new MissionEngineException("no Mission Engine implementation on the class path: "
                        + "add the org.missionengine:engine-drools dependency"));
        return provider.create(config());
    }
}
