package org.missionengine.drools;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;

import org.missionengine.Problem;
import org.missionengine.internal.ClosestName;

/**
 * Drools' compile errors said in a rule author's terms, one message per mistake: an unknown field or method names the
 * fact type and the closest name it has; a class used without its import says which import; an unknown fact type or
 * variable gets the closest known one. Drools reports one misspelt field up to three times on a line ("Unable to
 * Analyse Expression ...", "Unable to analyze expression ..." and the same for the whole constraint): they become one.
 * Each problem is located where the user finds it: the file's line, or for a decision table its sheet and cell.
 */
final class CompileErrors {
    private static final String GENERIC_HINT = "See docs/writing-rules.md: each file declares its package, imports the "
            + "facts it uses and \"global org.missionengine.rules.EvaluationContext ctx;\".";

    private static final String TABLE_HINT = "Check the DRL that the column's snippet and the row's cells make "
            + "together: mission-eval rules --show-drl FILE prints it; docs/decision-tables.md describes the layout.";
    /** Where a parser error is in the DRL: "[ERR 101] Line 13:105". */
    private static final Pattern DRL_POSITION = Pattern.compile("(?:\\[ERR \\d+\\] )?Line (\\d+):(\\d+)");

    /** "Unable to Analyse Expression E: [Error: unable to resolve method using strict-mode: T.name()] ...". */
    private static final Pattern UNRESOLVED_MEMBER = Pattern.compile("Unable to Analyse Expression (.*?): \\[Error: "
            + "unable to resolve method using strict-mode: ([\\w.$]+?)\\.([\\w$]+)\\(\\)\\]");
    /** The shorter repeat Drools adds for the same expression. */
    private static final Pattern UNANALYSABLE = Pattern.compile("Unable to analyze expression '(.*)'");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile(
            "Rule Compilation error.*?The method (\\w+)\\((.*?)\\) is undefined for the type ([\\w.$]+)");
    private static final Pattern UNRESOLVED_NAME = Pattern.compile(
            "Rule Compilation error.*?(\\$?[\\w.]+) cannot be resolved(?: to a (?:variable|type))?");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    /** A binding to a field the fact does not have: "Field Reader does not exist for declaration '$r' in '$r : x'". */
    private static final Pattern UNKNOWN_BOUND_FIELD = Pattern.compile(
            "Field Reader does not exist for declaration '(\\$[\\w$]+)' in '\\$[\\w$]+\\s*:\\s*([\\w$]+)'");
    /** The name before an opening parenthesis at the end of a text: "Project(" in "$p : Project(". */
    private static final Pattern OPEN_PATTERN = Pattern.compile("([\\w$]+)\\s*\\($");
    private static final Pattern BOUND_VARIABLE = Pattern.compile("(\\$[\\w$]+)\\s*:");

    /** Where a class named in a rule without its import is looked for, in the allow-list's order. */
    private static final List<String> IMPORTABLE_PACKAGES = List.of("org.missionengine.model",
            "org.missionengine.report", "org.missionengine.rules", "java.util", "java.time", "java.time.temporal",
            "java.time.format", "java.math", "java.util.stream", "java.util.function", "java.util.regex");

    /** The facts rules match (docs/writing-rules.md), to suggest the one a misspelt type meant. */
    private static final List<String> FACT_TYPES = List.of("org.missionengine.model.Mission",
            "org.missionengine.model.Project", "org.missionengine.model.Target", "org.missionengine.model.Metric",
            "org.missionengine.model.Actor", "org.missionengine.model.Observation", "org.missionengine.model.Portfolio",
            "org.missionengine.model.Conditionality", "org.missionengine.model.Cashflow",
            "org.missionengine.model.Spillover", "org.missionengine.model.Governance", "org.missionengine.model.Budget",
            "org.missionengine.rules.TargetTrajectory", "org.missionengine.report.ProjectValue",
            "org.missionengine.report.ValueAssessment", "org.missionengine.report.Finding",
            "org.missionengine.rules.CriterionChecks", "org.missionengine.rules.CriterionScore",
            "org.missionengine.rules.WashingRisk", "org.missionengine.rules.RatingVote",
            "org.missionengine.rules.OwnerMissions", "org.missionengine.rules.MissionProjects");

    private CompileErrors() {
    }

    /** A compile error as Drools gives it: the file's display path, the line (0 when unknown) and the text. */
    record Raw(String file, int line, String message) {
    }

