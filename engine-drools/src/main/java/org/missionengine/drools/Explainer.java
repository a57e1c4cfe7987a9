package org.missionengine.drools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

import org.missionengine.explain.ConditionCheck;
import org.missionengine.explain.Explanation;
import org.missionengine.explain.MatchedFacts;
import org.missionengine.explain.ParameterUse;
import org.missionengine.explain.RuleExplanation;
import org.missionengine.report.Finding;
import org.missionengine.rules.EvaluationContext;

/**
 * Explains one mission's evaluation by running its session again, watched: an agenda listener sees each match fire
 * and the facts it bound, the context tells which parameters were read and which finding each firing reported. For a
 * rule that did not fire, the rule's conditions are run again as rules of their own, first one condition, then two,
 * and so on (then constraint by constraint within the first pattern that fails), beside the packs: the first prefix
 * that never matches names the failed condition, and the facts the prefix before it matched are the values it failed
 * on. That reading of the rule's text is best effort, and the explanation says so.
 */
final class Explainer {
    static final String BEST_EFFORT = "Why a rule did not fire is found by matching its conditions one at a time, as "
            + "written in its file: a best-effort reading (conditions joined by 'or', or facts inserted by the "
            + "rule's own pack in a later firing, can make it imprecise).";
    private static final String PROBE = "__explain ";
    private static final int SHOWN_FACTS = 5;

    private final CompiledRules rules;
    private final SessionRunner.Limits limits;
    private final Function<String, ParameterUse> parameter;

    /** @param parameter the value and source of a parameter by name, or null for a name no pack declares */
    Explainer(CompiledRules rules, SessionRunner.Limits limits, Function<String, ParameterUse> parameter) {
        this.rules = rules;
        this.limits = limits;
        this.parameter = parameter;
    }

