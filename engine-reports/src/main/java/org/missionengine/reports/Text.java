package org.missionengine.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.missionengine.internal.Money;

/**
 * Number formatting and word wrapping as the built-in reports do them, for a {@link ReportWriter} of your own and for
 * the {@code mission-eval} tool's other output, so that every format shows a number the same way.
 */
public final class Text {
    /** The width text output is wrapped at, in characters. */
    public static final int WIDTH = 80;
    /** Joins words that must stay on one line, such as a number and its unit; printed as a space. */
    static final char GLUE = '\u00A0';

    private Text() {
    }

    /**
     * A number as a person writes it: 1,250,000 and 88,871 for amounts and levels from a thousand, 12.35 below, 0.35
     * for shares and three significant digits below one (0.0334), no binary noise. Halves round up, as the findings'
     * messages ({@link String#format}) round them, so a figure reads the same in a message and in the evidence beside
     * it.
     *
     * @param value the number
     * @return the number written out, in every locale the same
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double abs = Math.abs(value);
        if (abs >= 1_000) {
            return format("#,##0", value);
        }
        if (abs >= 1) {
            return format("0.##", value);
        }
        if (abs == 0) {
            return "0";
        }
        // below one, three significant digits from the shortest decimal, as the messages round
        // (EvaluationContext.number): a rate of 0.0334/yr reads 0.0334 in the target's line and in its finding
        return BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String format(String pattern, double value) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        // from the shortest decimal that reads back as the value (12216842.5, not 12216842.4999...), as String.format
        return format.format(BigDecimal.valueOf(value));
    }

    /**
     * As {@link #number(double)}, and "n/a" for no number.
     *
     * @param value the number, or null
     * @return the number written out, or "n/a"
     */
    public static String number(Double value) {
        return value == null ? "n/a" : number(value.doubleValue());
    }

    /**
     * An amount of money in its currency, as the findings' messages write it: to the unit, with thousands separators
     * ({@code EUR 6,000,000}, {@code GBP -541,333}).
     *
     * @param currency the currency's code, such as the portfolio's; null for none
     * @param amount   the amount
     * @return the amount written out with its currency
     */
    public static String money(String currency, double amount) {
        return Money.of(currency, amount);
    }

    /**
     * A rate with its sign: +1.5, -0.2.
     *
     * @param value the rate, or null
     * @return the rate written out with its sign, or "n/a"
     */
    public static String signed(Double value) {
        if (value == null) {
            return "n/a";
        }
        String s = number(value.doubleValue());
        return value > 0 ? "+" + s : s;
    }

    /**
     * Any evidence value: numbers formatted, lists and maps element by element.
     *
     * @param value a finding's evidence value (a number, a string, a list or a map of them), or null
     * @return the value written out; "none" for null
     */
    public static String value(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long l = ((Number) value).longValue();
            return Math.abs(l) >= 100_000 ? number((double) l) : Long.toString(l);
        }
        if (value instanceof BigDecimal b) {
            return number(b.doubleValue());
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Text::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /**
     * Appends {@code text} wrapped at {@link #WIDTH}, every line indented by {@code indent} spaces.
     *
     * @param sb     where the lines go, each ending with a line break
     * @param text   the text; its line breaks start new paragraphs
     * @param indent the spaces before each line
     */
    public static void wrap(StringBuilder sb, String text, int indent) {
        String pad = " ".repeat(indent);
        int max = Math.max(WIDTH - indent, 30);
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                    sb.append(pad).append(line.toString().replace(GLUE, ' ')).append('\n');
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            sb.append(pad).append(line.toString().replace(GLUE, ' ')).append('\n');
        }
    }

    /**
     * A count and its noun: "1 rule", "3 rules".
     *
     * @param n          the count
     * @param singular   the noun for one
     * @param pluralForm the noun for any other count
     * @return the count and the noun
     */
    public static String plural(long n, String singular, String pluralForm) {
        return n + " " + (n == 1 ? singular : pluralForm);
    }
}
