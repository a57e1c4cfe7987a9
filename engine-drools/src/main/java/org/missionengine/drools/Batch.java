package org.missionengine.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.missionengine.MissionEngineException;
import org.missionengine.ProgressListener;

/**
 * Runs one task per mission on a bounded set of threads and hands the results on in the missions' order. The calling
 * thread is one of the workers; the others live for one batch. Workers take missions in order, so when a mission
 * fails no later mission is started, the earlier ones still running finish, and the failure of the earliest failed
 * mission is rethrown as it was thrown: the same exception a one-thread run gives.
 *
 * <p>Results are passed to the consumer as soon as they and every earlier one are done, one at a time (never two calls
 * at once) and then forgotten, so a batch holds only the results of missions still waiting for an earlier one or for
 * the consumer: at most {@value #MOST_WAITING_PER_THREAD} per thread. A consumer that throws stops the batch like a
 * failing mission.
 */
final class Batch {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Results held for the consumer, per thread, before a thread that finishes a mission waits for it. */
    private static final int MOST_WAITING_PER_THREAD = 8;

    private Batch() {
    }

    /** The number of threads to use: {@code configured} (0: one per available processor), at most one per item. */
    static int threads(int configured, int items) {
        int threads = configured <= 0 ? Runtime.getRuntime().availableProcessors() : configured;
        return Math.max(1, Math.min(threads, items));
    }

    static <T, R> void forEachInOrder(List<T> items, int threads, ProgressListener progress, Function<T, R> task,
                                      Consumer<? super R> consumer) {
        int total = items.size();
        if (threads <= 1) {
            for (int i = 0; i < total; i++) {
                R result = task.apply(items.get(i));
                progress.missionsEvaluated(i + 1, total);
                consumer.accept(result);
            }
            return;
        }
        InOrder<R> inOrder = new InOrder<>(total, consumer, MOST_WAITING_PER_THREAD * threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger stopAt = new AtomicInteger(Integer.MAX_VALUE); // no item from this index on is started
        Throwable[] failure = new Throwable[1];
        int[] failedIndex = {Integer.MAX_VALUE};
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < total && i < stopAt.get(); i = next.getAndIncrement()) {
                try {
                    R result = task.apply(items.get(i));
                    progress.missionsEvaluated(done.incrementAndGet(), total);
                    inOrder.done(i, result);
                } catch (RuntimeException | Error e) {
                    synchronized (failure) {
                        if (i < failedIndex[0]) {
                            failedIndex[0] = i;
                            failure[0] = e;
                        }
                    }
                    stopAt.accumulateAndGet(i, Math::min);
                    return;
                }
            }
        };
        int pool = POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService helpers = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "mission-engine-batch-" + pool + "-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>(threads - 1);
            for (int k = 1; k < threads; k++) {
                running.add(helpers.submit(worker));
            }
            worker.run();
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            stopAt.set(-1);
            Thread.currentThread().interrupt();
            throw new MissionEngineException("the evaluation was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch worker failed outside a mission: " + e.getCause(), e.getCause());
        } finally {
            helpers.shutdownNow();
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
        }
    }

    /**
     * Passes results on in index order, holding each only until every earlier one has been passed on. One thread at a
     * time passes results on (the one that finds the next result ready when no other is at it); a thread that finishes
     * a mission meanwhile leaves its result and goes on evaluating, rather than waiting while the consumer writes
     * another mission's report. It waits only when more than {@code mostWaiting} results are held, so that a consumer
     * slower than the evaluation does not fill the heap.
     */
    private static final class InOrder<R> {
        private final Object[] waiting;
        private final Consumer<? super R> consumer;
        private final int mostWaiting;
        private int next;
        private int held;
        private boolean passing;
        private boolean failed;

        InOrder(int total, Consumer<? super R> consumer, int mostWaiting) {
            this.waiting = new Object[total];
            this.consumer = consumer;
            this.mostWaiting = mostWaiting;
        }

        void done(int index, R result) {
            synchronized (this) {
                if (failed) {
                    return; // the consumer gave up: nothing more goes to it
                }
                waiting[index] = result;
                held++;
                if (passing) {
                    // the thread passing results on takes this one too
                    waitWhileTooManyAreHeld();
                    return;
                }
                passing = true;
            }
            try {
                for (R ready = take(); ready != null; ready = take()) {
                    consumer.accept(ready);
                }
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    failed = true;
                    passing = false;
                    notifyAll();
                }
                throw e;
            }
        }

        /** The next result if it is ready; otherwise null, and this thread stops passing results on. */
        @SuppressWarnings("unchecked")
        private synchronized R take() {
            if (failed || next == waiting.length || waiting[next] == null) {
                passing = false;
                notifyAll();
                return null;
            }
            R ready = (R) waiting[next];
            waiting[next++] = null;
            if (held-- > mostWaiting) {
                notifyAll();
            }
            return ready;
        }

        private void waitWhileTooManyAreHeld() {
            while (passing && !failed && held > mostWaiting) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the batch sees it and stops
                    return;
                }
            }
        }
    }
}
