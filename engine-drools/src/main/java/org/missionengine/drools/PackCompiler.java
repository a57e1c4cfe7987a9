package org.missionengine.drools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import org.missionengine.InvalidRulesException;

/**
 * Compiles rule packs into KIE packages (DRL with MVEL, so errors carry file and line). The built-in packs come
 * precompiled when the library's jar holds them ({@link PrecompiledPacks}): then only the agency's packs are compiled.
 * If those fail on their own (or need something of a built-in pack), everything is compiled together, so that errors
 * read exactly as a build from the DRL reports them.
 */
final class PackCompiler {
    private PackCompiler() {
    }

    static Collection<KiePackage> compile(List<RulePack> packs) {
        List<RulePack> builtIns = packs.stream().filter(RulePack::builtIn).toList();
        Optional<Collection<KiePackage>> precompiled = builtIns.isEmpty() ? Optional.empty()
                : PrecompiledPacks.load(builtIns);
        if (precompiled.isPresent()) {
            List<RulePack> agency = packs.stream().filter(p -> !p.builtIn()).toList();
            List<KiePackage> all = new ArrayList<>(precompiled.get());
            if (agency.isEmpty()) {
                return all;
            }
            KnowledgeBuilder agencyBuilder = builder(agency);
            if (!agencyBuilder.hasErrors()) {
                all.addAll(agencyBuilder.getKnowledgePackages());
                return all;
            }
        }
        return fromSource(packs);
    }

    /** Every pack compiled from its DRL in one builder; its errors as problems with file and line. */
    static Collection<KiePackage> fromSource(List<RulePack> packs) {
        KnowledgeBuilder builder = builder(packs);
        if (builder.hasErrors()) {
            throw new InvalidRulesException(CompileErrors.problems(builder, packs));
        }
        return builder.getKnowledgePackages();
    }

    private static KnowledgeBuilder builder(List<RulePack> packs) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (RulePack pack : packs) {
            for (RulePack.DrlSource drl : pack.sources()) {
                builder.add(ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(drl.displayPath()), ResourceType.DRL);
            }
        }
        return builder;
    }
}
