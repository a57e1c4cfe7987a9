package org.missionengine.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.Severity;

/**
 * The {@code ctx} global every rule file declares ({@code global org.missionengine.rules.EvaluationContext ctx;}):
 * the evaluation date, the parameters, and {@link #report} to emit a finding. A finding takes its code, severity,
 * category and criterion from the rule's metadata ({@code @code("...") @severity("...") @category("...")}), so a
 * rule's consequence says only what it found.
 */
public final class EvaluationContext {
    private final LocalDate asOf;
    private final Map<String, Object> parameters;
    private final Map<String, String> packIdsByPackage;
    private final Map<String, Severity> severities;
    private final Observer observer;

    /** Told what rules read and report through the context: how an explained evaluation sees inside the rules. */
    public interface Observer {
        /** A rule read a parameter (in a condition or a consequence). */
        void parameterRead(String name);

        /** A rule reported a finding. */
        void reported(Finding finding);
    }

    /**
     * Made by the engine for each evaluation.
     *
     * @param parameters       every parameter in force, by name (numbers, strings or booleans)
     * @param packIdsByPackage the pack id of each DRL package
     */
    public EvaluationContext(LocalDate asOf, Map<String, Object> parameters, Map<String, String> packIdsByPackage) {
        this(asOf, parameters, packIdsByPackage, Map.of());
    }

    /**
     * Made by the engine for each evaluation, with the agency's severity overrides.
     *
     * @param severities the severity to report each overridden finding code at, so that rules reasoning over
     *                   findings (the rating's "a CRITICAL finding" vote) see the severity the report shows
     */
    public EvaluationContext(LocalDate asOf, Map<String, Object> parameters, Map<String, String> packIdsByPackage,
                             Map<String, Severity> severities) {
        this.asOf = asOf;
        this.parameters = Map.copyOf(parameters);
        this.packIdsByPackage = Map.copyOf(packIdsByPackage);
        this.severities = Map.copyOf(severities);
        this.observer = null;
    }

    private EvaluationContext(EvaluationContext context, Observer observer) {
        this.asOf = context.asOf;
        this.parameters = context.parameters;
        this.packIdsByPackage = context.packIdsByPackage;
        this.severities = context.severities;
        this.observer = observer;
    }

    /** The same context, telling {@code observer} what rules read and report (for explaining an evaluation). */
    public EvaluationContext observedBy(Observer observer) {
        return new EvaluationContext(this, observer);
    }

    /** The evaluation date: observations after it are not seen. */
    public LocalDate asOf() {
        return asOf;
    }

    /** A numeric parameter, such as {@code ctx.param("washing.rebrandedShare")}. */
    public double param(String name) {
        Object value = value(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("parameter \"" + name + "\" is not a number: " + value);
    }

    private Object value(String name) {
        if (observer != null) {
            observer.parameterRead(name);
        }
        Object value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter \"" + name + "\": no pack declares it (declare it in the "
                    + "pack's pack.json with a default)");
        }
        return value;
    }

    /** True when a parameter of that name is in force. */
    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** A numeric parameter as an int (counts such as {@code crossCutting.minSectors}). */
    public int count(String name) {
        return (int) Math.round(param(name));
    }

    /** A text parameter. */
    public String text(String name) {
        return String.valueOf(value(name));
    }

    /**
     * {@link String#format} for finding messages, always with English number conventions ({@code 1,250,000} and
     * {@code 0.30}): a report reads the same on every machine, whatever the default locale of the JVM that evaluated it.
     * {@link Locale#US} writes numbers exactly as {@link Locale#ROOT} does, and the JDK's formatter takes a faster path
     * for it (about twice as fast per message).
     */
    public String format(String pattern, Object... args) {
        return String.format(Locale.US, pattern, args);
    }

    /** Months from a date to the evaluation date (negative when the date is later). */
    public long monthsSince(LocalDate date) {
        return ChronoUnit.MONTHS.between(date, asOf);
    }

    /** Years from a date to the evaluation date, with fractions. */
    public double yearsSince(LocalDate date) {
        return (asOf.toEpochDay() - date.toEpochDay()) / 365.25;
    }

    /** The values sorted by their text: sets (as accumulate's collectSet gives) read the same on every run. */
    public java.util.List<Object> sorted(Collection<?> values) {
        return values.stream().map(v -> (Object) v).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
    }

    /** The share {@code part / whole}, 0 when the whole is 0. */
    public double share(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    /** The weight a washing finding code carries in the washing risk ({@code washing.weight.CODE}, else the default). */
    public double washingWeight(String code) {
        String name = "washing.weight." + code;
        return has(name) ? param(name) : param("washing.defaultWeight");
    }

    /**
     * The washing risk of a set of washing codes: 1 − Π(1 − w), so each finding adds evidence, none alone need
     * be decisive, and the result stays within 0..1.
     */
    public double washingRisk(Collection<String> codes) {
        double clean = 1;
        for (String code : codes) {
            clean *= 1 - Math.max(0, Math.min(1, washingWeight(code)));
        }
        return 1 - clean;
    }

    /**
     * Emits a finding from the rule that is firing, logically inserted so that it disappears when the rule's
     * condition stops holding. {@code evidence} alternates names and values: {@code "share", 0.62, "threshold", 0.5}.
     */
    public Finding report(RuleContext drools, String subject, String message, Object... evidence) {
        Rule rule = drools.getRule();
        Map<String, Object> meta = rule.getMetaData();
        String code = meta(meta, "code");
        Severity severity = code != null && severities.containsKey(code) ? severities.get(code) : severity(rule, meta);
        Finding finding = new Finding(code, severity, meta(meta, "category"), subject, message,
                rule.getName(), packOf(rule), evidence(rule, evidence), criterion(rule, meta));
        drools.insertLogical(finding);
        if (observer != null) {
            observer.reported(finding);
        }
        return finding;
    }

    /** The pack id a rule belongs to (its DRL package's last segment, unless the engine mapped it). */
    String packOf(Rule rule) {
        return packIdsByPackage.getOrDefault(rule.getPackageName(), rule.getPackageName());
    }

    private static String meta(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : unquote(value.toString());
    }

    private static Severity severity(Rule rule, Map<String, Object> meta) {
        String value = meta(meta, "severity");
        if (value == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" reports a finding but has no @severity");
        }
        return Severity.valueOf(value);
    }

    private static Criterion criterion(Rule rule, Map<String, Object> meta) {
        String value = meta(meta, "criterion");
        return value == null ? null : Criterion.valueOf(value);
    }

    private static Map<String, Object> evidence(Rule rule, Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("rule \"" + rule.getName() + "\" gave evidence with an odd number of "
                    + "arguments: write name, value, name, value");
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            evidence.put(String.valueOf(pairs[i]), tidy(pairs[i + 1]));
        }
        return evidence;
    }

    private static final java.math.MathContext TEN_DIGITS = new java.math.MathContext(10);

    /** Rounds doubles to 10 significant digits so that evidence reads well and compares stably. */
    private static Object tidy(Object value) {
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            if (d == 0) {
                return 0.0; // as rounding gives it, -0.0 included
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e10) {
                return d; // a whole number of at most 10 digits (counts, most amounts) is already what rounding gives
            }
            return new java.math.BigDecimal(d).round(TEN_DIGITS).doubleValue();
        }
        if (value instanceof Float f) {
            return tidy(f.doubleValue());
        }
        if (value instanceof java.util.Set<?> set) {
            // a set has no order of its own: sort it so that evidence reads the same on every run
            return set.stream().map(EvaluationContext::tidy).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(EvaluationContext::tidy).toList();
        }
        return value;
    }

    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
