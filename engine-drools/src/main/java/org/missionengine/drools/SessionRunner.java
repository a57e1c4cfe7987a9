package org.missionengine.drools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IllegalFormatConversionException;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import org.missionengine.RuleExecutionException;
import org.missionengine.rules.EvaluationContext;

/**
 * Fires sessions under the engine's limits, for a batch and for the monitor alike: the firing limit, the time limit
 * (kept by the {@link Watchdog}), and one mapping of whatever goes wrong to a {@link RuleExecutionException} naming the
 * rule, its file and the mission. Rules fire on the calling thread: a batch worker, or the monitor's caller.
 *
 * <p><b>Time limit.</b> Once a session's time is up the watchdog halts it, which Drools honours between two firings
 * (enough for a rule that fires too slowly or too often), then interrupts the firing thread (enough for a consequence
 * that sleeps, waits or does I/O). A consequence that spins in a Java loop is not stopped by either: rule files that
 * are not trusted may not contain loops ({@link RuleFileGuard}), and a trusted file that does is trusted to end them.
 */
final class SessionRunner {
    private static final Watchdog WATCHDOG = new Watchdog("mission-engine-watchdog");
    /** "[Rule name: 'x']" or "Rule "x"" in Drools' messages about a failing condition. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile(
            "(?:Rule name: '([^']+)'|[Rr]ule \"([^\"]+)\"|rule: ([^,\\]\\n]+))");

    private final CompiledRules rules;
    private final Limits limits;

    SessionRunner(CompiledRules rules, Limits limits) {
        this.rules = rules;
        this.limits = limits;
    }

    /** The most firings and the longest time one session may take. */
    record Limits(int maxFirings, Duration timeout) {
    }

    /** A session over the rules, with the evaluation's context; the caller disposes of it. */
    KieSession newSession(EvaluationContext ctx) {
        KieSession session = rules.kieBase.newKieSession();
        session.setGlobal("ctx", ctx);
        return session;
    }

    /**
     * Runs one short-lived session over {@code facts}: inserts them, fires the rules under the limits and returns every
     * fact left in working memory (findings, scores, votes). The session is disposed of on every path.
     */
    List<Object> run(String subject, Collection<?> facts, EvaluationContext ctx) {
        return run(subject, facts, ctx, null);
    }

    /** As {@link #run(String, Collection, EvaluationContext)}, telling {@code watcher} (if any) of every match. */
    List<Object> run(String subject, Collection<?> facts, EvaluationContext ctx, AgendaEventListener watcher) {
        KieSession session = newSession(ctx);
        try {
            return insertAndFire(session, subject, facts, watcher);
        } finally {
            session.dispose();
        }
    }

    /**
     * As {@link #run(String, Collection, EvaluationContext)} in a session of {@code sessions}: a session that ends
     * normally goes back to them, reset, for the next mission; one that failed is thrown away.
     */
    List<Object> run(Sessions sessions, String subject, Collection<?> facts, EvaluationContext ctx) {
        KieSession session = sessions.pool.newKieSession();
        session.setGlobal("ctx", ctx);
        boolean reusable = false;
        try {
            List<Object> left = insertAndFire(session, subject, facts, null);
            reusable = true;
            return left;
        } finally {
            if (reusable) {
                session.dispose(); // a pooled session is reset and kept
            } else {
                ((StatefulKnowledgeSessionImpl) session).destroy(); // halted or half-fired: not used again
            }
        }
    }

    /** Sessions for one batch: reused from mission to mission, all disposed of when the batch is closed. */
    Sessions sessions(int threads) {
        return new Sessions(rules.kieBase.newKieSessionsPool(threads));
    }

    /**
     * A batch's sessions. A new session per mission costs its node memories, built again as the mission's facts
     * first reach each node (about a tenth of the shared checks' time); a reset session keeps them.
     */
    static final class Sessions implements AutoCloseable {
        private final KieSessionsPool pool;

        private Sessions(KieSessionsPool pool) {
            this.pool = pool;
        }

        @Override
        public void close() {
            pool.shutdown();
        }
    }

    private List<Object> insertAndFire(KieSession session, String subject, Collection<?> facts,
                                       AgendaEventListener watcher) {
        if (watcher != null) {
            session.addEventListener(watcher);
        }
        for (Object fact : facts) {
            session.insert(fact);
        }
        fire(session, subject);
        return new ArrayList<>(session.getObjects());
    }

