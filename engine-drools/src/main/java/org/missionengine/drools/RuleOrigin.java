package org.missionengine.drools;

import java.util.Optional;

import org.missionengine.Problem;

/**
 * Where a compiled rule is declared, to locate a problem with its metadata: the file and line of its
 * {@code rule "name"}, or its line that holds what the problem is about (for a decision table, that row's cell), else
 * the pack and the rule's name.
 */
record RuleOrigin(RulePack pack, String rule, RulePack.DrlSource source, int line) {

    /** Where the rule of that name is declared in the pack's files (as {@link RuleText} reads it for explanations). */
    static RuleOrigin of(RulePack pack, String rule) {
        return (pack == null ? Optional.<RuleText.Declaration>empty() : RuleText.declaration(pack, rule))
                .map(d -> new RuleOrigin(pack, rule, d.source(), d.line()))
                .orElseGet(() -> new RuleOrigin(pack, rule, null, 0));
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

    /** The file that declares the rule, as messages show it; null when the rule was not found. */
    String file() {
        return source == null ? null : source.displayPath();
    }

    /**
     * Where a user finds the rule: the line of its {@code rule "name"} in a DRL file; in a decision table, the cell of
     * the rule's row that wrote its line holding {@code text} (its message for {@code "format("}), else the row's
     * first cell. Only for a rule that was found ({@link #file()} not null).
     */
    String place(String text) {
        return source.origin() == null ? String.valueOf(line) : source.location(lineHolding(text), "");
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
