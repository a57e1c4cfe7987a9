package org.missionengine.drools;

import java.util.ArrayList;
import java.util.List;
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
