package org.missionengine.drools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import org.missionengine.InvalidRulesException;

/**
 * Compiles rule packs into KIE packages on all cores: compiling the DRL (parsing, MVEL, the consequences' Java) is most
 * of building an engine, and the packs are independent. The built-in packs are spread over the groups by size; the
 * agency's packs stay together in one group, since one may use what another declares. If any group fails, everything
 * is compiled again in one builder, so errors (and an agency pack that needs a built-in one) are reported exactly as a
 * single build reports them.
 *
 * <p>The built-in packs come precompiled when the library's jar holds them ({@link PrecompiledPacks}): then only the
 * agency's packs are compiled.
 */
final class ParallelCompilation {
    /** More groups than this gains nothing: there are only nine built-in packs. */
    private static final int MAX_GROUPS = 4;

    private ParallelCompilation() {
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
            // an agency pack fails alone (or needs a built-in one): compile everything together, for its errors
            return single(packs);
        }
        return fromSource(packs);
    }

    /** Compiles every pack from its DRL, the groups in parallel. */
    static Collection<KiePackage> fromSource(List<RulePack> packs) {
        List<List<RulePack>> groups = groups(packs, Math.min(MAX_GROUPS, Runtime.getRuntime().availableProcessors()));
        if (groups.size() > 1) {
            List<KnowledgeBuilder> built = compileGroups(groups);
            if (built.stream().noneMatch(KnowledgeBuilder::hasErrors)) {
                List<KiePackage> all = new ArrayList<>();
                built.forEach(b -> all.addAll(b.getKnowledgePackages()));
                return all;
            }
        }
        return single(packs);
    }

    /** Every pack in one builder: what errors are reported from. */
    private static Collection<KiePackage> single(List<RulePack> packs) {
        KnowledgeBuilder single = builder(packs);
        if (single.hasErrors()) {
            throw new InvalidRulesException(CompiledRules.problems(single));
        }
        return single.getKnowledgePackages();
    }

    /**
     * Compiles the first group on the calling thread and each other on a thread of its own, with the caller's context
     * class loader (through which Drools finds the fact classes).
     */
    private static List<KnowledgeBuilder> compileGroups(List<List<RulePack>> groups) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        KnowledgeBuilder[] built = new KnowledgeBuilder[groups.size()];
        Throwable[] failed = new Throwable[groups.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < groups.size(); i++) {
            int k = i;
            Thread thread = new Thread(() -> {
                try {
                    built[k] = builder(groups.get(k));
                } catch (RuntimeException | Error e) {
                    failed[k] = e;
                }
            }, "mission-engine-compile-" + k);
            thread.setDaemon(true);
            thread.setContextClassLoader(classLoader);
            thread.start();
            threads.add(thread);
        }
        built[0] = builder(groups.get(0));
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // compiling takes a second: finish, then keep the interrupt
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable e : failed) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
        return List.of(built);
    }

    /** The built-in packs spread over {@code count} groups, largest first into the smallest group; agency packs last. */
    static List<List<RulePack>> groups(List<RulePack> packs, int count) {
        List<RulePack> builtIns = packs.stream().filter(RulePack::builtIn)
                .sorted(Comparator.comparingInt(ParallelCompilation::size).reversed()).toList();
        List<RulePack> agency = packs.stream().filter(p -> !p.builtIn()).toList();
        int n = Math.max(1, Math.min(count, builtIns.size() + (agency.isEmpty() ? 0 : 1)));
        List<List<RulePack>> groups = new ArrayList<>();
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        if (!agency.isEmpty()) {
            groups.get(n - 1).addAll(agency);
            sizes[n - 1] = agency.stream().mapToInt(ParallelCompilation::size).sum();
        }
        for (RulePack pack : builtIns) {
            int smallest = 0;
            for (int i = 1; i < n; i++) {
                smallest = sizes[i] < sizes[smallest] ? i : smallest;
            }
            groups.get(smallest).add(pack);
            sizes[smallest] += size(pack);
        }
        groups.removeIf(List::isEmpty);
        return groups;
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

    private static int size(RulePack pack) {
        return pack.sources().stream().mapToInt(s -> s.text().length()).sum();
    }
}
