package org.missionengine.catalog;

import java.util.List;
import java.util.Optional;

/** Every pack, rule and parameter an engine runs with. */
public record RuleCatalog(List<RulePackInfo> packs) {
    public RuleCatalog {
        packs = List.copyOf(packs);
    }

    public List<RuleInfo> rules() {
        return packs.stream().flatMap(p -> p.rules().stream()).toList();
    }

    public List<ParameterInfo> parameters() {
        return packs.stream().flatMap(p -> p.parameters().stream()).toList();
    }

    public Optional<RuleInfo> ruleForCode(String code) {
        return rules().stream().filter(r -> code.equals(r.code())).findFirst();
    }
}
