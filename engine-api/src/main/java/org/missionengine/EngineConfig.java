package org.missionengine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.missionengine.report.Severity;

/**
 * What an engine is built from: rule paths (DRL files or pack directories), rules given as text, what to disable
 * (a finding code, a rule name or a pack id), parameter overrides, and severity overrides per finding code.
 *
 * <p>Custom rule files are checked against an allow-list of what a rule may use (the model, report and rules packages
 * of the API; {@code java.lang} without exiting, processes, threads, reflection and class loaders; {@code java.util},
 * {@code java.time}, {@code java.math}): see docs/writing-rules.md. {@code trustedRules} lists rule files or pack
 * directories exempt from that check; {@code trustAllRules} exempts every rule file and rule text.
 *
 * <p>The engine's limits are set here by the application that runs it, never by the data it evaluates (a portfolio
 * file may not set them): {@code threads} missions evaluated at once (0: one per available processor),
 * {@code timeout} the most time one session (a mission, or the portfolio-level rules) may take, {@code maxFirings}
 * the most rule firings it may take.
 *
 * @param rulePaths     rule files ({@code .drl}) and pack directories, in order
 * @param inlineRules   rules given as DRL text, by the name error messages give them
 * @param disabled      finding codes, rule names and pack ids to leave out
 * @param parameters    parameter overrides by name
 * @param severities    severity overrides by finding code
 * @param trustedRules  rule files and pack directories exempt from the allow-list
 * @param trustAllRules whether every rule file and text is exempt from the allow-list
 * @param threads       missions evaluated at once (0: one per available processor)
 * @param timeout       the most time one session may take
 * @param maxFirings    the most rule firings one session may take
 */
public record EngineConfig(List<Path> rulePaths, Map<String, String> inlineRules, List<String> disabled,
                           Map<String, Object> parameters, Map<String, Severity> severities,
                           List<Path> trustedRules, boolean trustAllRules, int threads, Duration timeout,
                           int maxFirings) {
    /** One thread per available processor. */
    public static final int DEFAULT_THREADS = 0;
    /** Ten seconds a session. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Ten thousand firings a session. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    /**
     * Copies every list and map; a null {@code trustedRules} is none; checks the limits.
     *
     * @param rulePaths     rule files ({@code .drl}) and pack directories, in order
     * @param inlineRules   rules given as DRL text, by the name error messages give them
     * @param disabled      finding codes, rule names and pack ids to leave out
     * @param parameters    parameter overrides by name
     * @param severities    severity overrides by finding code
     * @param trustedRules  rule files and pack directories exempt from the allow-list; null for none
     * @param trustAllRules whether every rule file and text is exempt from the allow-list
     * @param threads       missions evaluated at once: 0 (one per available processor) or more
     * @param timeout       the most time one session may take: positive
     * @param maxFirings    the most rule firings one session may take: positive
     * @throws IllegalArgumentException naming the value when a limit is out of range
     */
    public EngineConfig {
        checkThreads(threads);
        checkTimeout(timeout);
        checkMaxFirings(maxFirings);
        rulePaths = List.copyOf(rulePaths);
        inlineRules = Map.copyOf(inlineRules);
        disabled = List.copyOf(disabled);
        parameters = Map.copyOf(parameters);
        severities = Map.copyOf(severities);
        trustedRules = trustedRules == null ? List.of() : List.copyOf(trustedRules);
    }

    /**
     * A configuration that trusts no rule file: every custom rule is checked against the allow-list.
     *
     * @param rulePaths   rule files ({@code .drl}) and pack directories, in order
     * @param inlineRules rules given as DRL text, by the name error messages give them
     * @param disabled    finding codes, rule names and pack ids to leave out
     * @param parameters  parameter overrides by name
     * @param severities  severity overrides by finding code
     */
    public EngineConfig(List<Path> rulePaths, Map<String, String> inlineRules, List<String> disabled,
                        Map<String, Object> parameters, Map<String, Severity> severities) {
        this(rulePaths, inlineRules, disabled, parameters, severities, List.of(), false, DEFAULT_THREADS,
                DEFAULT_TIMEOUT, DEFAULT_MAX_FIRINGS);
    }

    static int checkThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per processor) or more, got " + threads);
        }
        return threads;
    }

    static Duration checkTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be more than zero, got " + timeout);
        }
        return timeout;
    }

    static int checkMaxFirings(int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be 1 or more, got " + maxFirings);
        }
        return maxFirings;
    }

    /**
     * Whether a rule file or pack directory is exempt from the allow-list.
     *
     * @param rulePath the file or directory
     * @return true when it is trusted (or lies inside a trusted directory), or every rule is
     */
    public boolean trusts(Path rulePath) {
        if (trustAllRules) {
            return true;
        }
        Path path = rulePath.toAbsolutePath().normalize();
        return trustedRules.stream().map(p -> p.toAbsolutePath().normalize()).anyMatch(path::startsWith);
    }
}
