package org.missionengine.drools;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.kie.api.runtime.KieSession;

/**
 * One thread that stops sessions past their time limit, whichever thread fires them. A session is watched while it
 * fires ({@link #watch}); once its time is up the watchdog calls {@code halt()}, which Drools honours between two
 * firings, and from then on, every {@link #GRACE_MILLIS}, halts it again and interrupts the thread firing it (enough
 * for a consequence that sleeps, waits or does I/O) until the firing ends. A consequence spinning in a Java loop
 * cannot be stopped this way: the allow-list refuses loops in rule files that are not trusted, so only a trusted file
 * can hold one.
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
    Watch watch(KieSession session, Duration timeout) {
        Watch watch = new Watch(session, Thread.currentThread(), System.nanoTime() + timeout.toNanos());
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

    /** One session being fired, from {@link #watch} until {@link #close()}. */
    final class Watch implements AutoCloseable {
        private final KieSession session;
        private final Thread firing;
        private long nextStep;
        private boolean expired;
        private boolean interrupted;
        private boolean closed;

        private Watch(KieSession session, Thread firing, long deadline) {
            this.session = session;
            this.firing = firing;
            this.nextStep = deadline;
        }

        /** Halts the session once its time is up; then, every grace period, interrupts its thread and halts again. */
        private synchronized void check(long now) {
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
