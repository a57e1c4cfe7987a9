package org.missionengine.drools;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Counts firings per rule and remembers which rule is firing, so a loop, a timeout or a crash can name the rule. Read
 * from another thread than the one firing (the caller of a timed-out evaluation), so its state is concurrent.
 */
final class FiringGuard extends DefaultAgendaEventListener {
    private final Map<String, Integer> firings = new ConcurrentHashMap<>();
    private volatile Match current;
    volatile boolean timedOut;

    private volatile boolean inConsequence;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
        inConsequence = true;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        inConsequence = false;
        firings.merge(event.getMatch().getRule().getPackageName() + "|" + event.getMatch().getRule().getName(), 1,
                Integer::sum);
    }

    /** True between the start and the end of a consequence: a failure now is the current rule's consequence's. */
    boolean inConsequence() {
        return inConsequence;
    }

    /** The rule firing now (or last), as "package|name", or null before the first firing. */
    String currentRule() {
        Match match = current;
        return match == null ? null : match.getRule().getPackageName() + "|" + match.getRule().getName();
    }

    /** The rule that fired most often, as "package|name". */
    String mostFired() {
        return firings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    int firings(String rule) {
        return firings.getOrDefault(rule, 0);
    }

    /** A short description of the facts of the current match, for error messages. */
    String currentFacts() {
        Match match = current;
        if (match == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Object fact : match.getObjects()) {
            String s = String.valueOf(fact);
            sb.append(sb.length() == 0 ? "" : ", ").append(s.length() > 120 ? s.substring(0, 117) + "..." : s);
        }
        return sb.toString();
    }
}
