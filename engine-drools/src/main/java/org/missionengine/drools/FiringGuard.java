package org.missionengine.drools;

import java.util.HashMap;
import java.util.Map;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Counts firings per rule and remembers which rule is firing, so a loop, a timeout or a crash can name the rule. Used
 * on the thread that fires, and read there once the firing has ended (the current match also by the watchdog, for a
 * rule that does not stop); no names built per firing.
 */
final class FiringGuard extends DefaultAgendaEventListener {
    private final Map<Rule, int[]> firings = new HashMap<>();
    /** Volatile: the watchdog reads it from its own thread to name a rule that does not stop. */
    private volatile Match current;
    private boolean inConsequence;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
        inConsequence = true;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        inConsequence = false;
        firings.computeIfAbsent(event.getMatch().getRule(), rule -> new int[1])[0]++;
    }

    /** True between the start and the end of a consequence: a failure now is the current rule's consequence's. */
    boolean inConsequence() {
        return inConsequence;
    }

    /** The rule firing now (or last), as "package|name", or null before the first firing. */
    String currentRule() {
        return current == null ? null : name(current.getRule());
    }

    private static String name(Rule rule) {
        return rule.getPackageName() + "|" + rule.getName();
    }

    /** The rule that fired most often, as "package|name". */
    String mostFired() {
        return firings.entrySet().stream().max((a, b) -> Integer.compare(a.getValue()[0], b.getValue()[0]))
                .map(e -> name(e.getKey())).orElse(null);
    }

    /** How often a rule, as "package|name", fired. */
    int firings(String rule) {
        return firings.entrySet().stream().filter(e -> name(e.getKey()).equals(rule)).mapToInt(e -> e.getValue()[0])
                .sum();
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
