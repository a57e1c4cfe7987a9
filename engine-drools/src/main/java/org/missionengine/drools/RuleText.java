package org.missionengine.drools;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule as written in its DRL file: where it is, its conditions one by one (top-level conditional elements, each with
 * its line), the parameters its text reads, and the lines of the file's header (package, imports, globals) that a
 * rule written beside it needs. Read from the text, not from Drools: a best-effort reading of ordinary DRL.
 */
record RuleText(String file, int line, List<Condition> conditions, Set<String> parameters, String header,
                String drlPackage, RulePack.DrlSource source) {

    /**
     * The cell of a decision table a line of its DRL comes from, or null for a rule written in DRL (whose lines are the
     * file's own).
     */
    String cell(int drlLine, String about) {
        return source == null || source.origin() == null ? null : source.location(drlLine, about);
    }

    /** One top-level condition of a rule's {@code when} part, on one line. */
    record Condition(String text, int line) {
    }

    private static final Pattern PARAMETER = Pattern.compile("ctx\\s*\\.\\s*(?:param|count|text|has)\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*(package|import|global|dialect)\\b[^\\n]*");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b|\\bwhen\\s*$");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    /** Words that continue the condition above rather than start one. */
    private static final Pattern CONTINUATION = Pattern.compile("^(from|over|\\|\\||&&|or\\b|and\\b|\\.|\\)|,|init|action|reverse|result)");

    /**
     * Where the rule of that name is declared ({@code rule "name"}, {@code rule 'name'} or {@code rule name}) in the
     * pack's files, comments skipped: the one reading of a rule's place that explanations and errors share.
     *
     * @param source the file that declares it
     * @param text   that file's text with comments blanked out (lines kept)
     * @param start  where in {@code text} the declaration starts
     * @param end    where it ends
     * @param line   the line of the rule's name
     */
    record Declaration(RulePack.DrlSource source, String text, int start, int end, int line) {
    }

    /** The declaration of the rule of that name in the pack's files, if it can be found. */
    static Optional<Declaration> declaration(RulePack pack, String ruleName) {
        String name = Pattern.quote(ruleName);
        Pattern start = Pattern.compile("(?m)^\\s*rule\\s+(\"" + name + "\"|'" + name + "'|" + name + "(?=\\s|$))");
        for (RulePack.DrlSource source : pack.sources()) {
            String text = withoutComments(source.text());
            Matcher m = start.matcher(text);
            if (m.find()) {
                return Optional.of(new Declaration(source, text, m.start(), m.end(), lineOf(text, m.start(1))));
            }
        }
        return Optional.empty();
    }

    /** The rule of that name in the pack's files, if its text can be found. */
    static Optional<RuleText> find(RulePack pack, String ruleName) {
        return declaration(pack, ruleName).map(d -> read(pack, d));
    }

    private static RuleText read(RulePack pack, Declaration declaration) {
        String text = declaration.text();
        RulePack.DrlSource source = declaration.source();
        Matcher when = WHEN.matcher(text);
        Matcher then = THEN.matcher(text);
        if (!when.find(declaration.end()) || !then.find(when.end())) {
            return new RuleText(source.displayPath(), declaration.line(), List.of(), Set.of(), "", pack.drlPackage(),
                    source);
        }
        int end = text.indexOf("\nend", then.end());
        String body = text.substring(declaration.start(), end < 0 ? text.length() : end);
        Set<String> parameters = parametersIn(body);
        List<Condition> conditions = split(text.substring(when.end(), then.start()), lineOf(text, when.end()));
        StringBuilder header = new StringBuilder();
        Matcher h = HEADER.matcher(text);
        while (h.find()) {
            header.append(h.group().strip()).append('\n');
        }
        return new RuleText(source.displayPath(), declaration.line(), conditions, parameters, header.toString(),
                pack.drlPackage(), source);
    }

    /** The top-level conditions of a {@code when} part that starts on line {@code firstLine}. */
    static List<Condition> split(String lhs, int firstLine) {
        List<Condition> conditions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentLine = 0;
        int depth = 0;
        String[] lines = lhs.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (depth == 0 && current.length() > 0 && !CONTINUATION.matcher(line).find()) {
                conditions.add(new Condition(current.toString(), currentLine));
                current.setLength(0);
            }
            if (current.length() == 0) {
                currentLine = firstLine + i;
            } else {
                current.append(' ');
            }
            current.append(line);
            depth += depth(line);
        }
        if (current.length() > 0) {
            conditions.add(new Condition(current.toString(), currentLine));
        }
        return conditions;
    }

    /** The change in bracket depth over a piece of DRL, strings skipped. */
    private static int depth(String text) {
        int[] depth = {0};
        scan(text, (c, d) -> depth[0] = d);
        return depth[0];
    }

    /** Calls {@code each} with every character outside strings and the bracket depth after it. */
    private static void scan(String text, CharAtDepth each) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            }
            each.accept(quoted ? 0 : c, depth);
        }
    }

    private interface CharAtDepth {
        void accept(char c, int depth);
    }

    /** The constraints of a pattern {@code [$x :] Type( a, b, c )}, split at its top-level commas; empty otherwise. */
    static Optional<PatternCondition> pattern(String condition) {
        Matcher m = Pattern.compile("^(\\$\\w+\\s*:\\s*)?([A-Z][\\w.]*)\\s*\\((.*)\\)$", Pattern.DOTALL)
                .matcher(condition);
        if (!m.matches()) {
            return Optional.empty();
        }
        String inside = m.group(3);
        List<Integer> commas = new ArrayList<>();
        int[] lowest = {0};
        int[] index = {0};
        scan(inside, (c, depth) -> {
            lowest[0] = Math.min(lowest[0], depth);
            if (c == ',' && depth == 0) {
                commas.add(index[0]);
            }
            index[0]++;
        });
        if (lowest[0] < 0 || depth(inside) != 0) {
            return Optional.empty(); // "A( x ) from B( y )": not one pattern
        }
        List<String> constraints = new ArrayList<>();
        int from = 0;
        commas.add(inside.length());
        for (int comma : commas) {
            String constraint = inside.substring(from, comma).strip();
            if (!constraint.isEmpty()) {
                constraints.add(constraint);
            }
            from = comma + 1;
        }
        return Optional.of(new PatternCondition(m.group(1) == null ? "" : m.group(1), m.group(2), constraints));
    }

    /** A pattern's binding ({@code "$p : "} or empty), fact type and constraints. */
    record PatternCondition(String binding, String type, List<String> constraints) {
        /** The pattern with its first {@code n} constraints only. */
        String prefix(int n) {
            return binding + type + "( " + String.join(", ", constraints.subList(0, n)) + " )";
        }
    }

    /** The parameters a piece of rule text reads by name. */
    static Set<String> parametersIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher p = PARAMETER.matcher(text);
        while (p.find()) {
            names.add(p.group(1));
        }
        return names;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text with comments blanked out, line breaks kept (so lines still count right). */
    static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (!quoted && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                if (i < text.length()) {
                    sb.append('\n');
                }
                continue;
            }
            if (!quoted && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (int k = i; k < end; k++) {
                    sb.append(text.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end - 1;
                continue;
            }
            if (c == '\n') {
                quoted = false; // DRL strings do not span lines: a stray quote must not swallow the file
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
