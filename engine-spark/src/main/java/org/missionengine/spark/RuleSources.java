package org.missionengine.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.missionengine.EngineConfig;
import org.missionengine.report.Severity;

/**
 * An engine configuration with the content of its rule files, to build the same engine on an executor that may not
 * see the driver's files: never a compiled KieBase, which does not survive serialisation. {@link #hash()} keys the
 * engine each executor JVM builds once.
 */
final class RuleSources implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A rule file or pack directory as the user named it, and its files (path inside it → content). */
    record RulePath(String path, boolean file, TreeMap<String, byte[]> files) implements Serializable {
    }

    private final List<RulePath> rules;
    private final List<RulePath> trusted;
    private final LinkedHashMap<String, String> inlineRules;
    private final ArrayList<String> disabled;
    private final LinkedHashMap<String, Object> parameters;
    private final LinkedHashMap<String, Severity> severities;
    private final boolean trustAll;
    private final int threads;
    private final Duration timeout;
    private final int maxFirings;
    private final String hash;

    RuleSources(EngineConfig config) {
        this.rules = config.rulePaths().stream().map(RuleSources::capture).toList();
        this.trusted = config.trustedRules().stream().map(RuleSources::capture).toList();
        this.inlineRules = new LinkedHashMap<>(new TreeMap<>(config.inlineRules()));
        this.disabled = new ArrayList<>(config.disabled());
        this.parameters = new LinkedHashMap<>(new TreeMap<>(config.parameters()));
        this.severities = new LinkedHashMap<>(new TreeMap<>(config.severities()));
        this.trustAll = config.trustAllRules();
        this.threads = config.threads();
        this.timeout = config.timeout();
        this.maxFirings = config.maxFirings();
        this.hash = digest();
    }

    /** Identifies the configuration and the content of its rule files. */
    String hash() {
        return hash;
    }

    /**
     * The configuration to build on this machine: each rule path as named when it holds the same content here (on the
     * driver's machine, or a shared file system), otherwise a copy of the driver's files under {@code copies}.
     */
    EngineConfig config(Path copies) {
        List<Path> rulePaths = new ArrayList<>();
        for (RulePath rule : rules) {
            rulePaths.add(local(rule, copies.resolve(hash).resolve("rules-" + rulePaths.size())));
        }
        List<Path> trustedPaths = new ArrayList<>();
        for (RulePath rule : trusted) {
            trustedPaths.add(local(rule, copies.resolve(hash).resolve("trusted-" + trustedPaths.size())));
        }
        return new EngineConfig(rulePaths, inlineRules, disabled, parameters, severities, trustedPaths, trustAll,
                threads, timeout, maxFirings);
    }

    private static Path local(RulePath rule, Path base) {
        Path original = Path.of(rule.path());
        if (Files.exists(original) && sameFiles(capture(rule.path()), rule)) {
            return original;
        }
        Path root = base.resolve(original.getFileName() == null ? Path.of("rules") : original.getFileName());
        try {
            for (Map.Entry<String, byte[]> e : rule.files().entrySet()) {
                Path target = rule.file() ? root : root.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the rule files of " + rule.path() + " to " + root, e);
        }
        return root;
    }

    private static boolean sameFiles(RulePath a, RulePath b) {
        if (a.file() != b.file() || !a.files().keySet().equals(b.files().keySet())) {
            return false;
        }
        return a.files().entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(),
                b.files().get(e.getKey())));
    }

    /** Reads a rule file, or every file of a pack directory, as it is now. */
    private static RulePath capture(Path path) {
        return capture(path.toString());
    }

    private static RulePath capture(String name) {
        Path path = Path.of(name);
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> all = Files.walk(path)) {
                    for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                        files.put(path.relativize(file).toString(), Files.readAllBytes(file));
                    }
                }
                return new RulePath(name, false, files);
            }
            if (Files.isRegularFile(path)) {
                files.put("", Files.readAllBytes(path));
            }
            return new RulePath(name, true, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule files at " + name, e);
        }
    }

    private String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (List<RulePath> list : List.of(rules, trusted)) {
                sha.update((byte) 1);
                for (RulePath rule : list) {
                    update(sha, rule.path());
                    rule.files().forEach((name, content) -> {
                        update(sha, name);
                        sha.update(content);
                    });
                }
            }
            update(sha, inlineRules.toString() + disabled + parameters + severities + trustAll + threads + timeout
                    + maxFirings);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
    }
}
