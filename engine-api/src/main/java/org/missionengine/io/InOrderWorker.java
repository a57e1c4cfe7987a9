package org.missionengine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * Runs steps on a thread of its own, one after the other in the order they were given, while the thread that gives
 * them goes on: the reader parses the next records of a file while the records already parsed are checked and bound,
 * which is about half of reading each. Because the steps run in order on one thread, what they do (the problems found,
 * in document order) is exactly what running them on the reading thread would do.
 * <p>
 * Steps travel in small batches through a short queue, so at most a few hundred records wait in memory. A step that
 * throws stops the worker; the exception is rethrown to the giving thread by its next {@link #run} or by
 * {@link #finish}. {@link #close} stops the worker whatever state it is in (the reading failed).
 */
final class InOrderWorker implements AutoCloseable {
    private static final int BATCH = 32;
    private static final List<Runnable> END = List.of();

    private final BlockingQueue<List<Runnable>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    /** Whether the steps' owner wants no more steps (enough problems found); read by the giving thread. */
    private final BooleanSupplier stop;
    private List<Runnable> batch = new ArrayList<>(BATCH);
    private volatile boolean stopped;
    private volatile Throwable failure;

    /**
     * @param name the worker thread's name
     * @param stop asked after each step (on the worker): once true, later steps are skipped and {@link #stopped}
     *             tells the giving thread so
     */
    InOrderWorker(String name, BooleanSupplier stop) {
        this.stop = stop;
        this.thread = new Thread(this::work, name);
        thread.setDaemon(true); // never keeps a JVM alive, even if a caller forgets to close
        thread.start();
    }

    /** True once the steps' owner wants no more steps; approximate (the worker may still be behind). */
    boolean stopped() {
        return stopped;
    }

    /** Queues a step; rethrows what an earlier step threw. */
    void run(Runnable step) {
        rethrowFailure();
        batch.add(step);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every step given has run (or was skipped); rethrows what a step threw. */
    void finish() {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>();
        }
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        rethrowFailure();
    }

    /** Stops the worker without running what is still queued; safe after {@link #finish}. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    private void put(List<Runnable> steps) {
        try {
            while (!queue.offer(steps, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    rethrowFailure();
                    return; // the worker is gone (it failed and was reported, or was closed): nothing will run
                }
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }

    private void work() {
        try {
            while (true) {
                List<Runnable> steps = queue.take();
                if (steps == END) {
                    return;
                }
                for (Runnable step : steps) {
                    if (!stopped) {
                        step.run();
                        stopped = stop.getAsBoolean();
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed: the reading thread gave up
        } catch (RuntimeException | Error e) {
            failure = e;
            stopped = true;
        }
    }

    private void rethrowFailure() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }
}
