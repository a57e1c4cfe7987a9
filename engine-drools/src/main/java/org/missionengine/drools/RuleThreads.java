package org.missionengine.drools;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that fire rules, kept for reuse: starting a thread costs about as much as evaluating a small mission, and
 * a batch evaluates thousands. Each thread runs one session at a time and is bound to it until the caller is done with
 * it, so stopping a runaway session can only ever hit that session. A thread that was interrupted or stopped, or whose
 * session ran out of time, is never reused ({@link Worker#retire()}); an idle thread ends after {@link #IDLE_MILLIS}.
 */
final class RuleThreads {
    /** How long an idle thread waits for its next session before it ends. */
    static final long IDLE_MILLIS = 5_000;

    private static final AtomicLong THREAD_NUMBER = new AtomicLong();

    private static final int IDLE = 0;
    private static final int CLAIMED = 1;
    private static final int ENDED = 2;

    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final String namePrefix;
    private final long idleMillis;

    RuleThreads(String namePrefix) {
        this(namePrefix, IDLE_MILLIS);
    }

    RuleThreads(String namePrefix, long idleMillis) {
        this.namePrefix = namePrefix;
        this.idleMillis = idleMillis;
    }

    /** Runs {@code task} on an idle thread, or on a new one; returns the thread it runs on. */
    Worker start(Runnable task) {
        for (Worker w = idle.pollFirst(); w != null; w = idle.pollFirst()) {
            if (w.state.compareAndSet(IDLE, CLAIMED) && w.handOver(task)) {
                return w;
            }
        }
        Worker w = new Worker(task);
        w.thread.start();
        return w;
    }

    /** One rule thread. */
    final class Worker implements Runnable {
        final Thread thread;
        private final AtomicInteger state = new AtomicInteger(CLAIMED);
        private final SynchronousQueue<Runnable> next = new SynchronousQueue<>();
        private volatile Runnable first;
        private volatile boolean retired;

        private Worker(Runnable first) {
            this.first = first;
            this.thread = new Thread(this, namePrefix + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
        }

        /**
         * Never reuse this thread: it was (or may be about to be) interrupted or stopped. If its session ended before it
         * could see this and it is already idle, it is taken out of the pool and ended now (interrupting an idle thread
         * reaches no session).
         */
        void retire() {
            retired = true;
            if (state.compareAndSet(IDLE, ENDED)) {
                idle.remove(this);
                thread.interrupt();
            }
        }

        /** Gives a claimed idle thread its task; false if the thread ended after all. */
        private boolean handOver(Runnable task) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        if (next.offer(task, 100, TimeUnit.MILLISECONDS)) {
                            return true;
                        }
                        if (!thread.isAlive()) {
                            return false;
                        }
                    } catch (InterruptedException e) {
                        interrupted = true; // the hand-over takes microseconds: finish it, keep the interrupt
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void run() {
            try {
                Runnable task = first;
                first = null;
                while (task != null) {
                    task.run();
                    if (retired || Thread.interrupted()) {
                        return; // an interrupt or a stop meant for the last session must not reach the next one
                    }
                    task = await();
                }
            } catch (Throwable t) { // a stop delivered late: this thread ends, it is never reused
                retired = true;
            } finally {
                state.set(ENDED);
            }
        }

        /** Waits idle for the next session; null once it is time to end. */
        private Runnable await() throws InterruptedException {
            state.set(IDLE);
            idle.addFirst(this);
            while (true) {
                Runnable task = next.poll(idleMillis, TimeUnit.MILLISECONDS);
                if (task != null) {
                    return task;
                }
                if (state.compareAndSet(IDLE, ENDED)) {
                    idle.remove(this);
                    return null;
                }
                // claimed just now: the hand-over is on its way
            }
        }
    }
}
