package org.missionengine.drools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;

/**
 * The parameters a rule file reads by name — {@code ctx.param("...")}, {@code ctx.count("...")},
 * {@code ctx.text("...")} — checked against those the packs declare when the rules load, so that a misspelt name is
 * refused at {@code file:line} before any evaluation instead of failing every one.
 */
final class ParameterReferences {
    /** The name the file gives the evaluation context: "global org.missionengine.rules.EvaluationContext ctx;". */
    private static final Pattern CONTEXT_GLOBAL = Pattern.compile(
            "\\bglobal\\s+(?:org\\s*\\.\\s*missionengine\\s*\\.\\s*rules\\s*\\.\\s*)?EvaluationContext\\s+([\\w$]+)");
    /** Names built at run time ("washing.weight." + code) are not checked: only a whole literal is. */
    private static final String READ = "\\b%s\\s*\\.\\s*(param|count|text)\\s*\\(\\s*\"([^\"\\\\]+)\"\\s*\\)";
    /** Declared as a family by the rating pack: any code's weight. */
    private static final String WEIGHT_PREFIX = "washing.weight.";

    private ParameterReferences() {
    }

    /** Every read of an undeclared parameter in the custom packs' files, each where the file holds it. */
    static List<Problem> undeclared(List<RulePack> packs, Set<String> declared) {
        List<Problem> problems = new ArrayList<>();
        for (RulePack pack : packs) {
            if (pack.builtIn()) {
                continue; // checked by the engine's own tests
            }
            for (RulePack.DrlSource source : pack.sources()) {
                problems.addAll(undeclared(source, declared));
            }
        }
        return problems;
    }

    /**
     * Every parameter of a custom pack whose default in its pack.json is not a number (text such as "fifty") while a
     * rule reads it as one ({@code ctx.param}, {@code ctx.count}): refused at the pack.json's parameter, naming where
     * it is read, instead of failing every evaluation at the first mission the rule matches.
     */
    static List<Problem> nonNumericDefaults(List<RulePack> packs) {
        Map<String, RulePack> declaring = new LinkedHashMap<>();
        packs.forEach(pack -> pack.parameters().keySet().forEach(name -> declaring.put(name, pack)));
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (RulePack pack : packs) {
            if (pack.builtIn()) {
                continue;
            }
            for (RulePack.DrlSource source : pack.sources()) {
                for (Read read : reads(source)) {
                    RulePack owner = declaring.get(read.name());
                    if (!read.numeric() || owner == null || owner.builtIn() || problems.containsKey(read.name())) {
                        continue;
                    }
                    Object value = owner.parameters().get(read.name()).defaultValue();
                    if (value instanceof Number || value instanceof Boolean) {
                        continue;
                    }
                    String text = String.valueOf(value);
                    boolean quotedNumber = Parameters.parse(text) instanceof Double;
                    String where = source.location(read.line(), read.name());
                    problems.put(read.name(), new Problem(Path.of(owner.source()).resolve("pack.json").toString(),
                            "parameters." + read.name(), "the default " + (value instanceof String ? "\"" + text + "\""
                            : text) + " is not a number, but the rules read it as one (" + source.displayPath()
                            + (where.matches("\\d+") ? ":" : ": ") + where + ")", quotedNumber ? "Write it without quotes: "
                            + "\"default\": " + text.strip() + "." : "Write a plain number, e.g. \"default\": 0.5."));
                }
            }
        }
        return new ArrayList<>(problems.values());
    }

    /** A read of a parameter by name: ctx.param and ctx.count read a number, ctx.text reads text. */
    private record Read(String name, boolean numeric, int line) {
    }

    /** The reads of parameters by a literal name in a rule file (not in its comments and strings). */
    private static List<Read> reads(RulePack.DrlSource source) {
        String text = source.text();
        String code = RuleFileGuard.codeOnly(text);
        Matcher global = CONTEXT_GLOBAL.matcher(code);
        if (!global.find()) {
            return List.of();
        }
        List<Read> reads = new ArrayList<>();
        Matcher read = Pattern.compile(String.format(READ, Pattern.quote(global.group(1)))).matcher(text);
        while (read.find()) {
            if (code.charAt(read.start()) == text.charAt(read.start())) {
                int line = 1 + (int) text.substring(0, read.start()).chars().filter(c -> c == '\n').count();
                reads.add(new Read(read.group(2), !read.group(1).equals("text"), line));
            }
        }
        return reads;
    }

    static List<Problem> undeclared(RulePack.DrlSource source, Set<String> declared) {
        String text = source.text();
        String code = RuleFileGuard.codeOnly(text);
        Matcher global = CONTEXT_GLOBAL.matcher(code);
        if (!global.find()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        Matcher read = Pattern.compile(String.format(READ, Pattern.quote(global.group(1)))).matcher(text);
        while (read.find()) {
            // a match that starts in a comment or a string is not a read
            if (code.charAt(read.start()) != text.charAt(read.start())) {
                continue;
            }
            String name = read.group(2);
            if (declared.contains(name) || name.startsWith(WEIGHT_PREFIX)) {
                continue;
            }
            int line = 1 + (int) text.substring(0, read.start()).chars().filter(c -> c == '\n').count();
            String closest = ClosestName.to(name, declared).map(c -> "; did you mean \"" + c + "\"?").orElse(
                    ": no pack declares it");
            problems.add(new Problem(source.displayPath(), source.location(line, name), "unknown parameter \"" + name
                    + "\"" + closest, "Correct the name, or declare the parameter in the pack's pack.json under "
                    + "\"parameters\" with a \"default\" and a \"description\"; mission-eval rules lists the "
                    + "parameters in force."));
        }
        return problems;
    }
}