    /**
     * @param aboutMission the findings of the portfolio session about the mission or its owner, asked for only when a
     *                     portfolio rule may be explained (that session runs over every mission)
     */
    Explanation explain(String missionId, String code, List<Object> facts, EvaluationContext ctx,
                        Supplier<List<Finding>> aboutMission) {
        Watch watch = new Watch();
        List<Object> results = new SessionRunner(rules, limits).run("mission \"" + missionId + "\"", facts,
                ctx.observedBy(watch), watch);
        Set<Finding> findings = new LinkedHashSet<>();
        results.stream().filter(Finding.class::isInstance).map(Finding.class::cast).forEach(findings::add);
        boolean portfolioRules = code == null
                || rules.rules.stream().anyMatch(r -> code.equals(r.code()) && isPortfolioRule(text(r)));
        List<Finding> portfolioFindings = portfolioRules ? aboutMission.get() : List.of();
        List<CompiledRules.RuleMeta> explained = code == null
                ? rules.rules.stream().filter(r -> findings.stream().anyMatch(f -> firedBy(f, r))
                        || portfolioFindings.stream().anyMatch(f -> firedBy(f, r))).toList()
                : rules.rules.stream().filter(r -> code.equals(r.code())).toList();
        List<RuleExplanation> explanations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CompiledRules.RuleMeta rule : explained) {
            Optional<RuleText> text = text(rule);
            Optional<Finding> inPortfolio = portfolioFindings.stream().filter(f -> firedBy(f, rule)).findFirst();
            boolean fired = findings.stream().anyMatch(f -> firedBy(f, rule)) || inPortfolio.isPresent();
            List<MatchedFacts> matches = watch.matches.getOrDefault(key(rule), List.of()).stream()
                    .filter(m -> findings.contains(m.finding())).toList();
            Set<String> names = new LinkedHashSet<>(text.map(RuleText::parameters).orElse(Set.of()));
            names.addAll(watch.reads.getOrDefault(key(rule), Set.of()));
            List<ParameterUse> parameters = names.stream().map(parameter).filter(Objects::nonNull).toList();
            List<ConditionCheck> conditions = List.of();
            if (inPortfolio.isPresent()) {
                notes.add("Rule \"" + rule.name() + "\" looks at the whole portfolio: it fired in the portfolio's "
                        + "session about \"" + inPortfolio.get().subject() + "\" (" + inPortfolio.get().message()
                        + "); the facts it matched are not shown here.");
            } else if (!fired) {
                if (isPortfolioRule(text)) {
                    notes.add("Rule \"" + rule.name() + "\" looks at the whole portfolio: it runs in the portfolio's "
                            + "session, not the mission's, and is not explained here.");
                } else if (text.isPresent() && !text.get().conditions().isEmpty()) {
                    conditions = new Probe(text.get()).run(missionId, facts, ctx);
                    if (!notes.contains(BEST_EFFORT)) {
                        notes.add(BEST_EFFORT);
                    }
                } else {
                    notes.add("The conditions of rule \"" + rule.name() + "\" could not be read from its file.");
                }
            }
            explanations.add(new RuleExplanation(rule.name(), rule.pack(), rule.code(),
                    text.map(RuleText::file).orElse(rule.pack()), text.map(RuleText::line).orElse(0), fired, matches,
                    parameters, conditions, text.map(t -> t.cell(t.line(), "")).orElse(null)));
        }
        return new Explanation(missionId, code, explanations, notes);
    }

    /** Whether the rule matches the whole portfolio: it runs in the portfolio's session, never a mission's. */
    private static boolean isPortfolioRule(Optional<RuleText> text) {
        return text.isPresent() && text.get().conditions().stream()
                .anyMatch(c -> RuleText.pattern(c.text()).map(p -> p.type().equals("Portfolio")).orElse(false));
    }

    private static boolean firedBy(Finding finding, CompiledRules.RuleMeta rule) {
        return rule.name().equals(finding.rule()) && rule.pack().equals(finding.pack());
    }

    private static String key(CompiledRules.RuleMeta rule) {
        return rule.drlPackage() + "|" + rule.name();
    }

    private Optional<RuleText> text(CompiledRules.RuleMeta rule) {
        return rules.packs.stream().filter(p -> p.id().equals(rule.pack())).findFirst()
                .flatMap(p -> RuleText.find(p, rule.name()));
    }

    /** What the watched session did: each firing's bound facts and finding, and each rule's parameter reads. */
    private static final class Watch extends DefaultAgendaEventListener implements EvaluationContext.Observer {
        final Map<String, List<MatchedFacts>> matches = new HashMap<>();
        final Map<String, Set<String>> reads = new HashMap<>();
        private Match current;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            current = null;
        }

        @Override
        public void parameterRead(String name) {
            if (current != null) {
                reads.computeIfAbsent(ruleOf(current), k -> new LinkedHashSet<>()).add(name);
            }
        }

        @Override
        public void reported(Finding finding) {
            if (current != null) {
                matches.computeIfAbsent(ruleOf(current), k -> new ArrayList<>())
                        .add(new MatchedFacts(finding, declarations(current)));
            }
        }

        private static String ruleOf(Match match) {
            return match.getRule().getPackageName() + "|" + match.getRule().getName();
        }

        private static Map<String, String> declarations(Match match) {
            Map<String, String> facts = new LinkedHashMap<>();
            for (String id : match.getDeclarationIds()) {
                facts.put(id, FactText.of(match.getDeclarationValue(id)));
            }
            return facts;
        }
    }

    /** The prefixes of one rule's conditions, compiled beside the packs and matched against the mission's facts. */
    private final class Probe {
        private final RuleText rule;
        private final Map<String, String> probes = new LinkedHashMap<>();
        private List<Object> facts = List.of();

        Probe(RuleText rule) {
            this.rule = rule;
        }

        List<ConditionCheck> run(String missionId, List<Object> facts, EvaluationContext ctx) {
            this.facts = facts;
            List<RuleText.Condition> conditions = rule.conditions();
            for (int k = 1; k <= conditions.size(); k++) {
                add(k + "", conditions.subList(0, k).stream().map(RuleText.Condition::text).toList());
                String text = conditions.get(k - 1).text();
                List<String> before = conditions.subList(0, k - 1).stream().map(RuleText.Condition::text).toList();
                Optional<RuleText.PatternCondition> pattern = RuleText.pattern(text);
                if (pattern.isPresent()) {
                    for (int j = 1; j <= pattern.get().constraints().size(); j++) {
                        add(k + "." + j, append(before, pattern.get().prefix(j)));
                    }
                } else if (text.startsWith("not ") || text.startsWith("not(")) {
                    add(k + ".not", append(before, text.substring(3).strip()));
                }
            }
            Counter counter = new Counter();
            try {
                CompiledRules probed = CompiledRules.withProbes(rules, rule.drlPackage(), rule.file() + " (explain)",
                        source());
                new SessionRunner(probed, new SessionRunner.Limits(limits.maxFirings() * 10, limits.timeout()))
                        .run("mission \"" + missionId + "\"", facts, ctx, counter);
            } catch (RuntimeException e) {
                return conditions.stream().map(c -> new ConditionCheck(c.text(), c.line(),
                        ConditionCheck.Outcome.NOT_REACHED, null, rule.cell(c.line(), c.text()))).toList();
            }
            return checks(counter, ctx);
        }

        private List<String> append(List<String> before, String last) {
            List<String> all = new ArrayList<>(before);
            all.add(last);
            return all;
        }

        private void add(String id, List<String> lhs) {
            probes.put(id, String.join("\n    ", lhs));
        }

        private String source() {
            StringBuilder drl = new StringBuilder(rule.header());
            probes.forEach((id, lhs) -> drl.append("\nrule \"").append(PROBE).append(rule.line()).append(' ')
                    .append(id).append("\"\nwhen\n    ").append(lhs).append("\nthen\nend\n"));
            return drl.toString();
        }

        private List<ConditionCheck> checks(Counter counter, EvaluationContext ctx) {
            List<ConditionCheck> checks = new ArrayList<>();
            boolean failed = false;
            List<RuleText.Condition> conditions = rule.conditions();
            for (int k = 1; k <= conditions.size(); k++) {
                RuleText.Condition condition = conditions.get(k - 1);
                if (failed) {
                    checks.add(new ConditionCheck(condition.text(), condition.line(),
                            ConditionCheck.Outcome.NOT_REACHED, null, rule.cell(condition.line(), condition.text())));
                } else if (counter.matched(k + "")) {
                    checks.add(new ConditionCheck(condition.text(), condition.line(), ConditionCheck.Outcome.HELD,
                            null, rule.cell(condition.line(), condition.text())));
                } else {
                    failed = true;
                    checks.add(new ConditionCheck(condition.text(), condition.line(), ConditionCheck.Outcome.FAILED,
                            detail(k, condition.text(), counter), rule.cell(condition.line(), condition.text())));
                }
            }
            return checks;
        }

        /** The part of a failed condition that failed, the facts it was tried on and the parameters it reads. */
        private String detail(int k, String text, Counter counter) {
            StringBuilder detail = new StringBuilder();
            Optional<RuleText.PatternCondition> pattern = RuleText.pattern(text);
            String part = text;
            if (pattern.isPresent()) {
                List<String> constraints = pattern.get().constraints();
                int j = 1;
                while (j <= constraints.size() && counter.matched(k + "." + j)) {
                    j++;
                }
                if (j <= constraints.size()) {
                    part = constraints.get(j - 1);
                    String type = pattern.get().type();
                    List<Object> tried = j > 1 ? counter.facts(k + "." + (j - 1)) : facts.stream()
                            .filter(f -> f != null && f.getClass().getSimpleName().equals(type)).toList();
                    detail.append("no ").append(pattern.get().type()).append(" has ").append(part);
                    if (!tried.isEmpty()) {
                        detail.append("; tried on ").append(describe(tried, part));
                    }
                } else {
                    detail.append("no ").append(pattern.get().type()).append(" matches it");
                }
            } else if (text.startsWith("not")) {
                List<Object> present = counter.facts(k + ".not");
                detail.append("there is such a fact");
                if (!present.isEmpty()) {
                    detail.append(": ").append(describe(present, text));
                }
            } else {
                detail.append("it did not hold for the facts matched by the conditions before it");
            }
            String parameters = RuleText.parametersIn(part).stream().map(parameter).filter(Objects::nonNull)
                    .map(p -> p.name() + " = " + FactText.value(p.value()) + " (" + p.describeSource() + ")")
                    .reduce((a, b) -> a + ", " + b).orElse("");
            if (!parameters.isEmpty()) {
                detail.append("; ").append(parameters);
            }
            return detail.toString();
        }

        private String describe(List<Object> facts, String constraint) {
            List<String> shown = facts.stream().limit(SHOWN_FACTS).map(f -> FactText.withFields(f, constraint)).toList();
            return String.join(", ", shown) + (facts.size() > SHOWN_FACTS ? " and " + (facts.size() - SHOWN_FACTS)
                    + " more" : "");
        }
    }

    /** Counts the probes' matches and keeps the distinct facts each one's last pattern bound. */
    private static final class Counter extends DefaultAgendaEventListener {
        private final Map<String, Set<Object>> facts = new HashMap<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            String name = event.getMatch().getRule().getName();
            if (name.startsWith(PROBE)) {
                String id = name.substring(name.indexOf(' ', PROBE.length()) + 1);
                List<?> objects = event.getMatch().getObjects();
                Set<Object> seen = facts.computeIfAbsent(id, k -> new LinkedHashSet<>());
                if (!objects.isEmpty()) {
                    seen.add(objects.get(objects.size() - 1));
                } else {
                    seen.add(Boolean.TRUE); // a match without facts ('not', 'eval' alone) still counts
                }
            }
        }

        boolean matched(String id) {
            return facts.containsKey(id);
        }

        List<Object> facts(String id) {
            return facts.getOrDefault(id, Set.of()).stream().filter(f -> !(f instanceof Boolean)).toList();
        }
    }
}
