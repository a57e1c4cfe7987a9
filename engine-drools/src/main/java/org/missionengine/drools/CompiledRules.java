package org.missionengine.drools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.conf.ShareAlphaNodesOption;
import org.kie.internal.conf.ShareBetaNodesOption;

import org.missionengine.InvalidRulesException;
import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;
import org.missionengine.report.Criterion;
import org.missionengine.report.Severity;

/**
 * The packs compiled into one KieBase (DRL compiled with MVEL, so errors carry file and line), with the disabled
 * rules removed and each remaining rule's metadata indexed.
 */
final class CompiledRules {
    final KieBase kieBase;
    final List<RulePack> packs;
    final List<RuleMeta> rules;
    final Map<String, String> packIdsByPackage;
    /** Each name given to disable, in the order given, with the rules it left out. */
    final Map<String, List<RuleMeta>> disabled;

    /** A rule's metadata, read once from its annotations. */
    record RuleMeta(String name, String pack, String drlPackage, String code, Severity severity, String category,
                    Criterion criterion, String description) {
    }

    private CompiledRules(KieBase kieBase, List<RulePack> packs, List<RuleMeta> rules, Map<String, String> packIds,
                          Map<String, List<RuleMeta>> disabled) {
        this.kieBase = kieBase;
        this.packs = packs;
        this.rules = rules;
        this.packIdsByPackage = packIds;
        this.disabled = disabled;
    }

    static CompiledRules compile(List<RulePack> packs, List<String> disabled) {
        Map<String, String> packIds = packIdsByPackage(packs);
        // Rules are disabled by removing them from the KieBase. With node sharing on, a removed rule can take with it
        // the generated classes of a node other rules share (an accumulate such as the sum of public funding), and
        // those rules then fail with NoClassDefFoundError; so when something is disabled, nodes are not shared.
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(disabled.isEmpty()
                ? KieServices.get().newKieBaseConfiguration() : unsharedConfiguration());
        kieBase.addPackages(PackCompiler.compile(packs));
        List<RuleMeta> all = metadata(kieBase, packIds, packs);
        Map<String, List<RuleMeta>> disabledByName = disabledRules(all, packs, disabled);
        Set<RuleMeta> off = new LinkedHashSet<>();
        disabledByName.values().forEach(off::addAll);
        for (RuleMeta rule : off) {
            kieBase.removeRule(rule.drlPackage(), rule.name());
        }
        List<RuleMeta> enabled = all.stream().filter(r -> !off.contains(r)).toList();
        return new CompiledRules(kieBase, packs, enabled, packIds, disabledByName);
    }

    /**
     * These rules with extra rules written in the package of one pack (an explanation's probes of a rule's
     * conditions): every pack compiled again from its DRL with the extra text, the disabled rules left out again.
     */
    static CompiledRules withProbes(CompiledRules base, String drlPackage, String displayPath, String drl) {
        List<RulePack> packs = new ArrayList<>(base.packs);
        packs.add(new RulePack("explain", "0", "probes", displayPath, false, drlPackage,
                List.of(new RulePack.DrlSource(displayPath, "package " + drlPackage + ";\n" + drl.replaceFirst(
                        "(?m)^package [^\n]*\n", ""))), Map.of()));
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(unsharedConfiguration());
        kieBase.addPackages(PackCompiler.fromSource(packs));
        Set<String> enabled = new HashSet<>();
        base.rules.forEach(r -> enabled.add(r.drlPackage() + "|" + r.name()));
        for (KiePackage kiePackage : List.copyOf(kieBase.getKiePackages())) {
            for (Rule rule : List.copyOf(kiePackage.getRules())) {
                String key = kiePackage.getName() + "|" + rule.getName();
                if (!enabled.contains(key) && !rule.getName().startsWith("__explain ")) {
                    kieBase.removeRule(kiePackage.getName(), rule.getName());
                }
            }
        }
        return new CompiledRules(kieBase, base.packs, base.rules, base.packIdsByPackage, base.disabled);
    }

    private static KieBaseConfiguration unsharedConfiguration() {
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setOption(ShareAlphaNodesOption.NO);
        configuration.setOption(ShareBetaNodesOption.NO);
        return configuration;
    }

    private static Map<String, String> packIdsByPackage(List<RulePack> packs) {
        Map<String, String> ids = new HashMap<>();
        Map<String, RulePack> byPackage = new HashMap<>();
        Set<String> packIds = new HashSet<>();
        for (RulePack pack : packs) {
            if (!packIds.add(pack.id())) {
                throw new InvalidRulesException(new Problem(pack.source(), null, "a second pack with id \"" + pack.id()
                        + "\"", "Give each pack its own id (in pack.json, or by renaming the .drl file)."));
            }
            RulePack earlier = byPackage.putIfAbsent(pack.drlPackage(), pack);
            if (earlier != null) {
                Path directory = samePackDirectory(earlier, pack);
                throw new InvalidRulesException(new Problem(pack.source(), null, "package " + pack.drlPackage()
                        + " is already used by pack \"" + earlier.id() + "\"", directory != null
                        ? "Both files belong to the pack directory " + directory + ": name the directory (--rules "
                                + directory + ") to use its files together as one pack."
                        : "Each pack needs a DRL package of its own, e.g. \"package agency."
                                + pack.id().replaceAll("\\W", "_") + ";\"."));
            }
            ids.put(pack.drlPackage(), pack.id());
        }
        return ids;
    }