    /**
     * Fires {@code session} until no rule matches, under the limits; a rule that loops, runs past the time limit or
     * throws ends in a {@link RuleExecutionException} naming it, its file and {@code subject}.
     */
    void fire(KieSession session, String subject) {
        FiringGuard guard = new FiringGuard();
        session.addEventListener(guard);
        int fired = 0;
        Throwable thrown = null;
        Watchdog.Watch watch = WATCHDOG.watch(session, limits.timeout(), () -> {
            String rule = guard.currentRule();
            return failure(rule, subject, "ran past the time limit (" + seconds(limits.timeout()) + " s) and did not "
                    + "stop when halted and interrupted: a consequence that loops for ever", "End the loop (a trusted "
                    + "rule file is not checked for loops), or run the rule file without --trust-rules so that loops "
                    + "are refused when it loads.");
        });
        try {
            fired = session.fireAllRules(limits.maxFirings() + 1);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            thrown = e;
        } finally {
            watch.close();
            session.removeEventListener(guard);
        }
        if (watch.expired()) {
            String rule = guard.currentRule();
            throw failure(rule, subject, "ran past the time limit (" + seconds(limits.timeout()) + " s)",
                    (rule == null ? "Make the rules' conditions cheaper" : "Make the rule cheaper") + ", or raise the "
                    + "limit with --timeout SECONDS (in code: MissionEngine.builder().timeout(Duration)).");
        }
        if (thrown != null) {
            throw failure(thrown, guard, subject);
        }
        if (fired > limits.maxFirings()) {
            String rule = guard.mostFired();
            throw failure(rule, subject, "fired " + guard.firings(rule) + " times, more than the firing limit ("
                    + limits.maxFirings() + "): the rule loops", "A rule that inserts or updates facts must not "
                    + "re-match its own result; add a condition that stops it, or raise the limit with --max-firings N "
                    + "(in code: MissionEngine.builder().maxFirings(int)).");
        }
    }

    /** "1" for one second, "0.5" for half of one. */
    private static String seconds(Duration timeout) {
        return timeout.toNanos() % 1_000_000_000L == 0 ? String.valueOf(timeout.toSeconds())
                : String.valueOf(timeout.toNanos() / 1e9);
    }

    /** A rule (or the engine while matching) threw: name the rule and its facts. */
    private RuleExecutionException failure(Throwable thrown, FiringGuard guard, String subject) {
        if (thrown instanceof RuleExecutionException e) {
            return e;
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
        String about = "";
        if (root instanceof IllegalFormatException) {
            // a message pattern (ctx.format) that does not fit the values given it: the message's line, or cell
            about = "format(";
            what = (matching ? "failed while matching: " : "failed: ") + (root instanceof IllegalFormatConversionException
                    f ? "its message formats a " + f.getArgumentClass().getSimpleName() + " with %" + f.getConversion()
                    : "its message pattern does not fit its values (" + root.getClass().getSimpleName() + ")");
            hint = "In the message, write %d for a whole number (Integer, Long), %.1f or %,.0f for a decimal number "
                    + "(Double), %s for text.";
        } else if (root instanceof UnsupportedOperationException) {
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
        return failure(rule, subject, what + (current == null ? "" : " (facts: " + current + ")"), hint, about);
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
        return failure(rule, subject, message, hint, "");
    }

    /**
     * The failure of {@code rule} ("package|name") at its declaration: the DRL file and the line of its
     * {@code rule "name"} (a built-in pack's file by its resource path), or the decision table and the cell of the
     * rule's row that holds {@code about} (its message for "format("), else the row's first cell; its pack when its
     * file cannot be found.
     */
    private RuleExecutionException failure(String rule, String subject, String message, String hint, String about) {
        if (rule == null) {
            return new RuleExecutionException("(while matching)", null, subject, message, hint);
        }
        String[] parts = rule.split("\\|", 2);
        String packId = rules.packIdsByPackage.getOrDefault(parts[0], parts[0]);
        RulePack pack = rules.packs.stream().filter(p -> p.id().equals(packId)).findFirst().orElse(null);
        RuleOrigin origin = RuleOrigin.of(pack, parts[1]);
        if (origin.file() != null) {
            return new RuleExecutionException(parts[1], origin.file(), origin.place(about), subject, message, hint);
        }
        return new RuleExecutionException(parts[1], pack == null ? packId : pack.source(), subject, message, hint);
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
