package org.missionengine.decisiontables;

import java.util.IllegalFormatException;
import java.util.IllegalFormatPrecisionException;
import java.util.FormatFlagsConversionMismatchException;
import java.util.Locale;
import java.util.MissingFormatWidthException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a finding's message written in a table's cell, a {@link java.util.Formatter} pattern that a snippet hands to
 * {@code ctx.format("$param", ...)}, before the rule ever fires: a {@code %} that starts no value (a trailing
 * {@code 100%}), an unknown conversion ({@code %q}), a percent sign that reads as a value ({@code 50% of} is
 * {@code % o}, an octal number), a value the snippet does not pass. What values the rule passes is known only when it
 * fires: a {@code %d} given a decimal number is reported then, at this cell.
 */
final class MessagePatterns {
    /** A format specifier, as {@link java.util.Formatter} reads one. */
    private static final Pattern SPECIFIER = Pattern.compile(
            "%(\\d+\\$)?([-#+ 0,(<]*)?(\\d+)?(\\.\\d+)?([tT])?([a-zA-Z%])");
    private static final String CONVERSIONS = "bBhHsScCdoxXeEfgGaA%n";
    private static final String DATE_CONVERSIONS = "HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc";
    private static final String VALUES_HINT = "A value is written %s (text), %d (a whole number) or %.1f (a number "
            + "with one decimal); a percent sign is written %%.";

    /** What is wrong with a message: what to say, and how to fix it. */
    record Mistake(String message, String hint) {
    }

    private MessagePatterns() {
    }

    /**
     * The first mistake in {@code pattern}, or null.
     *
     * @param values  how many values the snippet passes after the pattern; -1 when that cannot be told
     * @param snippet the cell of the snippet that passes them, to name in a message
     */
    static Mistake check(String pattern, int values, String snippet) {
        int ordinary = 0;
        int last = 0;
        int needed = 0;
        Matcher m = SPECIFIER.matcher(pattern);
        for (int i = pattern.indexOf('%'); i >= 0; i = pattern.indexOf('%', i)) {
            if (!m.region(i, pattern.length()).lookingAt()) {
                return new Mistake("the message has a \"%\" that starts no value: \"" + excerpt(pattern, i, i + 1)
                        + "\"", "Write %% for a percent sign.");
            }
            String spec = m.group();
            String flags = m.group(2) == null ? "" : m.group(2);
            char conversion = m.group(6).charAt(0);
            boolean date = m.group(5) != null;
            String shown = "\"" + spec + "\" in the message";
            if (date ? DATE_CONVERSIONS.indexOf(conversion) < 0 : CONVERSIONS.indexOf(conversion) < 0) {
                return new Mistake(shown + " is not a value: \"" + excerpt(pattern, i, m.end()) + "\"", VALUES_HINT);
            }
            boolean spaceThenLetter = flags.equals(" ") && m.group(1) == null && m.group(3) == null
                    && m.group(4) == null && Character.isLetter(spec.charAt(spec.length() - 1));
            boolean paddedPercent = conversion == '%' && !spec.equals("%%");
            if (spaceThenLetter || paddedPercent) {
                return new Mistake(shown + " reads as " + (paddedPercent ? "a padded percent sign" : "a value")
                        + ", not as a percent sign: \"" + excerpt(pattern, i, m.end()) + "\"",
                        "Write %% for a percent sign.");
            }
            String alone = "%" + flags.replace("<", "") + (m.group(3) == null ? "" : m.group(3))
                    + (m.group(4) == null ? "" : m.group(4)) + (date ? m.group(5) : "") + conversion;
            try {
                String.format(Locale.US, alone, (Object) null);
            } catch (IllegalFormatException e) {
                return new Mistake(shown + " is not a valid value" + reason(e, conversion), VALUES_HINT);
            }
            if (conversion != '%' && conversion != 'n') {
                int index = m.group(1) != null ? Integer.parseInt(m.group(1).substring(0, m.group(1).length() - 1))
                        : flags.contains("<") ? last : ++ordinary;
                last = index;
                needed = Math.max(needed, index);
            }
            i = m.end();
        }
        if (values >= 0 && needed > values) {
            return new Mistake("the message shows " + needed + " values, but the snippet at " + snippet + " gives it "
                    + values, "Show at most " + values + " (the values are taken in order, or by number: %1$s is the "
                    + "first), or write %% for a percent sign.");
        }
        try {
            String.format(Locale.US, pattern, new Object[Math.max(values, needed)]);
        } catch (IllegalFormatException e) {
            return new Mistake("the message is not a valid pattern (" + e.getClass().getSimpleName() + ")",
                    VALUES_HINT);
        }
        return null;
    }

    /** Why a specifier is invalid, in a rule author's words: ": %d takes no precision". */
    private static String reason(IllegalFormatException e, char conversion) {
        if (e instanceof IllegalFormatPrecisionException) {
            return ": %" + conversion + " takes no precision (the \".\" and digits)";
        }
        if (e instanceof FormatFlagsConversionMismatchException f) {
            return ": %" + conversion + " does not take the flag \"" + f.getFlags() + "\"";
        }
        if (e instanceof MissingFormatWidthException) {
            return ": the flag \"-\" or \"0\" needs a width, as in %-10s";
        }
        return "";
    }

    /** The words around {@code start..end}: "...hold 100%". */
    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 20);
        int to = Math.min(text.length(), end + 10);
        while (from > 0 && from < start && text.charAt(from - 1) != ' ') {
            from++;
        }
        while (to < text.length() && to > end && text.charAt(to) != ' ') {
            to--;
        }
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
    }

    /**
     * How many values a call passes after its pattern, counted from {@code from} (right after the pattern's
     * argument) to the call's closing parenthesis: 0 for {@code ctx.format("$param")}; -1 when that cannot be told.
     */
    static int valuesAfter(String snippet, int from) {
        int i = from;
        while (i < snippet.length() && Character.isWhitespace(snippet.charAt(i))) {
            i++;
        }
        if (i >= snippet.length() || snippet.charAt(i) != ',' && snippet.charAt(i) != ')') {
            return -1;
        }
        if (snippet.charAt(i) == ')') {
            return 0;
        }
        int depth = 0;
        int count = 1;
        for (i++; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (c == '"' || c == '\'') {
                int close = i + 1;
                while (close < snippet.length() && snippet.charAt(close) != c) {
                    close += snippet.charAt(close) == '\\' ? 2 : 1;
                }
                if (close >= snippet.length()) {
                    return -1;
                }
                i = close;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return c == ')' ? count : -1;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                count++;
            }
        }
        return -1;
    }
}
