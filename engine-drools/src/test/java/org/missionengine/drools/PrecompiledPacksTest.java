package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The build writes the built-in packs compiled; an engine reads them back only when they were compiled from the very
 * DRL on the class path, and they hold the same rules, with the same metadata, as compiling that DRL.
 */
class PrecompiledPacksTest {

    @Test
    void theArchiveHoldsTheRulesAndMetadataThatCompilingTheDrlGives() {
        List<RulePack> builtIns = RulePackLoader.builtIns();
        Optional<Collection<KiePackage>> precompiled = PrecompiledPacks.read(builtIns);

        assertThat(precompiled).as("the build wrote %s", PrecompiledPacks.RESOURCE).isPresent();
        assertThat(rules(precompiled.get())).isEqualTo(rules(PackCompiler.fromSource(builtIns)));
    }

    @Test
    void anArchiveCompiledFromOtherRuleFilesIsNotUsed() {
        List<RulePack> changed = new ArrayList<>(RulePackLoader.builtIns());
        RulePack criteria = changed.get(0);
        RulePack.DrlSource drl = criteria.sources().get(0);
        changed.set(0, new RulePack(criteria.id(), criteria.version(), criteria.description(), criteria.source(), true,
                criteria.drlPackage(), List.of(new RulePack.DrlSource(drl.displayPath(), drl.text() + "\n// edited\n")),
                criteria.parameters()));

        assertThat(PrecompiledPacks.fingerprint(changed)).isNotEqualTo(PrecompiledPacks.fingerprint(
                RulePackLoader.builtIns()));
        assertThat(PrecompiledPacks.read(changed)).isEmpty();
    }

    /** Every rule by package and name, with its metadata. */
    private static Map<String, Map<String, Object>> rules(Collection<KiePackage> packages) {
        Map<String, Map<String, Object>> rules = new TreeMap<>();
        for (KiePackage p : packages) {
            for (Rule r : p.getRules()) {
                rules.put(p.getName() + "|" + r.getName(), new TreeMap<>(r.getMetaData()));
            }
        }
        return rules;
    }
}