    /** The directory with a pack.json that two rule files named one by one both come from (as named), or null. */
    private static Path samePackDirectory(RulePack a, RulePack b) {
        if (a.source() == null || b.source() == null) {
            return null;
        }
        Path first = Path.of(a.source());
        Path second = Path.of(b.source());
        Path directory = second.toAbsolutePath().getParent();
        boolean oneDirectory = Files.isRegularFile(first) && Files.isRegularFile(second) && directory != null
                && directory.equals(first.toAbsolutePath().getParent());
        if (!oneDirectory || !Files.isRegularFile(directory.resolve("pack.json"))) {
            return null;
        }
        return second.getParent() == null ? Path.of(".") : second.getParent();
    }

    /** What a finding code looks like: MW_NO_NEW_MONEY, AGY_SME_SHARE_2. */
    private static final Pattern FINDING_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static List<RuleMeta> metadata(KieBase kieBase, Map<String, String> packIds, List<RulePack> packs) {
        Map<String, RulePack> packOfDrlPackage = new HashMap<>();
        packs.forEach(p -> packOfDrlPackage.put(p.drlPackage(), p));
        List<RuleMeta> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            String pack = packIds.get(kiePackage.getName());
            if (pack == null) {
                continue; // a package Drools adds for declared types, or functions
            }
            for (Rule rule : kiePackage.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                // found in its file only for a problem: reading every rule's place would cost a scan per rule
                Supplier<RuleOrigin> where = () -> RuleOrigin.of(packOfDrlPackage.get(kiePackage.getName()),
                        rule.getName());
                String code = text(meta, "code");
                Severity severity = parse(Severity.class, text(meta, "severity"), where, problems);
                Criterion criterion = parse(Criterion.class, text(meta, "criterion"), where, problems);
                String category = text(meta, "category");
                if (code != null && !FINDING_CODE.matcher(code).matches()) {
                    // a code is named on command lines (--disable A,B), in scenario files and in reports' anchors
                    String suggestion = code.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                            .replaceAll("^_+|_+$", "");
                    problems.add(where.get().problem(code, "the finding code \"" + code + "\" is not a code",
                            "Write it in capital letters, digits and underscores, starting with a letter"
                                    + (FINDING_CODE.matcher(suggestion).matches() ? ": \"" + suggestion + "\"" : "")
                                    + "."));
                }
                if (code != null && (severity == null || category == null) && text(meta, "severity") == null) {
                    problems.add(where.get().problem("", "rule with @code(\"" + code + "\") has no @severity",
                            "Add @severity(\"WARNING\") (INFO, WARNING or CRITICAL)."));
                }
                if (code != null && category == null) {
                    problems.add(where.get().problem("", "rule with @code(\"" + code + "\") has no @category",
                            "Add @category(\"...\"), e.g. WASHING or GOVERNANCE."));
                }
                rules.add(new RuleMeta(rule.getName(), pack, kiePackage.getName(), code, severity, category, criterion,
                        text(meta, "description")));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        List<String> order = packs.stream().map(RulePack::id).toList();
        rules.sort((a, b) -> order.indexOf(a.pack()) != order.indexOf(b.pack())
                ? Integer.compare(order.indexOf(a.pack()), order.indexOf(b.pack()))
                : a.name().compareTo(b.name()));
        return rules;
    }

    private static Map<String, List<RuleMeta>> disabledRules(List<RuleMeta> rules, List<RulePack> packs,
                                                             List<String> disabled) {
        Map<String, List<RuleMeta>> off = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String name : disabled) {
            List<RuleMeta> matching = rules.stream().filter(r -> name.equals(r.code()) || name.equals(r.name())
                    || name.equals(r.pack())).toList();
            if (matching.isEmpty()) {
                Set<String> known = new LinkedHashSet<>();
                rules.forEach(r -> {
                    if (r.code() != null) {
                        known.add(r.code());
                    }
                    known.add(r.name());
                });
                packs.forEach(p -> known.add(p.id()));
                problems.add(new Problem(null, "--disable " + name, "no finding code, rule name or pack id \"" + name
                        + "\"", ClosestName.to(name, known).map(c -> "Did you mean \"" + c + "\"? ").orElse("")
                        + "List them with: mission-eval rules"));
            }
            off.put(name, matching);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return off;
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : unquote(value.toString());
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, Supplier<RuleOrigin> where,
                                               List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            problems.add(where.get().problem(value, "unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " \""
                    + value + "\"", ClosestName.hint(value, names)));
            return null;
        }
    }
}
