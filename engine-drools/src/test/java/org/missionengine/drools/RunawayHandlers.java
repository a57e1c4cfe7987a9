package org.missionengine.drools;

import java.util.function.Consumer;

import org.missionengine.RuleExecutionException;

/** Lets tests in other packages hear of a runaway session instead of the watchdog's default. */
public final class RunawayHandlers {
    /** A flag a test's trusted rule may spin on until the test lets it go. */
    public static volatile boolean released;

    private RunawayHandlers() {
    }

    /** Sends runaways to {@code handler} until the returned handle is closed. */
    public static AutoCloseable capture(Consumer<RuleExecutionException> handler) {
        Consumer<RuleExecutionException> before = Watchdog.runawayHandler;
        Watchdog.runawayHandler = handler;
        return () -> Watchdog.runawayHandler = before;
    }
}
