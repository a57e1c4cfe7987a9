package org.missionengine.drools;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.kie.api.runtime.KieSession;

import org.missionengine.RuleExecutionException;

/**
 * One thread that stops sessions past their time limit, whichever thread fires them. A session is watched while it
 * fires ({@link #watch}); once its time is up the watchdog calls {@code halt()}, which Drools honours between two
 * firings, and from then on, every {@link #GRACE_MILLIS}, halts it again and interrupts the thread firing it (enough
 * for a consequence that sleeps, waits or does I/O) until the firing ends. A consequence spinning in a Java loop
 * cannot be stopped this way: the allow-list refuses loops in rule files that are not trusted, so only a trusted file
 * can hold one.
 *
 * <p>A session still firing {@link #RUNAWAY_MILLIS} after its time was up is a runaway: the evaluation cannot return
 * while its consequence spins. The watchdog then tells the {@link #runawayHandler} once, with the error the time limit
 * would have given. By default that handler does nothing (a library does not end its application's process); with the
 * system property {@value #RUNAWAY_PROPERTY}{@code =exit}, which the command line sets, it prints the error and ends
 * the process with exit code 2, as any other rule failure would.
 *
 * <p>The watchdog looks at its sessions every {@link #TICK_MILLIS} instead of waking for each one: watching a session
 * then costs two updates of a concurrent set, not a hand-over between threads. Its thread starts with the first
 * session watched and ends after {@link #IDLE_TICKS} ticks without any.
 */
final class Watchdog {
    /** How often the watchdog looks for sessions past their time; a time limit is kept to within about this. */
    static final long TICK_MILLIS = 20;
    /** How long a halted session is given to end before its thread is interrupted (and halted again). */
    static final long GRACE_MILLIS = 100;
    /** Ticks without a session after which the watchdog's thread ends. */
    static final int IDLE_TICKS = 250;
    /** How long after its time limit a session that still fires counts as a runaway (halted, interrupted, spinning). */
    static final long RUNAWAY_MILLIS = 2_000;
    /** The system property that, set to "exit", makes a runaway end the process (the command line sets it). */
    static final String RUNAWAY_PROPERTY = "missionengine.runawayRule";

    /** Told once of each runaway session, on the watchdog's thread; replaced by tests. */
    static volatile Consumer<RuleExecutionException> runawayHandler = Watchdog::onRunaway;

    private static final AtomicLong THREAD_NUMBER = new AtomicLong();

    private final String threadName;
    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();

    Watchdog(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Watches {@code session}, fired by the calling thread, until {@link Watch#close()}: call it in a {@code finally}
     * on the same thread, which also clears an interrupt the watchdog delivered.
     */
    Watch watch(KieSession session, Duration timeout, Supplier<RuleExecutionException> runaway) {
        Watch watch = new Watch(session, Thread.currentThread(), System.nanoTime() + timeout.toNanos(), runaway);
        watched.add(watch);
        if (running.compareAndSet(false, true)) {
            Thread thread = new Thread(this::run, threadName + "-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
        return watch;
    }

    private void run() {
        int idle = 0;
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                running.set(false);
                return;
            }
            long now = System.nanoTime();
            for (Watch watch : watched) {
                watch.check(now);
            }
            idle = watched.isEmpty() ? idle + 1 : 0;
            if (idle >= IDLE_TICKS) {
                running.set(false);
                // a session watched between the look above and now: keep watching unless a new thread already does
                if (watched.isEmpty() || !running.compareAndSet(false, true)) {
                    return;
                }
                idle = 0;
            }
        }
    }

    /** The default runaway handler: nothing, unless the process asked to be ended ({@value #RUNAWAY_PROPERTY}). */
    private static void onRunaway(RuleExecutionException error) {
        if ("exit".equals(System.getProperty(RUNAWAY_PROPERTY))) {
            error.problems().forEach(p -> System.err.println(p.describe()));
            System.err.flush();
            System.exit(2);
        }
    }

    /** One session being fired, from {@link #watch} until {@link #close()}. */
    final class Watch implements AutoCloseable {
        private final KieSession session;
        private final Thread firing;
        private final Supplier<RuleExecutionException> runaway;
        private long runawayAt;
        private boolean reported;
        private long nextStep;
        private boolean expired;
        private boolean interrupted;
        private boolean closed;

        private Watch(KieSession session, Thread firing, long deadline, Supplier<RuleExecutionException> runaway) {
            this.session = session;
            this.firing = firing;
            this.runaway = runaway;
            this.nextStep = deadline;
            this.runawayAt = deadline + RUNAWAY_MILLIS * 1_000_000;
        }

        /**
         * Halts the session once its time is up; then, every grace period, interrupts its thread and halts again; tells
         * the runaway handler once the session has gone on {@link #RUNAWAY_MILLIS} past its time.
         */
        private void check(long now) {
            RuleExecutionException error = null;
            synchronized (this) {
                step(now);
                if (!closed && expired && !reported && now - runawayAt >= 0) {
                    reported = true;
                    error = runaway.get();
                }
            }
            if (error != null) {
                runawayHandler.accept(error);
            }
        }

        private void step(long now) {
            if (closed || now - nextStep < 0) {
                return;
            }
            if (expired) {
                interrupted = true;
                firing.interrupt();
            }
            expired = true;
            session.halt();
            nextStep = now + GRACE_MILLIS * 1_000_000;
        }

        /** True when the session ran past its time limit (and was halted). */
        synchronized boolean expired() {
            return expired;
        }

        /** Ends the watch; an interrupt the watchdog sent the firing thread is cleared, none arrives after this. */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                watched.remove(this);
                if (interrupted) {
                    Thread.interrupted();
                }
            }
        }
    }
}
