package org.missionengine.drools;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.missionengine.MissionEngine;
import org.missionengine.catalog.ParameterInfo;
import org.missionengine.catalog.RuleCatalog;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.catalog.RulePackInfo;

/**
 * Writes the generated parts of docs/rule-catalog.md from the engine's own catalog. The file is hand-written prose
 * (what a pack is for, when its rules fire, the rating formulas) around one generated region per built-in pack,
 * between {@code <!-- generated: pack ID -->} and {@code <!-- end generated: pack ID -->}: the pack's version and
 * description (from its pack.json), its rules with code, severity, category and criterion, and its parameters with
 * their defaults and descriptions. Only the regions are rewritten; a pack without a region gets a new section at the
 * end, and a region whose pack no longer exists is an error.
 *
 * <p>Regenerate: {@value #REGENERATE}
 */
public final class RuleCatalogDoc {
    /** The command that rewrites the committed file (RuleCatalogDocTest writes it when the property is set). */
    static final String REGENERATE = "mvn -o -q -pl engine-drools -am verify -Dtest=RuleCatalogDocTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -DruleCatalog.write=true";
    static final Path FILE = Path.of("..", "docs", "rule-catalog.md");

    private static final Pattern REGION = Pattern.compile(
            "<!-- generated: pack (\\S+) -->\\n.*?<!-- end generated: pack \\1 -->\\n", Pattern.DOTALL);

    private RuleCatalogDoc() {
    }

    /** Rewrites docs/rule-catalog.md (run from the engine-drools directory). */
    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, generate(read(FILE), builtInCatalog()), StandardCharsets.UTF_8);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The catalog of the built-in packs, with their default parameters. */
    static RuleCatalog builtInCatalog() {
        return MissionEngine.builder().build().catalog();
    }

    /**
     * The document with every region replaced by what the catalog says now.
     *
     * @throws IllegalStateException if a region names a pack the catalog does not have
     */
    static String generate(String document, RuleCatalog catalog) {
        List<RulePackInfo> packs = catalog.packs().stream().filter(RulePackInfo::builtIn).toList();
        Set<String> placed = new LinkedHashSet<>();
        Matcher m = REGION.matcher(document);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = m.group(1);
            RulePackInfo pack = packs.stream().filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("docs/rule-catalog.md has a generated region for "
                            + "pack \"" + id + "\", which the engine does not have: remove the region and its prose"));
            placed.add(id);
            m.appendReplacement(out, Matcher.quoteReplacement(region(pack)));
        }
        m.appendTail(out);
        for (RulePackInfo pack : packs) {
            if (!placed.contains(pack.id())) {
                out.append("\n## ").append(pack.id()).append("\n\n").append(region(pack));
            }
        }
        return out.toString();
    }

    private static String region(RulePackInfo pack) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- generated: pack ").append(pack.id()).append(" -->\n");
        sb.append("Pack `").append(pack.id()).append("` ").append(pack.version()).append(". ")
                .append(cell(pack.description()).strip()).append("\n");
        if (!pack.rules().isEmpty()) {
            sb.append("\n| code | severity | category | criterion | rule |\n|---|---|---|---|---|\n");
            pack.rules().stream()
                    .sorted(Comparator.comparing((RuleInfo r) -> String.valueOf(r.code())).thenComparing(RuleInfo::name))
                    .forEach(r -> sb.append("| ").append(r.code() == null ? "—" : "`" + r.code() + "`")
                            .append(" | ").append(r.severity() == null ? "—" : r.severity().name())
                            .append(" | ").append(r.category() == null ? "—" : r.category())
                            .append(" | ").append(r.criterion() == null ? "—" : r.criterion().name())
                            .append(" | ").append(cell(r.name()))
                            .append(r.description() == null || r.description().isBlank() ? ""
                                    : ": " + cell(r.description()))
                            .append(" |\n"));
        }
        if (!pack.parameters().isEmpty()) {
            sb.append("\n| parameter | default | range | meaning |\n|---|---|---|---|\n");
            for (ParameterInfo p : pack.parameters()) {
                sb.append("| `").append(p.name()).append("` | ").append(value(p.defaultValue())).append(" | ")
                        .append(range(p)).append(" | ")
                        .append(p.description() == null ? "" : cell(p.description())).append(" |\n");
            }
        }
        sb.append("<!-- end generated: pack ").append(pack.id()).append(" -->\n");
        return sb.toString();
    }

    /** "0–1", "≥ 0", "≤ 5", or "—" for a parameter its pack does not bound. */
    private static String range(ParameterInfo p) {
        if (p.min() != null && p.max() != null) {
            return value(p.min()) + "–" + value(p.max());
        }
        return p.min() != null ? "≥ " + value(p.min()) : p.max() != null ? "≤ " + value(p.max()) : "—";
    }

    /** Table-safe text: no line breaks, no column separators. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\n", " ").replace("|", "\\|");
    }

    /** 0.035 as "0.035", 1.0 as "1", 1000000 as "1000000". */
    static String value(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value == null ? "—" : String.valueOf(value);
    }

    /** The finding codes the catalog knows, for checking the codes the hand-written prose names. */
    static List<String> codes(RuleCatalog catalog) {
        List<String> codes = new ArrayList<>();
        catalog.packs().forEach(p -> p.rules().forEach(r -> {
            if (r.code() != null && !codes.contains(r.code())) {
                codes.add(r.code());
            }
        }));
        return codes;
    }
}