    static List<Problem> problems(KnowledgeBuilder builder, List<RulePack> packs) {
        List<Raw> raw = new ArrayList<>();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String file = error.getResource() == null ? null : error.getResource().getSourcePath();
            int[] lines = error.getLines();
            int line = lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : 0;
            String message = error.getMessage() == null ? "rule file does not compile" : error.getMessage().strip();
            raw.add(new Raw(file, line, message.replaceAll("\\s+", " ")));
        }
        return problems(raw, packs);
    }

    static List<Problem> problems(List<Raw> errors, List<RulePack> packs) {
        Map<String, RulePack.DrlSource> sources = new HashMap<>();
        packs.forEach(p -> p.sources().forEach(s -> sources.put(s.displayPath(), s)));
        List<Raw> kept = new ArrayList<>(errors);
        // Drools adds "Parser returned a null Package" after a syntax error, and "Unable to analyze expression" after
        // the error that says why: the real error is already listed
        if (kept.size() > 1) {
            kept.removeIf(e -> e.message().contains("Parser returned a null Package"));
            // a variable whose binding failed is then "unresolved" wherever it is used: the binding's error says why
            kept.removeIf(e -> {
                Matcher m = UNRESOLVED_MEMBER.matcher(e.message());
                return m.find() && m.group(3).startsWith("$") && kept.stream().anyMatch(other -> other != e
                        && other.message().contains("'" + m.group(3) + "'"));
            });
            // ... and "cannot be resolved to a variable" where a consequence uses it
            kept.removeIf(e -> {
                Matcher m = UNRESOLVED_NAME.matcher(e.message());
                if (!m.find() || !m.group(1).startsWith("$")) {
                    return false;
                }
                Pattern binding = Pattern.compile("'" + Pattern.quote(m.group(1)) + "'|(?<![\\w$])"
                        + Pattern.quote(m.group(1)) + "\\s*:");
                RulePack.DrlSource source = e.file() == null ? null : sources.get(e.file());
                int ruleEnd = source == null ? Integer.MAX_VALUE
                        : e.line() + (int) ruleText(source.text(), e.line()).lines().count() - 1;
                return kept.stream().anyMatch(other -> other != e && java.util.Objects.equals(other.file(), e.file())
                        && other.line() >= e.line() && other.line() <= ruleEnd
                        && !UNRESOLVED_NAME.matcher(other.message()).find()
                        && binding.matcher(other.message()).find());
            });
            kept.removeIf(e -> UNANALYSABLE.matcher(e.message()).matches() && kept.stream()
                    .anyMatch(other -> other != e && other.line() == e.line() && java.util.Objects.equals(
                            other.file(), e.file()) && !UNANALYSABLE.matcher(other.message()).matches()));
        }
        Map<String, Problem> byMistake = new LinkedHashMap<>();
        for (Raw error : kept) {
            RulePack.DrlSource source = error.file() == null ? null : sources.get(error.file());
            Explained explained = explain(error, source);
            String location = error.line() <= 0 ? null : source == null ? String.valueOf(explained.line())
                    : source.location(explained.line(), explained.about());
            // one mistake in a decision table's header is in the rule of every row: one message, at the header's cell
            byMistake.putIfAbsent(error.file() + ":" + location + ":" + explained.key(),
                    new Problem(error.file(), location, explained.message(), explained.hint()));
        }
        return new ArrayList<>(byMistake.values());
    }

    /** One mistake: what to say, on which line, and what it is about (to find a decision table's cell). */
    private record Explained(String key, int line, String about, String message, String hint) {
    }

    private static Explained explain(Raw error, RulePack.DrlSource source) {
        String text = source == null ? "" : source.text();
        Matcher m = UNRESOLVED_MEMBER.matcher(error.message());
        if (m.find()) {
            return unknownMember(error, text, m.group(1), m.group(2), m.group(3));
        }
        m = UNDEFINED_METHOD.matcher(error.message());
        if (m.find()) {
            String name = m.group(1);
            int line = lineOf(text, error.line(), "\\b" + Pattern.quote(name) + "\\s*\\(");
            Optional<Class<?>> type = type(m.group(3), text);
            String shown = type.map(Class::getSimpleName).orElse(m.group(3));
            return new Explained(m.group(3) + "." + name, line, name, shown + " has no method \"" + name + "\"",
                    memberHint(name, type, shown));
        }
        m = UNKNOWN_BOUND_FIELD.matcher(error.message());
        if (m.find()) {
            String name = m.group(2);
            String binding = Pattern.quote(m.group(1)) + "\\s*:\\s*" + Pattern.quote(name) + "\\b";
            int line = lineOf(text, error.line(), binding);
            String typeName = factTypeBefore(text, line, binding);
            Optional<Class<?>> type = typeName == null ? Optional.empty() : type(typeName, text);
            String shown = type.map(Class::getSimpleName).orElse(typeName == null ? "the fact" : typeName);
            return new Explained(shown + "." + name, line, name, shown + " has no field or method \"" + name
                    + "\" (in \"" + m.group(1) + " : " + name + "\")", memberHint(name, type, shown));
        }
        m = UNKNOWN_TYPE.matcher(error.message());
        if (m.find()) {
            return unknownType(error, text, m.group(1));
        }
        m = UNRESOLVED_NAME.matcher(error.message());
        if (m.find()) {
            String name = m.group(1);
            int line = lineOf(text, error.line(), "(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
            if (name.startsWith("$")) {
                Set<String> bound = boundVariables(text, error.line());
                return new Explained(name, line, name, "\"" + name + "\" is not bound in this rule",
                        ClosestName.to(name, bound).map(c -> "Did you mean \"" + c + "\"? ").orElse("")
                                + "Bind it in a condition (" + name + " : Mission( ... )) before using it.");
            }
            Optional<String> importable = importable(name);
            return new Explained(name, line, name, "\"" + name + "\" is not known here", importable
                    .map(q -> "Add \"import " + q + ";\" below the package line.")
                    .orElse("Check the spelling; a class needs an import, a fact a variable bound in a condition."));
        }
        if (source != null && source.origin() != null) {
            return translated(error, source);
        }
        return new Explained(error.message(), error.line(), error.message(), error.message(), GENERIC_HINT);
    }

    /**
     * Any other error in a decision table's DRL: without the line and column of the generated DRL, which the table's
     * author never sees ("[ERR 101] Line 13:105 no viable alternative at input ')'"), at the cell of the text it points
     * to, once for all rows when that text is a header's snippet.
     */
    private static Explained translated(Raw error, RulePack.DrlSource source) {
        String about = error.message();
        Matcher at = DRL_POSITION.matcher(error.message());
        String message = error.message();
        if (at.find()) {
            message = (error.message().substring(0, at.start()) + error.message().substring(at.end())).strip();
            String[] lines = source.text().split("\n", -1);
            int line = Integer.parseInt(at.group(1));
            int column = Integer.parseInt(at.group(2));
            if (line >= 1 && line <= lines.length) {
                String text = lines[line - 1];
                int end = Math.min(text.length(), column + 1);
                String near = text.substring(Math.max(0, end - 20), end).strip();
                about = near.isEmpty() ? about : near;
            }
        }
        String key = message.replaceAll(" in rule \"[^\"]*\"", "");
        return new Explained(key, error.line(), about, message, TABLE_HINT);
    }

    /** A field or method a fact type (or a class used without its import) does not have. */
    private static Explained unknownMember(Raw error, String text, String expression, String typeName, String name) {
        String shownExpression = expression.strip();
        Optional<Class<?>> type = load(typeName);
        String shown = type.map(Class::getSimpleName).orElse(typeName.replaceAll(".*\\.", ""));
        if (Character.isUpperCase(name.charAt(0))) {
            Optional<String> importable = importable(name);
            if (importable.isPresent()) {
                return new Explained(name, error.line(), name, "\"" + name + "\" is not imported, so it is read as a "
                        + "field of " + shown + " (in \"" + shownExpression + "\")",
                        "Add \"import " + importable.get() + ";\" below the package line.");
            }
        }
        return new Explained(shown + "." + name, error.line(), name, shown + " has no field or method \"" + name
                + "\" (in \"" + shownExpression + "\")", memberHint(name, type, shown));
    }

    private static Explained unknownType(Raw error, String text, String name) {
        Optional<String> importable = importable(name);
        if (importable.isPresent()) {
            return new Explained(name, error.line(), name, "fact type \"" + name + "\" is not imported",
                    "Add \"import " + importable.get() + ";\" below the package line.");
        }
        List<String> known = FACT_TYPES.stream().map(q -> q.substring(q.lastIndexOf('.') + 1)).toList();
        return new Explained(name, error.line(), name, "unknown fact type \"" + name + "\"",
                ClosestName.to(name, known).map(c -> "Did you mean \"" + c + "\"? ").orElse("")
                        + "The facts a rule can match are listed in docs/writing-rules.md (\"The facts\").");
    }

    private static String memberHint(String name, Optional<Class<?>> type, String shown) {
        if (type.isEmpty()) {
            return "Check the spelling against the type's fields.";
        }
        Set<String> members = members(type.get());
        Optional<String> closest = ClosestName.to(name, members);
        boolean ours = type.get().getName().startsWith("org.missionengine.");
        if (ours) {
            return closest.map(c -> "Did you mean \"" + c + "\"? ").orElse("") + shown + " has: "
                    + String.join(", ", members) + ".";
        }
        return closest.map(c -> "Did you mean \"" + c + "\"?").orElse("See the methods of " + type.get().getName()
                + ".");
    }

    /** What a rule can read of a type: a record's components, then its other public methods without parameters. */
    private static Set<String> members(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        }
        Set<String> methods = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
                    || method.getParameterCount() > 0) {
                continue;
            }
            methods.add(method.getName());
        }
        methods.removeAll(Set.of("equals", "hashCode", "toString"));
        names.addAll(methods);
        return names;
    }

    /** A type named in a Java compile message: qualified, or simple and found among the file's imports. */
    private static Optional<Class<?>> type(String name, String drl) {
        if (name.contains(".")) {
            return load(name);
        }
        Matcher imported = Pattern.compile("\\bimport\\s+([\\w.]+)\\." + Pattern.quote(name) + "\\s*;").matcher(drl);
        if (imported.find()) {
            return load(imported.group(1) + "." + name);
        }
        return load("java.lang." + name).or(() -> importable(name).flatMap(CompileErrors::load));
    }

    private static Optional<String> importable(String simpleName) {
        for (String pkg : IMPORTABLE_PACKAGES) {
            if (load(pkg + "." + simpleName).isPresent()) {
                return Optional.of(pkg + "." + simpleName);
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, CompileErrors.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The variables bound in the rule that starts at or before {@code line}: "$p : Project(...)". */
    private static Set<String> boundVariables(String drl, int line) {
        Set<String> bound = new LinkedHashSet<>();
        String rule = ruleText(drl, line);
        Matcher m = BOUND_VARIABLE.matcher(RuleFileGuard.codeOnly(rule));
        while (m.find()) {
            bound.add(m.group(1));
        }
        return bound;
    }

    /**
     * Java errors in a consequence carry the line of the rule, not of the mistake: the first line of that rule (from
     * {@code line} to its "end") where {@code regex} matches outside comments and strings, else {@code line}.
     */
    static int lineOf(String drl, int line, String regex) {
        if (drl.isEmpty() || line <= 0) {
            return line;
        }
        String[] lines = RuleFileGuard.codeOnly(drl).split("\n", -1);
        Pattern pattern = Pattern.compile(regex);
        for (int i = line - 1; i < lines.length; i++) {
            if (pattern.matcher(lines[i]).find()) {
                return i + 1;
            }
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return line;
    }

    /**
     * The fact type of the pattern a binding on {@code line} is in: "Project" for "$r : x" in
     * "$p : Project( a > 1,\n $r : x )", the nearest type whose parenthesis is still open before the binding.
     */
    private static String factTypeBefore(String drl, int line, String bindingRegex) {
        String[] lines = drl.split("\n", -1);
        if (line <= 0 || line > lines.length) {
            return null;
        }
        Matcher binding = Pattern.compile(bindingRegex).matcher(lines[line - 1]);
        if (!binding.find()) {
            return null;
        }
        int offset = binding.start();
        for (int i = 0; i < line - 1; i++) {
            offset += lines[i].length() + 1;
        }
        String code = RuleFileGuard.codeOnly(drl);
        int depth = 0;
        for (int i = offset - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth > 0) {
                depth--;
            } else if (c == '(') {
                Matcher name = OPEN_PATTERN.matcher(code.substring(Math.max(0, i - 200), i + 1));
                if (name.find() && Character.isUpperCase(name.group(1).charAt(0))) {
                    return name.group(1);
                }
            } else if (code.startsWith("rule ", i)) {
                return null;
            }
        }
        return null;
    }

    private static String ruleText(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        StringBuilder rule = new StringBuilder();
        for (int i = Math.max(0, line - 1); i < lines.length; i++) {
            rule.append(lines[i]).append('\n');
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return rule.toString();
    }
}
