package org.missionengine.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.missionengine.MissionEngineException;
import org.missionengine.RuleExecutionException;
import org.missionengine.rules.EvaluationContext;

/**
 * Runs one short-lived session over a set of facts: inserts them, fires the rules under the firing and time limits,
 * and returns every fact left in working memory (findings, scores, votes). A rule that loops, runs too long or
 * throws ends in a {@link RuleExecutionException} naming it.
 *
 * <p><b>Time limit.</b> The session runs on a thread of its own while the caller waits at most {@code engine.timeout}.
 * When the time is up the session is stopped in steps, each given {@link #GRACE_MILLIS}: {@code halt()} (which Drools
 * honours between two firings: enough for a rule that fires too slowly or too often); then an interrupt (enough for a
 * consequence that sleeps, waits or does I/O); then, on JVMs that still support it (Java 19 and earlier),
 * {@code Thread.stop()}, which ends a consequence stuck in a plain Java loop. The caller gets its
 * {@link RuleExecutionException} once these steps are tried, whatever happens to the thread. A thread that survives
 * them all (a spinning consequence on Java 20+, where {@code Thread.stop()} throws) is abandoned: it is a daemon
 * thread, so it does not keep the JVM alive, but it keeps a core busy until the JVM exits; that is logged at WARN.
 * The session is disposed by the caller once it has ended, or by its thread if it ends after the caller gave up on
 * it. Rule threads are reused ({@link RuleThreads}): a thread runs one session at a time, and a thread that had to be
 * stopped is never given another, so a stop can only ever hit the session it is meant for.
 */
