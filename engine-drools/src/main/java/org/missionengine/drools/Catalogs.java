package org.missionengine.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.missionengine.catalog.ParameterInfo;
import org.missionengine.catalog.RuleCatalog;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.catalog.RulePackInfo;
import org.missionengine.report.Severity;

/** Builds the catalog users see with {@code mission-eval rules}. */
final class Catalogs {
    private Catalogs() {
    }

    static RuleCatalog of(CompiledRules rules, Parameters parameters, Map<String, Object> values,
                          Map<String, Severity> severities) {
        List<RulePackInfo> packs = new ArrayList<>();
        for (RulePack pack : rules.packs) {
            List<RuleInfo> infos = rules.rules.stream().filter(r -> r.pack().equals(pack.id()))
                    .map(r -> new RuleInfo(r.name(), r.pack(), r.code(), r.code() != null && severities.containsKey(r.code()) ? severities.get(r.code()) : r.severity(),
                            r.category(), r.criterion(), r.description()))
                    .toList();
            packs.add(new RulePackInfo(pack.id(), pack.version(), pack.description(), pack.source(), pack.builtIn(), infos,
                    parameterInfos(parameters, values, pack.id())));
        }
        return new RuleCatalog(packs);
    }

    private static List<ParameterInfo> parameterInfos(Parameters parameters, Map<String, Object> values, String pack) {
        return parameters.declared().values().stream().filter(d -> pack.equals(parameters.packOf(d.name())))
                .map(d -> new ParameterInfo(d.name(), pack, d.defaultValue(), values.get(d.name()), d.description(),
                        d.min(), d.max()))
                .toList();
    }
}
