package org.missionengine.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import org.missionengine.internal.Money;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.Rating;
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
    private final String currency;
    private final Observer observer;

    /** Told what rules read and report through the context: how an explained evaluation sees inside the rules. */
    public interface Observer {
        /**
         * A rule read a parameter (in a condition or a consequence).
         *
         * @param name the parameter's name
         */
        void parameterRead(String name);

        /**
         * A rule reported a finding.
         *
         * @param finding the finding, as it goes into the report
         */
        void reported(Finding finding);
    }

    /**
     * Made by the engine for each evaluation.
     *
     * @param asOf             the evaluation date
     * @param parameters       every parameter in force, by name (numbers, strings or booleans)
     * @param packIdsByPackage the pack id of each DRL package
     */
    public EvaluationContext(LocalDate asOf, Map<String, Object> parameters, Map<String, String> packIdsByPackage) {
        this(asOf, parameters, packIdsByPackage, Map.of());
    }

    /**
     * Made by the engine for each evaluation, with the agency's severity overrides.
     *
     * @param asOf             the evaluation date
     * @param parameters       every parameter in force, by name (numbers, strings or booleans)
     * @param packIdsByPackage the pack id of each DRL package
     * @param severities       the severity to report each overridden finding code at, so that rules reasoning over
     *                         findings (the rating's "a CRITICAL finding" vote) see the severity the report shows
     */
    public EvaluationContext(LocalDate asOf, Map<String, Object> parameters, Map<String, String> packIdsByPackage,
                             Map<String, Severity> severities) {
        this(asOf, parameters, packIdsByPackage, severities, null);
    }

    /**
     * Made by the engine for each evaluation of a portfolio.
     *
     * @param asOf             the evaluation date
     * @param parameters       every parameter in force, by name (numbers, strings or booleans)
     * @param packIdsByPackage the pack id of each DRL package
     * @param severities       the severity to report each overridden finding code at
     * @param currency         the portfolio's currency, which {@link #money} writes before amounts (null: none)
     */
    public EvaluationContext(LocalDate asOf, Map<String, Object> parameters, Map<String, String> packIdsByPackage,
                             Map<String, Severity> severities, String currency) {
        this.currency = currency;
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
        this.currency = context.currency;
        this.observer = observer;
    }

    /**
     * The same context, telling {@code observer} what rules read and report (for explaining an evaluation).
     *
     * @param observer told of every parameter read and finding reported
     * @return a new context with the same date, parameters and overrides
     */
    public EvaluationContext observedBy(Observer observer) {
        return new EvaluationContext(this, observer);
    }

    /**
     * The evaluation date: observations after it are not seen.
     *
     * @return the date the portfolio is evaluated as of
     */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * A numeric parameter, such as {@code ctx.param("washing.rebrandedShare")}.
     *
     * @param name the parameter's name
     * @return its value; a boolean parameter reads as 1 (true) or 0 (false)
     * @throws IllegalArgumentException naming the parameter when no pack declares it or its value is not a number
     */
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

    /**
     * Whether a parameter of that name is in force (declared by a pack, or set by the portfolio or an option).
     *
     * @param name the parameter's name
     * @return true when it is
     */
    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /**
     * A numeric parameter as an int (counts such as {@code crossCutting.minSectors}).
     *
     * @param name the parameter's name
     * @return its value, rounded to the nearest whole number
     * @throws IllegalArgumentException naming the parameter when no pack declares it or its value is not a number
     */
    public int count(String name) {
        return (int) Math.round(param(name));
    }

    /**
     * A text parameter.
     *
     * @param name the parameter's name
     * @return its value as text (a number as Java writes it)
     * @throws IllegalArgumentException naming the parameter when no pack declares it
     */
    public String text(String name) {
        return String.valueOf(value(name));
    }

    /**
     * {@link String#format} for finding messages, always with English number conventions ({@code 1,250,000} and
     * {@code 0.30}): a report reads the same on every machine, whatever the default locale of the JVM that evaluated it.
     * {@link Locale#US} writes numbers exactly as {@link Locale#ROOT} does, and the JDK's formatter takes a faster path
     * for it (about twice as fast per message).
     *
     * @param pattern a {@link java.util.Formatter} pattern
     * @param args    the values it formats
     * @return the text
     */
    public String format(String pattern, Object... args) {
        return String.format(Locale.US, pattern, args);
    }

    /**
     * The first {@code shown} entries of a map ordered largest first, each as its key followed by its value in
     * {@code valueFormat}, then how many others there are: "water (0.2), energy (0.1) and 3 other sectors". Rule files may
     * not loop (a loop in a consequence could not be stopped), so the lists a message names are written here.
     *
     * @param ordered     the entries, already ordered largest first
     * @param shown       how many to name
     * @param valueFormat the pattern written after each key, such as {@code " (%.1f)"}
     * @param otherOne    the noun for one entry not named ({@code "other sector"})
     * @param otherMany   the noun for several ({@code "other sectors"})
     * @return the text; the named entries as English lists them ("a, b and c") when there are no others
     */
    public String largestFirst(Map<?, ? extends Number> ordered, int shown, String valueFormat, String otherOne,
                               String otherMany) {
        return largestFirst(ordered, shown, value -> format(valueFormat, value), otherOne, otherMany);
    }

    /**
     * As {@link #largestFirst(Map, int, String, String, String)}, each value an amount of money in the portfolio's
     * currency: "energy (EUR 2,508,000,000) and transport (EUR 752,400,000)".
     *
     * @param ordered   the entries, already ordered largest first
     * @param shown     how many to name
     * @param otherOne  the noun for one entry not named
     * @param otherMany the noun for several
     * @return the text
     */
    public String largestAmountsFirst(Map<?, ? extends Number> ordered, int shown, String otherOne,
                                      String otherMany) {
        return largestFirst(ordered, shown, value -> " (" + money(value.doubleValue()) + ")", otherOne, otherMany);
    }

    private String largestFirst(Map<?, ? extends Number> ordered, int shown,
                                java.util.function.Function<Number, String> value, String otherOne, String otherMany) {
        java.util.List<String> named = new java.util.ArrayList<>();
        int entries = 0;
        for (Map.Entry<?, ? extends Number> entry : ordered.entrySet()) {
            if (entries++ < shown) {
                named.add(entry.getKey() + value.apply(entry.getValue()));
            }
        }
        int others = entries - shown;
        return others <= 0 ? join(named)
                : String.join(", ", named) + " and " + others + " " + (others == 1 ? otherOne : otherMany);
    }

    /**
     * Whole months from a date to the evaluation date.
     *
     * @param date a date
     * @return the months, negative when the date is after the evaluation date
     */
    public long monthsSince(LocalDate date) {
        return ChronoUnit.MONTHS.between(date, asOf);
    }

    /**
     * Whole months from one date to another.
     *
     * @param from the earlier date
     * @param to   the later date
     * @return the months between them; negative when {@code to} comes first
     */
    public long monthsBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.MONTHS.between(from, to);
    }

    /**
     * A span of years in months, as a reader counts them: "less than a month", "1 month", "7 months".
     *
     * @param years the span, in years (12 months are 1, as {@code TargetTrajectory.trendSpanYears()} counts it)
     * @return the text
     */
    public String months(double years) {
        long months = Math.round(years * 12);
        return months == 0 ? "less than a month" : months == 1 ? "1 month" : months + " months";
    }

    /**
     * Years from a date to the evaluation date, with fractions (days / 365.25).
     *
     * @param date a date
     * @return the years, negative when the date is after the evaluation date
     */
    public double yearsSince(LocalDate date) {
        return (asOf.toEpochDay() - date.toEpochDay()) / 365.25;
    }

    /**
     * The values sorted by their text: sets (as accumulate's collectSet gives) read the same on every run.
     *
     * @param values the values
     * @return a new list of them, sorted by {@link String#valueOf(Object)}
     */
    public java.util.List<Object> sorted(Collection<?> values) {
        return values.stream().map(v -> (Object) v).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
    }

    /**
     * The share {@code part / whole}, 0 when the whole is 0.
     *
     * @param part  the part
     * @param whole the whole
     * @return the share; 0 rather than NaN or infinity for a whole of 0
     */
    public double share(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    /**
     * Numbers for prose: whole numbers with thousands separators ({@code 3,500,000}), others to three significant
     * digits ({@code 0.296}, {@code 12.5}), never in scientific notation for the values missions deal in.
     *
     * @param value the number
     * @return its text
     */
    public String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.US, "%,.0f", value);
        }
        // from the shortest decimal that reads back as the value (the digits its evidence shows), not its binary
        // fraction: 0.1235 reads 0.124, as a reader rounds it
        java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(value).round(THREE_DIGITS);
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.US, "%,.0f", rounded.doubleValue());
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * A score to 2 decimals beside the threshold it is judged against, or to 4 where 2 would hide which side of it the
     * score is on: "0.5967, under 0.60" rather than "0.60, under 0.60".
     *
     * @param value     the score
     * @param threshold the threshold it is compared with
     * @return the score's text (the message writes the threshold itself)
     */
    public String against(double value, double threshold) {
        return beside(value, threshold, 1, "%.2f", "%.4f");
    }

    /**
     * A score to 2 decimals between two thresholds, or to 4 where 2 would hide which side of either it is on: a
     * PROMISING score of 0.7963 reads "0.7963" beside STRONG's 0.80, not "0.80".
     *
     * @param value the score
     * @param lower the threshold it is at or above
     * @param upper the threshold it is under
     * @return the score's text
     */
    public String between(double value, double lower, double upper) {
        String shown = against(value, lower);
        return shown.equals(String.format(Locale.US, "%.2f", value)) ? against(value, upper) : shown;
    }

    /**
     * A share as a percentage beside its threshold, with decimals where whole percents would hide the side:
     * {@code 60%}, or {@code 59.67%} against a threshold of 0.60.
     *
     * @param share     the share, 0..1
     * @param threshold the threshold it is compared with, 0..1
     * @return the share's text as a percentage
     */
    public String percentAgainst(double share, double threshold) {
        return beside(share, threshold, 100, "%.0f%%", "%.2f%%");
    }

    /** {@code value} (times {@code scale}) in {@code format}, or {@code precise} where it would read as the threshold. */
    private static String beside(double value, double threshold, double scale, String format, String precise) {
        String shown = String.format(Locale.US, format, scale * value);
        boolean hidden = value != threshold && shown.equals(String.format(Locale.US, format, scale * threshold));
        return hidden ? String.format(Locale.US, precise, scale * value) : shown;
    }

    /**
     * A value with its unit, as prose writes it: {@code 42.4 MtCO2e}, {@code 12%}, {@code 1,250 homes}.
     *
     * @param value the value
     * @param unit  the metric's unit, or null
     * @return the text; no space before {@code %}, no unit when there is none
     */
    public String quantity(double value, String unit) {
        return number(value) + (unit == null || unit.isBlank() ? "" : ("%".equals(unit.strip()) ? "" : " ") + unit.strip());
    }

    /**
     * A goal as prose writes it: {@code 30 MtCO2e by 2035-12-31}; a part the record leaves out says so.
     *
     * @param goal a goal: a value and the date it is due by
     * @param unit the metric's unit, or null
     * @return the text
     */
    public String goal(org.missionengine.model.DatedValue goal, String unit) {
        String value = goal.value() == null ? "a value not recorded" : quantity(goal.value(), unit);
        return goal.date() == null ? value + " (no date recorded)" : value + " by " + goal.date();
    }

    /**
     * A signed rate per year with its unit: {@code -5.84 MtCO2e/yr}, {@code +0.5%/yr}.
     *
     * @param value the rate per year
     * @param unit  the metric's unit, or null
     * @return the text, with a {@code +} before a rise
     */
    public String perYear(double value, String unit) {
        return (value > 0 ? "+" : "") + quantity(value, unit) + "/yr";
    }

    /**
     * An amount of money in the portfolio's currency, to the unit: {@code EUR 3,500,000}.
     *
     * @param amount the amount
     * @return the text; without a currency when the portfolio names none
     */
    public String money(double amount) {
        return Money.of(currency, amount);
    }

    /**
     * The portfolio's currency.
     *
     * @return its code (such as EUR), or null when the portfolio names none
     */
    public String currency() {
        return currency;
    }

    /**
     * A count in words: {@code plural(0, "project", "projects")} is "no projects", then "1 project", "3 projects".
     *
     * @param count    the count
     * @param singular the noun for one
     * @param plural   the noun for several or none
     * @return the text
     */
    public String plural(int count, String singular, String plural) {
        return count == 0 ? "no " + plural : count == 1 ? "1 " + singular : count + " " + plural;
    }

    /**
     * Part of the mission's items in words: "the mission's only project" (1 of 1), "both of the mission's projects",
     * "all 3 of the mission's projects", "2 of the mission's 5 projects".
     *
     * @param part     how many of the items the sentence is about
     * @param whole    how many items the mission has
     * @param singular the noun for one
     * @param plural   the noun for several
     * @return the text
     */
    public String someOfTheMissions(int part, int whole, String singular, String plural) {
        if (whole == 1 && part == 1) {
            return "the mission's only " + singular;
        }
        if (part == whole) {
            return (whole == 2 ? "both" : "all " + whole) + " of the mission's " + plural;
        }
        return part + " of the mission's " + whole + " " + plural;
    }

    /**
     * Items joined as English lists them: "a", "a and b", "a, b and c"; "none" when there are none.
     *
     * @param items the items, in the order to name them
     * @return the text
     */
    public String join(Collection<?> items) {
        List<String> texts = items.stream().map(String::valueOf).toList();
        if (texts.isEmpty()) {
            return "none";
        }
        if (texts.size() == 1) {
            return texts.get(0);
        }
        return String.join(", ", texts.subList(0, texts.size() - 1)) + " and " + texts.get(texts.size() - 1);
    }

    /**
     * Weighs one item of evidence a mission's record should hold: inserts an {@link EvidenceItem} with the share
     * recorded and, while the item is not fully recorded, reports the rule's DATA finding as {@link #report} does.
     *
     * @param drools   the firing rule's context ({@code drools} in a consequence)
     * @param subject  the mission, project or target id the finding names
     * @param weight   the item's weight in the mission's evidence score
     * @param recorded the share of the item the record holds, 0..1
     * @param message  the finding's message, for when the item is not fully recorded
     * @param evidence the finding's evidence as alternating names and values; {@code recorded} is added
     */
    public void evidence(RuleContext drools, String subject, double weight, double recorded, String message,
                         Object... evidence) {
        String code = meta(drools.getRule().getMetaData(), "code");
        drools.insertLogical(new EvidenceItem(code, weight, recorded));
        if (recorded < 1) {
            Object[] withShare = java.util.Arrays.copyOf(evidence, evidence.length + 2);
            withShare[evidence.length] = "recorded";
            withShare[evidence.length + 1] = recorded;
            report(drools, subject, message, withShare);
        }
    }

    /**
     * Gives the mission its rating, with the one line that says why (the rating's name is put in front of it). The
     * engine takes exactly one rating per mission: an evaluation in which a mission gets none or two is refused,
     * naming the rules and packs.
     *
     * @param drools the firing rule's context ({@code drools} in a consequence)
     * @param rating the rating
     * @param reason why, with the figures, such as {@code outcome targets on course, score 0.87}
     * @return the verdict, logically inserted
     */
    public RatingVerdict rate(RuleContext drools, Rating rating, String reason) {
        Rule rule = drools.getRule();
        RatingVerdict verdict = new RatingVerdict(rating, rating + ": " + reason, rule.getName(), packOf(rule));
        drools.insertLogical(verdict);
        return verdict;
    }

    /**
     * Emits a finding from the rule that is firing, logically inserted so that it disappears when the rule's
     * condition stops holding. Its code, category and criterion come from the rule's metadata, its severity from an
     * override of the code or else the rule's {@code @severity}.
     *
     * @param drools   the firing rule's context ({@code drools} in a consequence)
     * @param subject  the mission, project or target id the finding is about
     * @param message  a sentence a policy officer understands, with the numbers
     * @param evidence alternating names and values: {@code "share", 0.62, "threshold", 0.5}; doubles are rounded to 10
     *                 significant digits and sets sorted, so reports compare stably
     * @return the finding
     * @throws IllegalArgumentException when the evidence has an odd number of arguments
     * @throws IllegalStateException    when the rule has a {@code @code} but no {@code @severity}
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
    private static final java.math.MathContext THREE_DIGITS = new java.math.MathContext(3);

    /** Rounds doubles to 10 significant digits so that evidence reads well and compares stably. */
    private static Object tidy(Object value) {
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            if (d == 0) {
                return 0.0; // as rounding gives it, -0.0 included
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e10) {
                return d; // a whole number of at most 10 digits (counts, most amounts) is already what rounding gives
            }
            // from the shortest decimal that reads back as d (the digits a reader sees), not its binary fraction: the
            // same digits, and no arithmetic on a 50-digit expansion for every number of every finding
            return java.math.BigDecimal.valueOf(d).round(TEN_DIGITS).doubleValue();
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