final class SessionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

    /** How long each step of stopping a timed-out session is given before the next is tried. */
    static final long GRACE_MILLIS = 250;

    /**
     * Whether a timed-out consequence stuck in a Java loop may be ended with {@code Thread.stop()} (system property
     * {@code missionengine.stopRunawayRules}, default true; without it such a thread is only abandoned).
     */
    static final boolean STOP_RUNAWAY_RULES = !"false".equalsIgnoreCase(
            System.getProperty("missionengine.stopRunawayRules", "true"));

    /** Prefix of the name of the threads that fire rules. */
    static final String THREAD_NAME = "mission-engine-rules-";
    private static final RuleThreads THREADS = new RuleThreads(THREAD_NAME);
    /** "[Rule name: 'x']" or "Rule "x"" in Drools' messages about a failing condition. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile(
            "(?:Rule name: '([^']+)'|[Rr]ule \"([^\"]+)\"|rule: ([^,\\]\\n]+))");

    private final CompiledRules rules;

    SessionRunner(CompiledRules rules) {
        this.rules = rules;
    }

    /** Limits read from the parameters {@code engine.maxFirings} and {@code engine.timeout} (seconds). */
    record Limits(int maxFirings, double timeoutSeconds) {
    }

    List<Object> run(String subject, Collection<?> facts, EvaluationContext ctx, Limits limits) {
        return run(subject, facts, ctx, limits, null);
    }

    /** As {@link #run(String, Collection, EvaluationContext, Limits)}, telling {@code watcher} (if any) of every match. */
    List<Object> run(String subject, Collection<?> facts, EvaluationContext ctx, Limits limits,
                     AgendaEventListener watcher) {
        FiringGuard guard = new FiringGuard();
        KieSession session = rules.kieBase.newKieSession();
        if (watcher != null) {
            session.addEventListener(watcher);
        }
        Firing firing = new Firing(session, guard, facts, ctx, limits.maxFirings() + 1);
        RuleThreads.Worker worker;
        try {
            worker = THREADS.start(firing);
        } catch (RuntimeException | OutOfMemoryError e) {
            firing.dispose();
            throw e;
        }
        try {
            if (!firing.await(Math.max(1, (long) (limits.timeoutSeconds() * 1000)))) {
                guard.timedOut = true;
                String rule = guard.currentRule();
                boolean stopped = stop(firing, worker);
                String seconds = limits.timeoutSeconds() == Math.rint(limits.timeoutSeconds())
                        ? String.valueOf((long) limits.timeoutSeconds()) : String.valueOf(limits.timeoutSeconds());
                throw failure(rule, subject, "ran past engine.timeout (" + seconds + " s)" + (stopped ? ""
                        : "; its thread could not be stopped on this JVM and keeps running"),
                        rule == null ? "Make the rules' conditions cheaper, or raise engine.timeout."
                                : "Make the rule cheaper (or end its loop), or raise engine.timeout.");
            }
            if (firing.failure != null) {
                throw failure(firing.failure, guard, subject);
            }
            if (firing.fired > limits.maxFirings()) {
                String rule = guard.mostFired();
                throw failure(rule, subject, "fired " + guard.firings(rule) + " times, more than engine.maxFirings ("
                        + limits.maxFirings() + "): the rule loops", "A rule that inserts or updates facts must not "
                        + "re-match its own result; add a condition that stops it, or raise engine.maxFirings.");
            }
            return new ArrayList<>(firing.session.getObjects());
        } catch (InterruptedException e) {
            stop(firing, worker);
            Thread.currentThread().interrupt();
            throw new MissionEngineException("the evaluation of " + subject + " was interrupted", e);
        } finally {
            if (!firing.ended()) {
                firing.abandon();
                if (guard.timedOut) {
                    LOG.warn("a rule of {} is stuck in its consequence and could not be stopped on this JVM; its "
                            + "thread {} is abandoned and keeps a core busy until it ends", subject,
                            worker.thread.getName());
                }
            } else {
                firing.dispose();
            }
        }
    }

    /** One session's inserts and firings, on a rule thread. */
    private static final class Firing implements Runnable {
        final KieSession session;
        private final FiringGuard guard;
        private final Collection<?> facts;
        private final EvaluationContext ctx;
        private final int limit;
        private final AtomicBoolean disposed = new AtomicBoolean();
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final CountDownLatch ended = new CountDownLatch(1);
        volatile int fired;
        volatile Throwable failure;

        Firing(KieSession session, FiringGuard guard, Collection<?> facts, EvaluationContext ctx, int limit) {
            this.session = session;
            this.guard = guard;
            this.facts = facts;
            this.ctx = ctx;
            this.limit = limit;
        }

        @Override
        public void run() {
            try {
                session.setGlobal("ctx", ctx);
                session.addEventListener(guard);
                for (Object fact : facts) {
                    session.insert(fact);
                }
                fired = session.fireAllRules(limit);
            } catch (Throwable t) { // everything, including the ThreadDeath of a forced stop: reported by the caller
                failure = t;
            } finally {
                ended.countDown();
                if (abandoned.get()) {
                    dispose(); // the caller gave up on this session: clean up behind it
                }
            }
        }

        /** Waits up to {@code millis} for the session to end; true once it has. */
        boolean await(long millis) throws InterruptedException {
            return ended.await(millis, TimeUnit.MILLISECONDS);
        }

        boolean ended() {
            return ended.getCount() == 0;
        }

        boolean awaitQuietly(long millis) {
            try {
                return await(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended();
            }
        }

        void abandon() {
            abandoned.set(true);
            if (ended()) {
                dispose(); // it ended after all, between the caller's last look and now
            }
        }

        void dispose() {
            if (disposed.compareAndSet(false, true)) {
                session.dispose();
            }
        }
    }

    /**
     * Stops a session that ran out of time, step by step; true once it has ended. Its thread is retired first: an
     * interrupt or a stop meant for this session must never reach the next one.
     */
    private static boolean stop(Firing firing, RuleThreads.Worker worker) {
        worker.retire();
        firing.session.halt();
        if (firing.awaitQuietly(GRACE_MILLIS)) {
            return true;
        }
        worker.thread.interrupt();
        if (firing.awaitQuietly(GRACE_MILLIS)) {
            return true;
        }
        return STOP_RUNAWAY_RULES && !firing.ended() && forceStop(worker.thread) && firing.awaitQuietly(GRACE_MILLIS);
    }

    /**
     * Ends a thread stuck in a consequence with {@code Thread.stop()}: supported up to Java 19, refused from Java 20.
     * The thread runs nothing but this one session, which is thrown away afterwards, so the usual danger of
     * {@code stop()} (objects left half-updated) stays within that session.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean forceStop(Thread thread) {
        try {
            thread.stop();
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A rule (or the engine while matching) threw: name the rule and its facts. */
    private RuleExecutionException failure(Throwable thrown, FiringGuard guard, String subject) {
        if (thrown instanceof RuleExecutionException e) {
            return e;
        }
        if (thrown instanceof Error error && !(error instanceof StackOverflowError)
                && !(error instanceof OutOfMemoryError) && !(error instanceof LinkageError)
                && !"java.lang.ThreadDeath".equals(error.getClass().getName())) {
            throw error;
        }
        Throwable root = root(thrown);
        String rule = guard.currentRule();
        boolean matching = rule == null || !guard.inConsequence();
        if (matching) {
            String named = ruleNamedIn(thrown);
            rule = named == null ? null : qualified(named);
        }
        String current = matching ? null : guard.currentFacts();
        String what;
        String hint;
        if (root instanceof UnsupportedOperationException) {
            what = "tried to change a fact: the portfolio's facts are immutable records with read-only lists";
            hint = "A rule cannot change the portfolio; insert a fact of your own (insertLogical) instead.";
        } else if (root instanceof StackOverflowError) {
            what = "recursed too deeply (StackOverflowError)";
            hint = "End the rule's recursion: a function that calls itself needs a condition that stops it.";
        } else if (root instanceof OutOfMemoryError) {
            what = "ran out of memory";
            hint = "A rule must not build unbounded collections; look for a loop that keeps adding.";
        } else {
            what = (matching ? "failed while matching: " : "failed: ") + rootMessage(root);
            hint = matching ? "Fix the rule's conditions: a method they call throws for some of this mission's facts."
                    : "Fix the rule; its facts are shown above.";
        }
        return failure(rule, subject, what + (current == null ? "" : " (facts: " + current + ")"), hint);
    }

    /** The name of the rule a Drools message about a failing condition mentions, if any. */
    private static String ruleNamedIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            return m.group(g).strip();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** "package|name" for a rule known by name only. */
    private String qualified(String name) {
        return rules.rules.stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> r.drlPackage() + "|" + r.name()).orElse(null);
    }

    private RuleExecutionException failure(String rule, String subject, String message, String hint) {
        if (rule == null) {
            return new RuleExecutionException("(while matching)", null, subject, message, hint);
        }
        String[] parts = rule.split("\\|", 2);
        String pack = rules.packIdsByPackage.getOrDefault(parts[0], parts[0]);
        String source = rules.packs.stream().filter(p -> p.id().equals(pack)).map(RulePack::source).findFirst()
                .orElse(pack);
        return new RuleExecutionException(parts[1], source, subject, message, hint);
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
