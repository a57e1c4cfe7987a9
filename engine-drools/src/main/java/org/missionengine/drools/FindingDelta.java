package org.missionengine.drools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;

import org.missionengine.MonitorEvent;
import org.missionengine.report.Finding;
import org.missionengine.report.TargetStatus;
import org.missionengine.rules.TargetVerdict;

/**
 * Collects the net change of findings and target verdicts in a session between two reads. A finding retracted and
 * re-inserted in the same update (its rule re-fired with the same result) nets to no change; one retracted and
 * re-inserted with another message or evidence (same code, subject and rule) is one change.
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

    /**
     * The net changes since the last call as the events listeners are told, then forgets them: findings that
     * disappeared, findings that changed, findings that appeared, target statuses that changed.
     */
    List<MonitorEvent> takeEvents(String missionId) {
        List<Finding> gone = new ArrayList<>();
        List<Finding> came = new ArrayList<>();
        takeFindings().forEach((finding, change) -> (change > 0 ? came : gone).add(finding));
        List<MonitorEvent> disappeared = new ArrayList<>();
        List<MonitorEvent> changed = new ArrayList<>();
        for (Finding before : gone) {
            Finding after = came.stream().filter(f -> sameFinding(before, f)).findFirst().orElse(null);
            if (after == null) {
                disappeared.add(MonitorEvent.disappeared(missionId, before));
            } else {
                came.remove(after);
                changed.add(MonitorEvent.changed(missionId, before, after));
            }
        }
        List<MonitorEvent> events = new ArrayList<>(disappeared);
        events.addAll(changed);
        came.forEach(f -> events.add(MonitorEvent.appeared(missionId, f)));
        Map<String, TargetStatus> before = new HashMap<>();
        Map<String, TargetStatus> after = new LinkedHashMap<>();
        takeVerdicts().forEach((verdict, change) ->
                (change > 0 ? after : before).put(verdict.targetId(), verdict.status()));
        after.forEach((target, status) -> {
            TargetStatus old = before.get(target);
            if (status != old) {
                events.add(MonitorEvent.targetStatusChanged(missionId, target, old, status));
            }
        });
        return events;
    }

    /** The same finding in another version: what a dashboard keys on (code, subject) and the rule that made it. */
    private static boolean sameFinding(Finding a, Finding b) {
        return a.code().equals(b.code()) && Objects.equals(a.subject(), b.subject()) && Objects.equals(a.rule(), b.rule());
    }
}
