package org.missionengine.drools.reliability;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's rule-firing threads ({@code mission-engine-rules-N}), as seen from a test. The engine keeps idle ones for
 * a few seconds for reuse; a thread counts as running while a session is on its stack.
 */
final class RuleThreads {
    static final String PREFIX = "mission-engine-rules-";

    private RuleThreads() {
    }

    /** The names of the rule threads running a session. */
    static List<String> alive() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && e.getKey().getName().startsWith(PREFIX))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith("SessionRunner$Firing")))
                .map(e -> e.getKey().getName()).sorted().toList();
    }

    /** Waits up to {@code limit} for every rule thread to finish its session; returns those still running one. */
    static List<String> awaitNoneRunning(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        List<String> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
            alive = alive();
        }
        return alive;
    }
}
