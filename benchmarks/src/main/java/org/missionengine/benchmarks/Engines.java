package org.missionengine.benchmarks;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.missionengine.MissionEngine;
import org.missionengine.catalog.RuleInfo;

/** The engines the benchmarks compare. */
public final class Engines {
    private Engines() {
    }

    /** Every built-in pack, evaluating on {@code threads} threads ({@code engine.threads}). */
    public static MissionEngine allPacks(int threads) {
        return allPacks(threads, Map.of());
    }

    public static MissionEngine allPacks(int threads, Map<String, Object> parameters) {
        return MissionEngine.builder().parameters(parameters).parameter("engine.threads", threads).build();
    }

    /**
     * Only the rules behind the baseline's checks: MW_REBRANDED, MW_NO_NEW_MONEY, MW_CAPTURED, CRIT_NARROW_SECTORS
     * and the target status rules (TRJ_*). Every other rule, the rating pack's included, is disabled by name.
     */
    public static MissionEngine sharedChecksOnly(int threads) {
        return sharedChecksOnly(threads, Map.of());
    }

    public static MissionEngine sharedChecksOnly(int threads, Map<String, Object> parameters) {
        Set<String> off = new LinkedHashSet<>();
        for (RuleInfo rule : MissionEngine.builder().build().catalog().rules()) {
            String code = rule.code();
            if (code == null || !(Baseline.SHARED_CODES.contains(code) || code.startsWith("TRJ_"))) {
                off.add(rule.name());
            }
        }
        return MissionEngine.builder().parameters(parameters).parameter("engine.threads", threads)
                .disable(off.toArray(String[]::new)).build();
    }
}
