package org.missionengine.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;

/**
 * Builds the engine on a thread of its own while the command reads its portfolio files: reading takes one core, and
 * building (loading the packs, compiling an agency's rule files) would otherwise wait for it or make it wait.
 */
final class EngineBuild {
    private final FutureTask<MissionEngine> task;

    private EngineBuild(MissionEngineBuilder builder) {
        this.task = new FutureTask<>(builder::build);
    }

    /** Starts building; {@link #get} gives the engine, or throws what building threw. */
    static EngineBuild start(MissionEngineBuilder builder) {
        EngineBuild build = new EngineBuild(builder);
        Thread thread = new Thread(build.task, "mission-engine-build");
        thread.setDaemon(true); // a command that fails while reading exits without waiting for it
        thread.start();
        return build;
    }

    /** The engine, once built; rethrows the builder's exception (a rule file's mistakes) as it was thrown. */
    MissionEngine get() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("building the engine failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the engine was being built", e);
        }
    }
}
