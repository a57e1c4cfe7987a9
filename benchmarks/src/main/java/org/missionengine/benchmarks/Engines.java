package org.missionengine.benchmarks;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.missionengine.MissionEngine;
import org.missionengine.catalog.RuleInfo;

/** The engines the benchmarks compare. */
public final class Engines {
    private Engines() {
    }

    /** Every built-in pack, evaluating on {@code threads} threads ({@code MissionEngineBuilder.threads}). */
    public static MissionEngine allPacks(int threads) {
        return allPacks(threads, Map.of());
    }

    public static MissionEngine allPacks(int threads, Map<String, Object> parameters) {
        return MissionEngine.builder().parameters(parameters).threads(threads).build();
    }

    /**
     * Only the rules behind the baseline's checks: MW_REBRANDED, MW_NO_NEW_MONEY, MW_CAPTURED, CRIT_NARROW_SECTORS
     * and the target status rules (TRJ_*). Every other rule, the rating pack's included, is disabled by name.
     */
    public static MissionEngine sharedChecksOnly(int threads) {
        return sharedChecksOnly(threads, Map.of());
    }

    public static MissionEngine sharedChecksOnly(int threads, Map<String, Object> parameters) {
        return only(threads, parameters, code -> Baseline.SHARED_CODES.contains(code) || code.startsWith("TRJ_"));
    }

    /**
     * Only "No new money" (MW_NO_NEW_MONEY), one pattern on the mission and no projects matched: what evaluating a
     * mission costs before any real rule work (its facts and trajectories, a session, the report). The floor under
     * every other configuration.
     */
    public static MissionEngine oneRule(int threads) {
        return only(threads, Map.of(), "MW_NO_NEW_MONEY"::equals);
    }

    private static MissionEngine only(int threads, Map<String, Object> parameters, Predicate<String> keepCode) {
        Set<String> off = new LinkedHashSet<>();
        for (RuleInfo rule : MissionEngine.builder().build().catalog().rules()) {
            String code = rule.code();
            if (code == null || !keepCode.test(code)) {
                off.add(rule.name());
            }
        }
        return MissionEngine.builder().parameters(parameters).threads(threads)
                .disable(off.toArray(String[]::new)).build();
    }
}
