package org.missionengine.drools;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;

import org.missionengine.report.Finding;
import org.missionengine.rules.TargetVerdict;

/**
 * Collects the net change of findings and target verdicts in a session between two reads. A finding retracted and
 * re-inserted in the same update (its rule re-fired with the same result) nets to no change.
 */
final class FindingDelta extends DefaultRuleRuntimeEventListener {
    private final Map<Finding, Integer> findings = new LinkedHashMap<>();
    private final Map<TargetVerdict, Integer> verdicts = new LinkedHashMap<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        count(event.getObject(), 1);
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        count(event.getOldObject(), -1);
    }

    private void count(Object fact, int change) {
        if (fact instanceof Finding f) {
            findings.merge(f, change, Integer::sum);
        } else if (fact instanceof TargetVerdict v) {
            verdicts.merge(v, change, Integer::sum);
        }
    }

    /** The findings' net changes since the last call (+1 appeared, −1 disappeared), then forgets them. */
    Map<Finding, Integer> takeFindings() {
        Map<Finding, Integer> net = new LinkedHashMap<>();
        findings.forEach((f, n) -> {
            if (n != 0) {
                net.put(f, n);
            }
        });
        findings.clear();
        return net;
    }

    Map<TargetVerdict, Integer> takeVerdicts() {
        Map<TargetVerdict, Integer> net = new LinkedHashMap<>();
        verdicts.forEach((v, n) -> {
            if (n != 0) {
                net.put(v, n);
            }
        });
        verdicts.clear();
        return net;
    }
}
