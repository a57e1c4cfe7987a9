package org.missionengine.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.kie.api.runtime.KieSession;

import org.missionengine.RuleExecutionException;
import org.missionengine.rules.EvaluationContext;

/**
 * Runs one short-lived session over a set of facts: inserts them, fires the rules under the firing and time limits,
 * and returns every fact left in working memory (findings, scores, votes). A rule that loops, runs too long or
 * throws ends in a {@link RuleExecutionException} naming it.
 */
final class SessionRunner {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mission-engine-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final CompiledRules rules;

    SessionRunner(CompiledRules rules) {
        this.rules = rules;
    }

    /** Limits read from the parameters {@code engine.maxFirings} and {@code engine.timeout} (seconds). */
    record Limits(int maxFirings, double timeoutSeconds) {
    }

    List<Object> run(String subject, Collection<?> facts, EvaluationContext ctx, Limits limits) {
        KieSession session = rules.kieBase.newKieSession();
        FiringGuard guard = new FiringGuard();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            guard.timedOut = true;
            session.halt();
        }, Math.max(1, (long) (limits.timeoutSeconds() * 1000)), TimeUnit.MILLISECONDS);
        try {
            session.setGlobal("ctx", ctx);
            session.addEventListener(guard);
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(limits.maxFirings() + 1);
            if (guard.timedOut) {
                throw failure(guard.currentRule(), subject, "ran past engine.timeout (" + limits.timeoutSeconds()
                        + " s)", "Make the rule's conditions cheaper, or raise engine.timeout.");
            }
            if (fired > limits.maxFirings()) {
                String rule = guard.mostFired();
                throw failure(rule, subject, "fired " + guard.firings(rule) + " times, more than engine.maxFirings ("
                        + limits.maxFirings() + "): the rule loops", "A rule that inserts or updates facts must not "
                        + "re-match its own result; add a condition that stops it, or raise engine.maxFirings.");
            }
            return new ArrayList<>(session.getObjects());
        } catch (RuleExecutionException e) {
            throw e;
        } catch (RuntimeException e) {
            String current = guard.currentFacts();
            throw failure(guard.currentRule(), subject, "failed: " + rootMessage(e)
                    + (current == null ? "" : " (facts: " + current + ")"), "Fix the rule; its facts are shown above.");
        } finally {
            watchdog.cancel(false);
            session.dispose();
        }
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
