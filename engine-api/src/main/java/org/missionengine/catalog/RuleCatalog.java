package org.missionengine.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Every pack, rule and parameter an engine runs with.
 *
 * @param packs the packs, in evaluation order
 */
public record RuleCatalog(List<RulePackInfo> packs) {
    /**
     * Copies {@code packs}.
     *
     * @param packs the packs, in evaluation order
     */
    public RuleCatalog {
        packs = List.copyOf(packs);
    }

    /**
     * Every pack's rules.
     *
     * @return the rules, pack by pack
     */
    public List<RuleInfo> rules() {
        return packs.stream().flatMap(p -> p.rules().stream()).toList();
    }

    /**
     * Every pack's parameters.
     *
     * @return the parameters, pack by pack
     */
    public List<ParameterInfo> parameters() {
        return packs.stream().flatMap(p -> p.parameters().stream()).toList();
    }

    /**
     * The first rule that emits a finding code.
     *
     * @param code the finding code
     * @return the rule, or empty when no rule emits {@code code}
     */
    public Optional<RuleInfo> ruleForCode(String code) {
        return rules().stream().filter(r -> code.equals(r.code())).findFirst();
    }
}
