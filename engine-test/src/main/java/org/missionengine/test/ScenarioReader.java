package org.missionengine.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.internal.ClosestName;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.Criterion;
import org.missionengine.report.Rating;
import org.missionengine.report.TargetStatus;

/**
 * Reads a scenario file ({@code "format": "mission-scenario/1"}, JSON or YAML) and checks everything that can be
 * checked without an engine, reporting every problem at once, each as {@code file:line: what. how to fix it}.
 */
final class ScenarioReader {
    static final String FORMAT = "mission-scenario/1";
    static final String GUIDE = "See docs/testing-policies.md.";

    private static final Set<String> TOP = Set.of("format", "name", "description", "portfolio", "asOf", "parameters",
            "rules", "disable", "expect", "portfolioFindings", "portfolioAbsent");
    private static final Set<String> MISSION = Set.of("findings", "absent", "rating", "targets", "criteria",
            "score", "washingRisk", "evidence", "delivery", "design");
    private static final Set<String> FINDING = Set.of("code", "subject", "evidence");
    private static final Set<String> APPROX = Set.of("value", "within");

    private final Path file;
    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();
    private LocatedTree tree;

    private ScenarioReader(Path file) {
        this.file = file;
        this.fileName = file.toString();
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Reads and checks a scenario; throws {@link ScenarioException} listing every problem with its line. */
    static Scenario read(Path file) {
        return new ScenarioReader(file).read();
    }

    /** The value of the top-level {@code format} field, or null when the file has none or cannot be parsed. */
    static String formatOf(Path file) {
        try {
            List<Problem> ignored = new ArrayList<>();
            LocatedTree tree = LocatedTree.read(Files.readAllBytes(file), file.toString(), isYaml(file), ignored);
            if (tree == null || !tree.root.isObject() || !tree.root.path("format").isTextual()) {
                return null;
            }
            return tree.root.get("format").asText();
        } catch (IOException e) {
            return null;
        }
    }

    private Scenario read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(new Problem(fileName, null, "file not found",
                    "Check the path (relative paths start from " + Path.of("").toAbsolutePath() + ").")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(fileName, null, "cannot read the file: " + e.getMessage(),
                    "Check that it is a readable file.")));
        }
        tree = LocatedTree.read(bytes, fileName, isYaml(file), problems);
        if (tree == null) {
            throw new ScenarioException(problems);
        }
        JsonNode root = tree.root;
        if (!root.isObject()) {
            throw new ScenarioException(List.of(problem("", "a scenario file must hold one object, found "
                    + kind(root), "Start from the example in docs/testing-policies.md.")));
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new ScenarioException(List.of(problem(format == null ? "" : "/format", format == null
                    ? "the \"format\" field is missing" : "unsupported format " + format
                    + (format.asText().startsWith("mission-portfolio") ? " (this is a portfolio file, not a scenario)" : ""),
                    "Put \"format\": \"" + FORMAT + "\" at the top of a scenario file. " + GUIDE)));
        }
        unknownFields(root, "", TOP);

        String name = root.has("name") ? text(root.get("name"), "/name", "the scenario's name") : null;
        if (name == null || name.isBlank()) {
            name = baseName(file);
        }
        text(root.get("description"), "/description", "a description");
        LocalDate asOf = root.has("asOf") ? date(root.get("asOf"), "/asOf") : null;
        Map<String, Object> parameters = parameters(root.get("parameters"));
        List<Path> rules = new ArrayList<>();
        for (Located item : texts(root.get("rules"), "/rules", "a rule file or pack directory")) {
            Path path = resolve(item.text);
            if (!Files.exists(path)) {
                problems.add(problem(item.pointer, "rule path \"" + item.text + "\" does not exist (resolved to "
                        + path + ")", "Rule paths are relative to the scenario file's directory."));
            }
            rules.add(path);
        }
        List<String> disable = texts(root.get("disable"), "/disable", "a finding code, rule name or pack id").stream()
                .map(l -> l.text).toList();
        Portfolio portfolio = portfolio(root.get("portfolio"));
        if (portfolio != null && asOf == null && portfolio.asOf() == null) {
            problems.add(problem("", "no evaluation date: neither the scenario nor its portfolio has an \"asOf\"",
                    "Add \"asOf\": \"2026-06-30\" to the scenario: a scenario evaluated at today's date would change "
                            + "its results over time."));
        }

        List<Scenario.Group> groups = new ArrayList<>();
        JsonNode expect = root.get("expect");
        if (expect != null) {
            if (!expect.isObject()) {
                problems.add(problem("/expect", "\"expect\" must be an object with one entry per mission id, found "
                        + kind(expect), "Write \"expect\": {\"m1\": {\"findings\": [\"MW_REBRANDED\"]}}."));
            } else {
                expect.fields().forEachRemaining(e -> groups.add(mission(e.getKey(), e.getValue(),
                        LocatedTree.child("/expect", e.getKey()))));
            }
        }
        List<Scenario.Expectation> portfolioLevel = new ArrayList<>();
        portfolioLevel.addAll(findings(root.get("portfolioFindings"), "/portfolioFindings"));
        portfolioLevel.addAll(absent(root.get("portfolioAbsent"), "/portfolioAbsent"));
        if (!portfolioLevel.isEmpty()) {
            String at = root.has("portfolioFindings") ? "/portfolioFindings" : "/portfolioAbsent";
            groups.add(new Scenario.Group(null, tree.line(at), portfolioLevel));
        }
        if (groups.stream().allMatch(g -> g.expectations().isEmpty()) && problems.isEmpty()) {
            problems.add(problem(expect == null ? "" : "/expect", "the scenario expects nothing",
                    "State what must (not) happen: \"expect\": {\"m1\": {\"findings\": [...], \"absent\": [...], "
                            + "\"rating\": ...}}, or \"portfolioFindings\". A scenario without expectations would "
                            + "always pass."));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(file, name, portfolio, asOf, parameters, rules, disable, groups, tree);
    }

    private Scenario.Group mission(String id, JsonNode node, String pointer) {
        List<Scenario.Expectation> expectations = new ArrayList<>();
        if (!node.isObject()) {
            problems.add(problem(pointer, "the expectations for mission \"" + id + "\" must be an object, found "
                    + kind(node), "Write \"" + id + "\": {\"findings\": [...], \"absent\": [...], \"rating\": \"WEAK\"}."));
            return new Scenario.Group(id, tree.line(pointer), expectations);
        }
        unknownFields(node, pointer, MISSION);
        expectations.addAll(findings(node.get("findings"), pointer + "/findings"));
        expectations.addAll(absent(node.get("absent"), pointer + "/absent"));
        if (node.has("rating")) {
            Rating rating = enumValue(Rating.class, node.get("rating"), pointer + "/rating", "rating");
            if (rating != null) {
                expectations.add(new Scenario.RatingIs(rating, tree.line(pointer + "/rating")));
            }
        }
        JsonNode targets = node.get("targets");
        if (targets != null) {
            if (!targets.isObject()) {
                problems.add(problem(pointer + "/targets", "\"targets\" must map target ids to statuses, found "
                        + kind(targets), "Write \"targets\": {\"t1\": \"ON_TRACK\"}."));
            } else {
                targets.fields().forEachRemaining(e -> {
                    String at = LocatedTree.child(pointer + "/targets", e.getKey());
                    TargetStatus status = enumValue(TargetStatus.class, e.getValue(), at, "target status");
                    if (status != null) {
                        expectations.add(new Scenario.TargetIs(e.getKey(), status, tree.line(at)));
                    }
                });
            }
        }
        JsonNode criteria = node.get("criteria");
        if (criteria != null) {
            if (!criteria.isObject()) {
                problems.add(problem(pointer + "/criteria", "\"criteria\" must map criteria to scores, found "
                        + kind(criteria), "Write \"criteria\": {\"BOLD\": 1.0, \"MEASURABLE\": 0.75}."));
            } else {
                criteria.fields().forEachRemaining(e -> {
                    String at = LocatedTree.child(pointer + "/criteria", e.getKey());
                    Criterion criterion = enumName(Criterion.class, e.getKey(), at, "criterion");
                    Values.Expected score = number(e.getValue(), at, "a score between 0 and 1");
                    if (criterion != null && score != null) {
                        expectations.add(new Scenario.CriterionIs(criterion, ((Number) score.value()).doubleValue(),
                                score.tolerance(), tree.line(at)));
                    }
                });
            }
        }
        for (Figure figure : Figure.values()) {
            if (node.has(figure.field())) {
                String at = pointer + "/" + figure.field();
                Values.Expected value = number(node.get(figure.field()), at, "a " + figure.label() + " (0..1)");
                if (value != null) {
                    expectations.add(new Scenario.FigureIs(figure, ((Number) value.value()).doubleValue(),
                            value.tolerance(), tree.line(at)));
                }
            }
        }
        return new Scenario.Group(id, tree.line(pointer), expectations);
    }

    private List<Scenario.Expectation> findings(JsonNode node, String pointer) {
        List<Scenario.Expectation> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (node.isTextual()) {
            String code = code(node, pointer);
            if (code != null) {
                result.add(new Scenario.FindingPresent(code, null, Map.of(), tree.line(pointer)));
            }
            return result;
        }
        if (!node.isArray()) {
            problems.add(problem(pointer, "a list of finding codes (or objects with \"code\") was expected, found "
                    + kind(node), "Write [\"MW_REBRANDED\", {\"code\": \"MW_CAPTURED\", \"evidence\": {\"share\": 0.62}}]."));
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = LocatedTree.child(pointer, i);
            if (item.isTextual()) {
                String code = code(item, at);
                if (code != null) {
                    result.add(new Scenario.FindingPresent(code, null, Map.of(), tree.line(at)));
                }
            } else if (item.isObject()) {
                unknownFields(item, at, FINDING);
                if (!item.has("code")) {
                    problems.add(problem(at, "a finding needs a \"code\"", "Write {\"code\": \"MW_REBRANDED\", "
                            + "\"subject\": \"m1\", \"evidence\": {\"share\": 0.62}}."));
                    continue;
                }
                String code = code(item.get("code"), at + "/code");
                String subject = item.has("subject") ? text(item.get("subject"), at + "/subject", "a mission, project or target id") : null;
                Map<String, Object> evidence = new LinkedHashMap<>();
                JsonNode ev = item.get("evidence");
                if (ev != null) {
                    if (!ev.isObject()) {
                        problems.add(problem(at + "/evidence", "\"evidence\" must map keys to values, found " + kind(ev),
                                "Write \"evidence\": {\"share\": 0.62}."));
                    } else {
                        ev.fields().forEachRemaining(e -> {
                            Object value = evidenceValue(e.getValue(), LocatedTree.child(at + "/evidence", e.getKey()));
                            if (value != null) {
                                evidence.put(e.getKey(), value);
                            }
                        });
                    }
                }
                if (code != null) {
                    result.add(new Scenario.FindingPresent(code, subject, evidence, tree.line(at)));
                }
            } else {
                problems.add(problem(at, "a finding code or an object with \"code\" was expected, found " + kind(item),
                        "Write \"MW_REBRANDED\" or {\"code\": \"MW_REBRANDED\", \"evidence\": {...}}."));
            }
        }
        return result;
    }

    private List<Scenario.Expectation> absent(JsonNode node, String pointer) {
        List<Scenario.Expectation> result = new ArrayList<>();
        for (Located item : texts(node, pointer, "a finding code")) {
            String code = code(tree.root.at(item.pointer), item.pointer);
            if (code != null) {
                result.add(new Scenario.FindingAbsent(code, tree.line(item.pointer)));
            }
        }
        return result;
    }

    private Object evidenceValue(JsonNode node, String pointer) {
        if (node.isObject()) {
            if (node.has("value") && node.has("within") && node.size() == 2) {
                Values.Expected expected = number(node, pointer, "a number");
                return expected;
            }
            unknownFields(node, pointer, APPROX);
            problems.add(problem(pointer, "an evidence value is a number, text, true/false or a list; an object must "
                    + "be {\"value\": ..., \"within\": ...}", "Write \"share\": 0.62, or \"share\": {\"value\": 0.62, "
                    + "\"within\": 0.01} for a tolerance."));
            return null;
        }
        if (node.isNull()) {
            problems.add(problem(pointer, "an evidence value may not be null", "Leave the key out instead."));
            return null;
        }
        return plain(node);
    }

    private static Object plain(JsonNode node) {
        if (node.isNumber()) {
            return node.isIntegralNumber() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        return node.isNull() ? null : node.asText();
    }

    /** A number, or {@code {value, within}}: the expected value with its tolerance. */
    private Values.Expected number(JsonNode node, String pointer, String what) {
        if (node.isNumber()) {
            return new Values.Expected(node.doubleValue(), Tolerance.DEFAULT);
        }
        if (node.isObject() && node.path("value").isNumber() && node.path("within").isNumber()
                && node.size() == 2 && node.get("within").doubleValue() >= 0) {
            return new Values.Expected(node.get("value").doubleValue(), new Tolerance(node.get("within").doubleValue()));
        }
        problems.add(problem(pointer, what + " was expected, found " + kind(node),
                "Write a plain number such as 0.75, or {\"value\": 0.75, \"within\": 0.01} with a tolerance >= 0."));
        return null;
    }

    private Map<String, Object> parameters(JsonNode node) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (node == null) {
            return parameters;
        }
        if (!node.isObject()) {
            problems.add(problem("/parameters", "\"parameters\" must map parameter names to values, found " + kind(node),
                    "Write \"parameters\": {\"washing.rebrandedShare\": 0.4}."));
            return parameters;
        }
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isNumber() || value.isBoolean() || value.isTextual()) {
                parameters.put(e.getKey(), plain(value));
            } else {
                problems.add(problem(LocatedTree.child("/parameters", e.getKey()), "parameter \"" + e.getKey()
                        + "\" must be a number, true/false or text, found " + kind(value), "Write a plain value such as 0.4."));
            }
        });
        return parameters;
    }

    private Portfolio portfolio(JsonNode node) {
        if (node == null) {
            problems.add(problem("", "the scenario has no \"portfolio\"", "Give the portfolio inline (an object, as "
                    + "in a portfolio file) or as a path relative to the scenario: \"portfolio\": \"missions.json\"."));
            return null;
        }
        if (node.isTextual()) {
            Path path = resolve(node.asText());
            try {
                return PortfolioFiles.read(path);
            } catch (UserErrorException e) {
                e.problems().forEach(p -> problems.add(new Problem(fileName, String.valueOf(tree.line("/portfolio")),
                        "the portfolio \"" + node.asText() + "\" cannot be used: " + p.describe(), null)));
                return null;
            }
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            if (!copy.has("format")) {
                ObjectNode withFormat = copy.objectNode().put("format", PortfolioFiles.FORMAT);
                withFormat.setAll(copy);
                copy = withFormat;
            }
            try {
                return PortfolioFiles.read(new ObjectMapper().writeValueAsBytes(copy), "inline-portfolio.json");
            } catch (UserErrorException e) {
                e.problems().forEach(p -> problems.add(inlineProblem(p)));
                return null;
            } catch (IOException e) {
                problems.add(problem("/portfolio", "cannot read the inline portfolio: " + e.getMessage(), null));
                return null;
            }
        }
        problems.add(problem("/portfolio", "\"portfolio\" must be an object (the portfolio inline) or a path, found "
                + kind(node), "Write \"portfolio\": \"portfolios/rebranded.json\" or an object as in a portfolio file."));
        return null;
    }

    /** A problem of the inline portfolio, moved from its JSON path to the scenario file's line. */
    private Problem inlineProblem(Problem p) {
        String location = p.location();
        String pointer = "/portfolio";
        if (location != null && !location.equals("$") && !location.matches("\\d+(:\\d+)?")) {
            for (String part : location.replace("[", ".").replace("]", "").split("\\.")) {
                if (!part.isEmpty()) {
                    pointer = LocatedTree.child(pointer, part);
                }
            }
        }
        String where = location == null || location.equals("$") ? "portfolio" : "portfolio." + location;
        return new Problem(fileName, String.valueOf(tree.line(pointer)), where + ": " + p.message(), p.hint());
    }

    private String code(JsonNode node, String pointer) {
        String code = text(node, pointer, "a finding code");
        if (code != null && code.isBlank()) {
            problems.add(problem(pointer, "a finding code may not be empty", "Write a code such as \"MW_REBRANDED\"."));
            return null;
        }
        return code;
    }

    private record Located(String text, String pointer) {
    }

    /** A list of strings, or a single string for a list of one. */
    private List<Located> texts(JsonNode node, String pointer, String what) {
        List<Located> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (node.isTextual()) {
            result.add(new Located(node.asText(), pointer));
            return result;
        }
        if (!node.isArray()) {
            problems.add(problem(pointer, "a list of strings (" + what + ") was expected, found " + kind(node),
                    "Write [\"...\", \"...\"]."));
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = LocatedTree.child(pointer, i);
            String text = text(node.get(i), at, what);
            if (text != null) {
                result.add(new Located(text, at));
            }
        }
        return result;
    }

    private String text(JsonNode node, String pointer, String what) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(problem(pointer, "text (" + what + ") was expected, found " + kind(node), "Put it in quotes."));
            return null;
        }
        return node.asText();
    }

    private LocalDate date(JsonNode node, String pointer) {
        String text = text(node, pointer, "a date");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem(pointer, "\"" + text + "\" is not a date", "Write dates as ISO-8601: 2026-06-30."));
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String pointer, String what) {
        String text = text(node, pointer, what);
        return text == null ? null : enumName(type, text, pointer, what);
    }

    private <E extends Enum<E>> E enumName(Class<E> type, String text, String pointer, String what) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (names.contains(text)) {
            return Enum.valueOf(type, text);
        }
        problems.add(problem(pointer, "unknown " + what + " \"" + text + "\"", ClosestName.to(text, names)
                .map(c -> "Did you mean \"" + c + "\"? ").orElse("") + "Allowed: " + String.join(", ", names) + "."));
        return null;
    }

    private void unknownFields(JsonNode node, String pointer, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        List<String> sorted = known.stream().sorted().toList();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(problem(LocatedTree.child(pointer, name), "unknown field \"" + name + "\"",
                        ClosestName.hint(name, sorted)));
            }
        }
    }

    /** A path written in the scenario, relative to the scenario file's directory. */
    private Path resolve(String relative) {
        return file.resolveSibling(relative).normalize();
    }

    private Problem problem(String pointer, String message, String hint) {
        return new Problem(fileName, String.valueOf(tree.line(pointer)), message, hint);
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT).replace("object", "an object").replace("array", "a list");
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
