package org.missionengine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.missionengine.drools.SplitEvaluation;

/**
 * The engines of one JVM, one per configuration ({@link RuleSources#hash()}): an executor compiles the rule packs
 * once, however many partitions it evaluates, and its tasks share the engine (a KieBase is safe to share).
 */
final class ExecutorEngines {
    private static final Map<String, SplitEvaluation> ENGINES = new ConcurrentHashMap<>();
    private static final String PARALLEL_BUILD = "drools.parallelRulesBuildThreshold";

    private ExecutorEngines() {
    }

    static SplitEvaluation get(RuleSources sources) {
        return ENGINES.computeIfAbsent(sources.hash(), hash -> build(sources));
    }

    private static SplitEvaluation build(RuleSources sources) {
        // Drools compiles packs on a pool of its own when there are many rules; those threads do not inherit the
        // task's class loader (the one that sees Mission Engine's classes), so compile on this thread instead
        if (System.getProperty(PARALLEL_BUILD) == null) {
            System.setProperty(PARALLEL_BUILD, "-1");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ExecutorEngines.class.getClassLoader());
        try {
            return SplitEvaluation.of(sources.config(copies()));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Path copies() {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "mission-engine-rules");
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the rule files", e);
        }
    }
}
