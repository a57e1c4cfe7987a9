package org.missionengine.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.missionengine.catalog.RuleCatalog;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;

/**
 * Which rules fired how often across a set of evaluations, and which never fired, per pack. A rule counts when it
 * has a finding code (rules that only compute scores and ratings are left out) and was enabled in at least one
 * engine the evaluations ran with; it fired when at least one finding names it ({@link Finding#rule()} and
 * {@link Finding#pack()}).
 *
 * <pre>{@code
 * RuleCoverage coverage = RuleCoverage.of(engine.catalog(), reports);
 * System.out.print(coverage.toText());
 * assertTrue(coverage.ratio() >= 1.0, coverage::neverFiredText);
 * }</pre>
 */
public final class RuleCoverage {
    /**
     * One rule: its pack, name and code, and how many findings it produced.
     *
     * @param pack    the id of the rule's pack
     * @param rule    the rule's name
     * @param code    the finding code it emits
     * @param firings the number of findings it produced across the evaluations, 0 when it never fired
     */
    public record RuleUse(String pack, String rule, String code, int firings) {
        /**
         * Whether the rule produced at least one finding.
         *
         * @return true when {@code firings} is above 0
         */
        public boolean fired() {
            return firings > 0;
        }
    }

    private final List<RuleUse> rules;

    private RuleCoverage(List<RuleUse> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The coverage of one engine's rules (its catalog) by the findings of the given reports.
     *
     * @param catalog the engine's catalog: the rules that count
     * @param reports reports the engine produced
     * @return the coverage
     */
    public static RuleCoverage of(RuleCatalog catalog, Collection<EvaluationReport> reports) {
        Recorder recorder = new Recorder();
        recorder.add(catalog);
        reports.forEach(recorder::add);
        return recorder.coverage();
    }

    /**
     * Every rule with a code, in catalog order.
     *
     * @return the rules and their firings
     */
    public List<RuleUse> rules() {
        return rules;
    }

    /**
     * The rules no evaluation fired: those a policy's tests do not reach.
     *
     * @return those rules, in catalog order
     */
    public List<RuleUse> neverFired() {
        return rules.stream().filter(r -> !r.fired()).toList();
    }

    /**
     * The rules by pack id, packs in catalog order.
     *
     * @return each pack's rules
     */
    public Map<String, List<RuleUse>> byPack() {
        Map<String, List<RuleUse>> packs = new LinkedHashMap<>();
        rules.forEach(r -> packs.computeIfAbsent(r.pack(), p -> new ArrayList<>()).add(r));
        return packs;
    }

    /**
     * How many rules count.
     *
     * @return the number of rules with a code
     */
    public int total() {
        return rules.size();
    }

    /**
     * How many rules fired at least once.
     *
     * @return that number, at most {@link #total()}
     */
    public int fired() {
        return (int) rules.stream().filter(RuleUse::fired).count();
    }

    /**
     * The share of the rules that fired.
     *
     * @return fired / total, between 0 and 1; 1 when there are no rules
     */
    public double ratio() {
        return rules.isEmpty() ? 1.0 : (double) fired() / total();
    }

    /**
     * Whether at least {@code minimum} of the rules fired.
     *
     * @param minimum a share, 0..1
     * @return true when the ratio reaches it (within rounding)
     */
    public boolean meets(double minimum) {
        return ratio() + 1e-12 >= minimum;
    }

    /**
     * One line for a test's output.
     *
     * @return for example {@code Rule coverage: 29 of 31 rules fired (93.5%)}
     */
    public String summary() {
        return String.format(Locale.ROOT, "Rule coverage: %d of %d rules fired (%.1f%%)", fired(), total(), 100 * ratio());
    }

    /**
     * The full coverage as text.
     *
     * @return the summary line and, per pack, every rule with the number of findings it produced ("never" when none)
     */
    public String toText() {
        StringBuilder sb = new StringBuilder(summary()).append('\n');
        int codeWidth = rules.stream().mapToInt(r -> r.code().length()).max().orElse(0);
        byPack().forEach((pack, uses) -> {
            long fired = uses.stream().filter(RuleUse::fired).count();
            sb.append(String.format(Locale.ROOT, "  %s: %d of %d%n", pack, fired, uses.size()));
            for (RuleUse use : uses) {
                sb.append(String.format(Locale.ROOT, "    %6s  %-" + codeWidth + "s  %s%n",
                        use.fired() ? use.firings() + "x" : "never", use.code(), use.rule()));
            }
        });
        return sb.toString();
    }

    /**
     * What a failed coverage check shows.
     *
     * @return the summary line and one line per rule that never fired: {@code pack  CODE  "rule name"}
     */
    public String neverFiredText() {
        StringBuilder sb = new StringBuilder(summary()).append('\n');
        List<RuleUse> never = neverFired();
        if (never.isEmpty()) {
            return sb.append("  every rule fired at least once\n").toString();
        }
        sb.append("  never fired:\n");
        never.forEach(r -> sb.append("    ").append(r.pack()).append("  ").append(r.code()).append("  \"")
                .append(r.rule()).append("\"\n"));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }

    /** Collects catalogs (which rules exist) and reports (which fired) over a run. */
    static final class Recorder {
        private final Map<String, RuleInfo> universe = new LinkedHashMap<>();
        private final Map<String, Integer> firings = new HashMap<>();

        synchronized void add(RuleCatalog catalog) {
            for (RuleInfo rule : catalog.rules()) {
                if (rule.code() != null && !rule.code().isBlank()) {
                    universe.putIfAbsent(key(rule.pack(), rule.name()), rule);
                }
            }
        }

        synchronized void add(EvaluationReport report) {
            for (Finding finding : report.allFindings()) {
                firings.merge(key(finding.pack(), finding.rule()), 1, Integer::sum);
            }
        }

        synchronized RuleCoverage coverage() {
            List<RuleUse> uses = new ArrayList<>();
            universe.forEach((key, rule) -> uses.add(new RuleUse(rule.pack(), rule.name(), rule.code(),
                    firings.getOrDefault(key, 0))));
            return new RuleCoverage(uses);
        }

        private static String key(String pack, String rule) {
            return pack + "\u0000" + rule;
        }
    }
}
