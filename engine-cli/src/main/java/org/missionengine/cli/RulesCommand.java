package org.missionengine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.catalog.ParameterInfo;
import org.missionengine.catalog.RuleCatalog;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.catalog.RulePackInfo;
import org.missionengine.reports.Text;
import org.missionengine.drools.spi.RuleSourceTranslator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mission-eval rules}: the rule catalog. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Lists the rule catalog: the packs (built-in and from --rules), their rules with the finding code, "
                        + "severity, category and criterion, and the parameters each pack reads with their default, "
                        + "the value in force and a description.",
                "--disable, --param and --severity show the catalog as an evaluation with the same options would "
                        + "run.",
                "--show-drl FILE prints the DRL a decision table (.xlsx, .csv) becomes instead, each rule after a "
                        + "comment naming the row it comes from."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "2:a mistake in a rule file or an option",
                "3:an internal error"})
final class RulesCommand implements Callable<Integer> {
    static final String FORMAT = "mission-rules/1";

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the catalog to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--show-drl", paramLabel = "FILE",
            description = "Print the DRL that the rule file FILE (a decision table .xlsx or .csv, or a .drl file) "
                    + "becomes, instead of the catalog.")
    Path showDrl;

    @Override
    public Integer call() {
        if (showDrl != null) {
            Output.write(drlOf(showDrl), output, spec.commandLine().getOut(), spec.commandLine().getErr());
            return MissionEval.OK;
        }
        RuleCatalog catalog = engine.build().catalog();
        String text = format == Format.json ? json(catalog) : text(catalog);
        Output.write(text, output, spec.commandLine().getOut(), spec.commandLine().getErr());
        return MissionEval.OK;
    }

    /** The DRL of a rule file: a .drl file as it is, any other as its translator writes it. */
    static String drlOf(Path file) {
        if (Files.isDirectory(file)) {
            List<String> ruleFiles;
            try (var listed = Files.list(file)) {
                ruleFiles = listed.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                        .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".drl")
                                || RuleSourceTranslator.forFile(Path.of(n)).isPresent())
                        .sorted().toList();
            } catch (IOException e) {
                ruleFiles = List.of();
            }
            throw new UserErrorException(List.of(new Problem(file.toString(), null, "is a directory, not a rule file",
                    "--show-drl takes one rule file: a decision table (.xlsx, .csv) or a .drl file"
                            + (ruleFiles.isEmpty() ? "." : "; this directory holds " + String.join(", ", ruleFiles)
                            + "."))));
        }
        if (!Files.isRegularFile(file)) {
            throw new UserErrorException(List.of(new Problem(file.toString(), null, "no such file",
                    "--show-drl takes a rule file: a decision table (.xlsx, .csv) or a .drl file.")));
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".drl")) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserErrorException(List.of(new Problem(file.toString(), null, "cannot read: "
                        + e.getMessage(), null)));
            }
        }
        RuleSourceTranslator translator = RuleSourceTranslator.forFile(file).orElseThrow(() -> new UserErrorException(
                List.of(new Problem(file.toString(), null, "not a rule file", "--show-drl takes a decision table "
                        + "(.xlsx, .csv) or a .drl file."))));
        return translator.translate(file, file.toString()).drl();
    }

    static String json(RuleCatalog catalog) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode packs = root.putArray("packs");
        for (RulePackInfo pack : catalog.packs()) {
            ObjectNode p = packs.addObject();
            p.put("id", pack.id());
            p.put("version", pack.version());
            p.put("description", pack.description());
            p.put("source", pack.source());
            p.put("builtIn", pack.builtIn());
            ArrayNode rules = p.putArray("rules");
            for (RuleInfo rule : pack.rules()) {
                ObjectNode r = rules.addObject();
                r.put("name", rule.name());
                r.put("pack", rule.pack());
                r.put("code", rule.code());
                r.put("severity", rule.severity() == null ? null : rule.severity().name());
                r.put("category", rule.category());
                r.put("criterion", rule.criterion() == null ? null : rule.criterion().name());
                r.put("description", rule.description());
            }
            ArrayNode parameters = p.putArray("parameters");
            for (ParameterInfo parameter : pack.parameters()) {
                ObjectNode n = parameters.addObject();
                n.put("name", parameter.name());
                n.set("default", mapper.valueToTree(parameter.defaultValue()));
                n.set("value", mapper.valueToTree(parameter.value()));
                if (parameter.min() != null) {
                    n.put("min", parameter.min());
                }
                if (parameter.max() != null) {
                    n.put("max", parameter.max());
                }
                n.put("description", parameter.description());
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalog: " + e.getMessage(), e);
        }
    }

    private static int width(List<RuleInfo> rules, Function<RuleInfo, String> column, String header) {
        return Math.max(header.length(), rules.stream().mapToInt(r -> dash(column.apply(r)).length()).max().orElse(1));
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    static String text(RuleCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        int rules = 0;
        int parameters = 0;
        for (RulePackInfo pack : catalog.packs()) {
            rules += pack.rules().size();
            parameters += pack.parameters().size();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("Pack ").append(pack.id()).append(' ').append(pack.version() == null ? "" : pack.version())
                    .append(pack.builtIn() ? " (built-in)" : " (" + pack.source() + ")").append('\n');
            if (pack.description() != null && !pack.description().isBlank()) {
                Text.wrap(sb, pack.description(), 2);
            }
            if (!pack.rules().isEmpty()) {
                sb.append("  Rules\n");
                List<RuleInfo> sorted = pack.rules().stream()
                        // rules that report no finding (they score, rate or mark a check not assessed) come last
                        .sorted(Comparator.comparing((RuleInfo r) -> r.code() == null)
                                .thenComparing(r -> r.code() == null ? "" : r.code()).thenComparing(RuleInfo::name))
                        .toList();
                int code = width(sorted, r -> r.code(), "CODE");
                int category = width(sorted, r -> r.category(), "CATEGORY");
                int criterion = width(sorted, r -> r.criterion() == null ? null : r.criterion().name(), "CRITERION");
                String row = "    %-" + code + "s  %-8s  %-" + category + "s  %-" + criterion + "s  %s%n";
                sb.append(String.format(Locale.ROOT, row, "CODE", "SEVERITY", "CATEGORY", "CRITERION", "RULE"));
                for (RuleInfo r : sorted) {
                    sb.append(String.format(Locale.ROOT, row, dash(r.code()),
                            r.severity() == null ? "-" : r.severity(), dash(r.category()),
                            dash(r.criterion() == null ? null : r.criterion().name()), r.name()));
                    if (r.description() != null && !r.description().isBlank()) {
                        Text.wrap(sb, r.description(), 6);
                    }
                }
            }
            if (!pack.parameters().isEmpty()) {
                sb.append("  Parameters\n");
                for (ParameterInfo p : pack.parameters()) {
                    boolean overridden = p.value() != null && !Text.value(p.value()).equals(Text.value(p.defaultValue()));
                    sb.append("    ").append(p.name()).append(" = ")
                            .append(Text.value(p.value() != null ? p.value() : p.defaultValue()))
                            .append(overridden ? " (default " + Text.value(p.defaultValue()) + ")" : " (default)")
                            .append(range(p)).append('\n');
                    if (p.description() != null && !p.description().isBlank()) {
                        Text.wrap(sb, p.description(), 6);
                    }
                }
            }
        }
        sb.append('\n').append(Text.plural(catalog.packs().size(), "pack", "packs")).append(", ")
                .append(Text.plural(rules, "rule", "rules")).append(", ")
                .append(Text.plural(parameters, "parameter", "parameters")).append('\n');
        return sb.toString();
    }

    /** ", from 0 to 1", ", at least 0", or nothing for a parameter its pack does not bound. */
    private static String range(ParameterInfo p) {
        if (p.min() != null && p.max() != null) {
            return ", from " + Text.value(p.min()) + " to " + Text.value(p.max());
        }
        return p.min() != null ? ", at least " + Text.value(p.min()) : p.max() != null ? ", at most " + Text.value(p.max()) : "";
    }
}
