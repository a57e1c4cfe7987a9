package org.missionengine.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.missionengine.EngineConfig;
import org.missionengine.InvalidRulesException;
import org.missionengine.Problem;
import org.missionengine.drools.spi.RuleSourceTranslator;
import org.missionengine.drools.spi.TranslatedRules;
import org.missionengine.internal.ClosestName;

/** Loads the built-in packs from the class path and agencies' packs from files and directories. */
final class RulePackLoader {
    static final String BUILT_IN_ROOT = "org/missionengine/rules/";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final ObjectMapper MANIFESTS = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RulePackLoader() {
    }

    /** The built-in packs, in the order of {@code packs.txt}. */
    static List<RulePack> builtIns() {
        List<RulePack> packs = new ArrayList<>();
        for (String id : resource(BUILT_IN_ROOT + "packs.txt").split("\\R")) {
            id = id.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            String dir = BUILT_IN_ROOT + id + "/";
            String manifestText = resource(dir + "pack.json");
            PackManifest manifest = manifest(manifestText, "classpath:" + dir + "pack.json");
            String drl = resource(dir + id + ".drl");
            // hashed as the pack directory it is in the sources: its pack.json and its DRL file
            String hash = ContentHash.ofFiles(Map.of("pack.json", manifestText.getBytes(StandardCharsets.UTF_8),
                    id + ".drl", drl.getBytes(StandardCharsets.UTF_8)));
            packs.add(pack(manifest, "classpath:" + dir, true,
                    List.of(new RulePack.DrlSource(dir + id + ".drl", drl)), hash));
        }
        return packs;
    }

    /** Spreadsheet formats that need a translator module (engine-decisiontables) to be read. */
    private static final List<String> TABLE_ENDINGS = List.of(".xlsx", ".xls", ".csv");

    /**
     * A rule file (a pack of its own, named after the file, with the version and parameters of a pack.json beside it)
     * or a pack directory. A rule file is DRL, or a format an installed {@link RuleSourceTranslator} reads (a decision
     * table), translated to DRL here.
     */
    static RulePack load(Path path) {
        String shown = path.toString();
        if (Files.isDirectory(path)) {
            List<Path> ruleFiles = ruleFilesIn(path);
            List<RulePack.DrlSource> sources = sources(ruleFiles);
            Path manifestFile = path.resolve("pack.json");
            PackManifest manifest;
            Map<String, byte[]> content = new LinkedHashMap<>();
            ruleFiles.forEach(f -> content.put(f.getFileName().toString(), bytes(f)));
            if (Files.exists(manifestFile)) {
                manifest = manifest(read(manifestFile), manifestFile.toString());
                content.put("pack.json", bytes(manifestFile));
            } else {
                manifest = new PackManifest(path.getFileName().toString(), null, null, Map.of());
            }
            if (sources.isEmpty()) {
                throw new InvalidRulesException(new Problem(shown, null, "the pack directory holds no rule file",
                        "Put the pack's rules in .drl files (or decision tables: " + tableEndings()
                                + ") beside its pack.json."));
            }
            return pack(manifest, shown, false, sources, ContentHash.ofFiles(content));
        }
        if (!Files.exists(path)) {
            throw new InvalidRulesException(new Problem(shown, null, "no such rule file or pack directory",
                    "Pass a .drl file, a decision table or a directory with a pack.json."));
        }
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String id;
        if (lower.endsWith(".drl")) {
            id = name.substring(0, name.length() - 4);
        } else {
            RuleSourceTranslator translator = translatorFor(path);
            String ending = translator.extensions().stream().filter(lower::endsWith).findFirst().orElseThrow();
            id = name.substring(0, name.length() - ending.length()).replaceFirst("(?i)\\.drl$", "");
        }
        // a decision table is hashed as the user keeps it (its bytes), not as the DRL it becomes
        Path siblingManifest = path.toAbsolutePath().getParent() == null ? null
                : path.toAbsolutePath().getParent().resolve("pack.json");
        if (siblingManifest == null || !Files.isRegularFile(siblingManifest)) {
            return pack(new PackManifest(id, null, null, Map.of()), shown, false, List.of(source(path)),
                    ContentHash.of(bytes(path)));
        }
        // one file of a pack directory, named alone: its rules read the parameters the pack declares, so the file
        // keeps its own name as the pack's id and takes the version and parameters of the pack.json beside it
        PackManifest pack = manifest(read(siblingManifest), siblingManifest.toString());
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put(name, bytes(path));
        content.put("pack.json", bytes(siblingManifest));
        return pack(new PackManifest(id, pack.version(), pack.description(), pack.parameters()), shown, false,
                List.of(source(path)), ContentHash.ofFiles(content));
    }

