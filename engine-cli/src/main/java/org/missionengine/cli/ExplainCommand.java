package org.missionengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.MissionEngine;
import org.missionengine.UserErrorException;
import org.missionengine.explain.ConditionCheck;
import org.missionengine.explain.Explanation;
import org.missionengine.explain.MatchedFacts;
import org.missionengine.explain.ParameterUse;
import org.missionengine.explain.RuleExplanation;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.reports.Text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mission-eval explain}: why a mission got a finding, or why it did not. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Explains one mission's findings: for each finding, the rule that emitted it (file:line), the facts it "
                        + "matched and the parameters it read, with their values and where each came from (a pack's "
                        + "default, the portfolio file, --param).",
                "With --code, explains that code's rule(s) whether they fired or not; for a rule that did not fire, "
                        + "which of its conditions failed and on what values (a best-effort reading of the rule "
                        + "file, as the output says)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "2:a mistake in a file or an option (an unknown mission or code names those there are)",
                "3:an internal error"})
final class ExplainCommand implements Callable<Integer> {
    enum Format { text, json }

    static final String FORMAT = "mission-explanation/1";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The portfolio file (mission-portfolio/1).")
    Path file;

    @Option(names = "--mission", required = true, paramLabel = "ID", description = "The mission to explain.")
    String mission;

    @Option(names = "--code", paramLabel = "CODE",
            description = "A finding code (e.g. MW_REBRANDED) to explain, fired or not. Default: every finding of "
                    + "the mission.")
    String code;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.IsoDate.class,
            description = "Evaluation date (ISO-8601). Default: the portfolio's asOf, else today.")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the explanation to FILE (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MissionEngine missionEngine = engine.build();
        Portfolio portfolio;
        try {
            portfolio = PortfolioFiles.read(file);
        } catch (UserErrorException e) {
            throw e.inFile(file.toString());
        }
        LocalDate date = asOf != null ? asOf : portfolio.asOf() != null ? portfolio.asOf() : LocalDate.now();
        Explanation explanation;
        try {
            explanation = missionEngine.explain(portfolio, date, mission, code);
        } catch (UserErrorException e) {
            throw e.inFile(file.toString());
        }
        Output.write(format == Format.json ? json(explanation, date) : text(explanation), output, out, err);
        return MissionEval.OK;
    }

    static String text(Explanation explanation) {
        StringBuilder sb = new StringBuilder();
        sb.append("Mission ").append(explanation.mission());
        if (explanation.code() != null) {
            sb.append(", finding code ").append(explanation.code());
        }
        sb.append('\n');
        if (explanation.rules().isEmpty()) {
            sb.append("\nNo rule reported a finding for this mission.\n");
        }
        for (RuleExplanation rule : explanation.rules()) {
            sb.append('\n').append(rule.fired() ? "FIRED      " : "NOT FIRED  ").append(rule.code() == null ? ""
                    : rule.code() + "  ").append("rule \"").append(rule.rule()).append("\" [").append(rule.pack())
                    .append("] ").append(rule.location()).append('\n');
            for (MatchedFacts match : rule.matches()) {
                sb.append("  finding on ").append(match.finding().subject()).append(": ")
                        .append(match.finding().message()).append('\n');
                if (!match.facts().isEmpty()) {
                    sb.append("    matched ");
                    match.facts().forEach((name, fact) -> sb.append(name).append(" = ").append(fact).append("; "));
                    sb.setLength(sb.length() - 2);
                    sb.append('\n');
                }
            }
            if (!rule.parameters().isEmpty()) {
                sb.append("  parameters:\n");
                for (ParameterUse p : rule.parameters()) {
                    sb.append("    ").append(p.name()).append(" = ").append(Text.value(p.value())).append("  (")
                            .append(p.describeSource()).append(")\n");
                }
            }
            if (!rule.conditions().isEmpty()) {
                sb.append("  conditions:\n");
                for (ConditionCheck c : rule.conditions()) {
                    sb.append("    ").append(switch (c.outcome()) {
                        case HELD -> "held        ";
                        case FAILED -> "FAILED      ";
                        case NOT_REACHED -> "not reached ";
                    }).append(c.place()).append(": ").append(c.text()).append('\n');
                    if (c.detail() != null) {
                        sb.append("                ").append(c.detail()).append('\n');
                    }
                }
            }
        }
        for (String note : explanation.notes()) {
            sb.append("\nNote: ").append(note).append('\n');
        }
        return sb.toString();
    }

    static String json(Explanation explanation, LocalDate asOf) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("asOf", asOf.toString());
        root.put("mission", explanation.mission());
        root.put("code", explanation.code());
        List<Map<String, Object>> rules = explanation.rules().stream().map(ExplainCommand::rule).toList();
        root.set("rules", mapper.valueToTree(rules));
        root.set("notes", mapper.valueToTree(explanation.notes()));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the explanation as JSON", e);
        }
    }

    private static Map<String, Object> rule(RuleExplanation rule) {
        Map<String, Object> node = new java.util.LinkedHashMap<>();
        node.put("rule", rule.rule());
        node.put("pack", rule.pack());
        node.put("code", rule.code());
        node.put("file", rule.file());
        if (rule.cell() != null) {
            node.put("cell", rule.cell()); // a decision table's rule: its row; "line" is a line of the DRL it becomes
        }
        node.put("line", rule.line());
        node.put("fired", rule.fired());
        node.put("matches", rule.matches().stream().map(m -> Map.of("subject", m.finding().subject(),
                "message", m.finding().message(), "evidence", m.finding().evidence(), "facts", m.facts())).toList());
        node.put("parameters", rule.parameters().stream().map(p -> {
            Map<String, Object> parameter = new java.util.LinkedHashMap<>();
            parameter.put("name", p.name());
            parameter.put("value", p.value());
            parameter.put("source", p.source().name().toLowerCase(java.util.Locale.ROOT));
            if (p.origin() != null) {
                parameter.put("pack", p.origin());
            }
            return parameter;
        }).toList());
        node.put("conditions", rule.conditions().stream().map(c -> {
            Map<String, Object> condition = new java.util.LinkedHashMap<>();
            if (c.cell() != null) {
                condition.put("cell", c.cell());
            }
            condition.put("line", c.line());
            condition.put("condition", c.text());
            condition.put("outcome", c.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (c.detail() != null) {
                condition.put("detail", c.detail());
            }
            return condition;
        }).toList());
        return node;
    }
}
