package org.missionengine.drools.reliability;

import java.time.Duration;
import java.util.List;

/** The engine's rule-firing threads ({@code mission-engine-rules-N}), as seen from a test. */
final class RuleThreads {
    static final String PREFIX = "mission-engine-rules-";

    private RuleThreads() {
    }

    /** The names of the rule threads still alive. */
    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith(PREFIX)).sorted().toList();
    }

    /** Waits up to {@code limit} for every rule thread to end; returns those still alive. */
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
