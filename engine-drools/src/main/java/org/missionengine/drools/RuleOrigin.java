package org.missionengine.drools;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.missionengine.Problem;

/**
 * Where a compiled rule is declared, to locate a problem with its metadata: the file and line of its
 * {@code rule "name"}, or its line that holds what the problem is about (for a decision table, that row's cell), else
 * the pack and the rule's name.
 */
record RuleOrigin(RulePack pack, String rule, RulePack.DrlSource source, int line) {

    static RuleOrigin of(RulePack pack, String rule) {
        if (pack != null) {
            Pattern declaration = Pattern.compile("(?m)^\\s*rule\\s+(\"" + Pattern.quote(rule) + "\"|"
                    + Pattern.quote(rule) + ")\\s");
            for (RulePack.DrlSource source : pack.sources()) {
                Matcher m = declaration.matcher(source.text());
                if (m.find()) {
                    int line = 1 + (int) source.text().substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    return new RuleOrigin(pack, rule, source, line);
                }
            }
        }
        return new RuleOrigin(pack, rule, null, 0);
    }

    /**
     * A problem with the rule, located at its declaration.
     *
     * @param about the text the problem is about (a misspelt severity), to find a decision table's cell
     */
    Problem problem(String about, String message, String hint) {
        if (source == null) {
            return new Problem(pack == null ? null : pack.source(), "rule \"" + rule + "\"", message, hint);
        }
        return new Problem(source.displayPath(), source.location(lineHolding(about), about), "rule \"" + rule + "\": "
                + message, hint);
    }

    /** True when the rule comes from a file translated to DRL (a decision table), whose places are not DRL lines. */
    boolean translated() {
        return source != null && source.origin() != null;
    }

    /** The file that declares the rule, as messages show it; null when the rule was not found. */
    String file() {
        return source == null ? null : source.displayPath();
    }

    /**
     * Where a user finds the rule's line that holds {@code text} (its first line when none does or {@code text} is
     * empty): for a decision table, the cell of the rule's row that wrote that line (its message for
     * {@code "format("}), else the row's first cell.
     */
    String place(String text) {
        return source.location(lineHolding(text), "");
    }

    /** The line of the rule that holds {@code about} (its @severity line), else the rule's first line. */
    private int lineHolding(String about) {
        String[] lines = source.text().split("\n", -1);
        for (int i = line - 1; !about.isEmpty() && i < lines.length; i++) {
            if (lines[i].contains(about)) {
                return i + 1;
            }
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return line;
    }
}
