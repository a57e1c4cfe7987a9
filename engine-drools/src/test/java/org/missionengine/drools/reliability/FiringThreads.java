package org.missionengine.drools.reliability;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The threads firing a session of the engine, as seen from a test: those with the engine's firing on their stack. */
final class FiringThreads {
    private FiringThreads() {
    }

    /** The names of the threads firing a session now. */
    static List<String> alive() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive())
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith(".SessionRunner")
                        && f.getMethodName().equals("fire")))
                .map(e -> e.getKey().getName()).sorted().toList();
    }

    /** Waits up to {@code limit} for every session to end; returns the threads still firing one. */
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