    /** The DRL source of a rule file: the file itself, or what its translator makes of it. */
    private static RulePack.DrlSource source(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".drl")) {
            return new RulePack.DrlSource(file.toString(), read(file));
        }
        TranslatedRules translated = translatorFor(file).translate(file, file.toString());
        return new RulePack.DrlSource(file.toString(), translated.drl(), translated.locator());
    }

    private static RuleSourceTranslator translatorFor(Path file) {
        return RuleSourceTranslator.forFile(file).orElseThrow(() -> {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean table = TABLE_ENDINGS.stream().anyMatch(name::endsWith);
            return new InvalidRulesException(table
                    ? new Problem(file.toString(), null, "decision tables are read by the engine-decisiontables module, "
                    + "which is not on the class path", "Add the dependency org.missionengine:engine-decisiontables "
                    + "(the mission-eval tool includes it).")
                    : new Problem(file.toString(), null, "not a rule file (expected a .drl file, a decision table or "
                    + "a pack directory)", "Rule files end in .drl" + (translatorEndings().isEmpty() ? ""
                    : " or " + String.join(", ", translatorEndings())) + "; a pack is a directory with a pack.json."));
        });
    }

    /** True when {@code file} is named as a rule file: DRL, or a format an installed translator reads. */
    static boolean isRuleFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".drl") || RuleSourceTranslator.forFile(file).isPresent();
    }

    private static List<String> translatorEndings() {
        return RuleSourceTranslator.installed().stream().flatMap(t -> t.extensions().stream()).sorted().toList();
    }

    private static String tableEndings() {
        List<String> endings = translatorEndings();
        return String.join(", ", endings.isEmpty() ? TABLE_ENDINGS : endings);
    }

    /**
     * Refuses custom rule files that use what a rule file may not (see {@link RuleFileGuard}), unless the
     * configuration trusts them; every problem of every file at once, each at {@code file:line}.
     */
    static void refuseUntrusted(List<RulePack> packs, EngineConfig config) {
        List<Problem> problems = new ArrayList<>();
        for (RulePack pack : packs) {
            if (pack.builtIn() || config.trustAllRules()) {
                continue;
            }
            boolean inline = config.inlineRules().containsKey(pack.source());
            if (!inline && config.trusts(Path.of(pack.source()))) {
                continue;
            }
            String trust = inline ? "If you trust these rules fully, build the engine with "
                    + "MissionEngine.builder().trustAllRules()."
                    : "If you wrote this file and trust it fully, pass it with --trust-rules " + pack.source()
                    + " instead of --rules (in code: MissionEngine.builder().trustRules(path)).";
            for (RulePack.DrlSource drl : pack.sources()) {
                for (Problem problem : RuleFileGuard.check(drl.displayPath(), drl.text(), trust)) {
                    // what is refused ("System.exit") finds the cell of a decision table that holds it
                    String refused = problem.message().replaceFirst(" is not allowed.*", "")
                            .replaceFirst("^import ", "");
                    problems.add(new Problem(problem.file(), drl.location(Integer.parseInt(problem.location()),
                            refused), problem.message(), problem.hint()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
    }

    /** Rules given as text in code: a pack named after {@code name}. */
    static RulePack fromText(String name, String drl) {
        String id = name.replaceFirst("\\.drl$", "").replaceAll(".*/", "");
        return pack(new PackManifest(id, null, null, Map.of()), name, false, List.of(new RulePack.DrlSource(name, drl)),
                ContentHash.of(drl));
    }

    private static RulePack pack(PackManifest manifest, String source, boolean builtIn, List<RulePack.DrlSource> sources,
                                 String sha256) {
        String drlPackage = null;
        for (RulePack.DrlSource drl : sources) {
            Matcher m = PACKAGE.matcher(drl.text());
            if (!m.find()) {
                throw new InvalidRulesException(new Problem(drl.displayPath(), drl.location(1, ""), "the rule file has no package "
                        + "declaration", "Start it with a package of its own, e.g. \"package agency." + manifest.id()
                        + ";\" (each pack needs its own package)."));
            }
            if (drlPackage != null && !drlPackage.equals(m.group(1))) {
                throw new InvalidRulesException(new Problem(drl.displayPath(), null, "package " + m.group(1)
                        + " differs from " + drlPackage + " used by the pack's other files",
                        "All files of one pack share one package."));
            }
            drlPackage = m.group(1);
        }
        Map<String, RulePack.ParameterDeclaration> parameters = new LinkedHashMap<>();
        manifest.parameters().forEach((name, p) -> parameters.put(name,
                new RulePack.ParameterDeclaration(name, p.defaultValue(), p.description(), p.min(), p.max())));
        return new RulePack(manifest.id(), manifest.version() == null ? "unversioned" : manifest.version(),
                manifest.description(), source, builtIn, drlPackage, sources, parameters, sha256);
    }

    /** The pack directory's rule files in name order: its .drl files and the decision tables a translator reads. */
    private static List<Path> ruleFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            // a table without its translator is named too, to say which module reads it; "~$" and dot files are the
            // lock and backup files spreadsheet programs leave beside an open table
            return files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString()
                    .startsWith("~$") && !f.getFileName().toString().startsWith(".") && (isRuleFile(f) || TABLE_ENDINGS
                    .stream().anyMatch(f.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidRulesException(new Problem(dir.toString(), null, "cannot list the directory: "
                    + e.getMessage(), null));
        }
    }

    /** The DRL of each rule file; every file's mistakes at once. */
    private static List<RulePack.DrlSource> sources(List<Path> ruleFiles) {
        List<RulePack.DrlSource> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : ruleFiles) {
            try {
                sources.add(source(file));
            } catch (InvalidRulesException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return sources;
    }

    private static PackManifest manifest(String json, String shown) {
        try {
            PackManifest manifest = MANIFESTS.readValue(json, PackManifest.class);
            if (manifest.id() == null || manifest.id().isBlank()) {
                throw new InvalidRulesException(new Problem(shown, "id", "the pack has no id",
                        "Add \"id\": \"your-pack\" to pack.json."));
            }
            manifest.parameters().forEach((name, p) -> {
                if (p == null || p.defaultValue() == null) {
                    throw new InvalidRulesException(new Problem(shown, "parameters." + name, "parameter has no default",
                            "Give it a \"default\" value and a \"description\"."));
                }
                checkBounds(shown, name, p);
            });
            return manifest;
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new InvalidRulesException(new Problem(shown, path(e), "unknown field \"" + e.getPropertyName() + "\"",
                    ClosestName.hint(e.getPropertyName(), known)));
        } catch (MismatchedInputException e) {
            // a number where text or true came ("min": "zero"): said in the file's terms, not Jackson's
            if (e.getTargetType() != null && Number.class.isAssignableFrom(e.getTargetType())) {
                String got = e instanceof InvalidFormatException f ? ", got \"" + f.getValue() + "\"" : "";
                throw new InvalidRulesException(new Problem(shown, path(e), "must be a number" + got,
                        "Write a plain number without quotes, e.g. \"min\": 0."));
            }
            throw new InvalidRulesException(new Problem(shown, path(e), e.getOriginalMessage(),
                    "See docs/writing-rules.md for the pack.json format."));
        } catch (JsonMappingException e) {
            throw new InvalidRulesException(new Problem(shown, path(e), e.getOriginalMessage(),
                    "See docs/writing-rules.md for the pack.json format."));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new InvalidRulesException(new Problem(shown, where, "not valid JSON: " + e.getOriginalMessage(),
                    "Fix the syntax of pack.json."));
        }
    }

    /** A declared range must hold its own default: min at most max, both only for a number. */
    private static void checkBounds(String shown, String name, PackManifest.Parameter p) {
        if (p.min() == null && p.max() == null) {
            return;
        }
        String at = "parameters." + name;
        if (!(p.defaultValue() instanceof Number d)) {
            throw new InvalidRulesException(new Problem(shown, at, "\"min\" and \"max\" bound a number, but the "
                    + "default is " + p.defaultValue(), "Remove \"min\" and \"max\", or give a numeric default."));
        }
        if (p.min() != null && p.max() != null && p.min() > p.max()) {
            throw new InvalidRulesException(new Problem(shown, at + ".min", "min " + p.min() + " is above max "
                    + p.max(), "Swap them, or correct the one that is wrong."));
        }
        RulePack.ParameterDeclaration declared = new RulePack.ParameterDeclaration(name, d, null, p.min(), p.max());
        if (declared.outOfBounds(d.doubleValue())) {
            throw new InvalidRulesException(new Problem(shown, at + ".default", "the default " + d + " is outside the "
                    + "declared range (" + declared.range() + ")", "Choose a default " + declared.rangeClause() + "."));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidRulesException(new Problem(file.toString(), null, "cannot read: " + e.getMessage(), null));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRulesException(new Problem(file.toString(), null, "cannot read: " + e.getMessage(), null));
        }
    }

    private static String resource(String name) {
        try (InputStream in = RulePackLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource missing from the engine jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
