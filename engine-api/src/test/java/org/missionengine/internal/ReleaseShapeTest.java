package org.missionengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What a release publishes, read from the build's own files: every library module (a module with sources that ships
 * a javadoc jar, i.e. does not set {@code maven.javadoc.skip}) has a module name and is in the BOM, the BOM lists
 * nothing else, and every module that imports {@code org.missionengine.internal} is named in engine-api's qualified
 * export of it. A module missing from that export fails on the module path with an IllegalAccessError (.ci/run
 * runs engine-tables there); a library missing from the BOM leaves a consumer's versionless dependency unresolved.
 */
class ReleaseShapeTest {
    private static final Path ROOT = Path.of("..");

    /** A module of the build: its directory, its pom's {@code module.name}, and whether it ships a javadoc jar. */
    record Module(String directory, String name, boolean library, boolean usesInternal) {
    }

    @Test
    void everyLibraryModuleHasAModuleNameAndIsInTheBom() throws IOException {
        List<Module> modules = modules();
        List<String> libraries = modules.stream().filter(Module::library).map(Module::directory).toList();

        assertThat(libraries).containsExactlyInAnyOrder("engine-api", "engine-tables", "engine-drools",
                "engine-decisiontables", "engine-test", "engine-reports", "engine-spark");
        assertThat(modules).filteredOn(Module::library).allSatisfy(m ->
                assertThat(m.name()).as("module.name of %s", m.directory()).matches("org\\.missionengine(\\.[a-z]+)?"));
        // the CLI is an application (mission-eval), not a library to depend on
        assertThat(bomArtifacts()).containsExactlyInAnyOrderElementsOf(libraries);
    }

    @Test
    void engineApiExportsItsInternalPackageToEveryModuleThatUsesIt() throws IOException {
        TreeSet<String> users = new TreeSet<>();
        TreeSet<String> names = new TreeSet<>();
        for (Module m : modules()) {
            if (m.name() != null) {
                names.add(m.name());
            }
            if (m.usesInternal() && !m.directory().equals("engine-api")) {
                users.add(m.name() != null ? m.name() : m.directory() + " (no module.name)");
            }
        }

        assertThat(users).contains("org.missionengine.tables", "org.missionengine.spark");
        TreeSet<String> exportedTo = internalExportTargets();
        assertThat(exportedTo).containsAll(users);
        assertThat(names).as("module names of the build").containsAll(exportedTo);
    }

    private static List<Module> modules() throws IOException {
        List<Module> modules = new ArrayList<>();
        for (String directory : all(Files.readString(ROOT.resolve("pom.xml")), "<module>([^<]+)</module>")) {
            Path dir = ROOT.resolve(directory);
            Path sources = dir.resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            String pom = Files.readString(dir.resolve("pom.xml"));
            List<String> name = all(pom, "<module\\.name>([^<]+)</module\\.name>");
            modules.add(new Module(directory, name.isEmpty() ? null : name.get(0),
                    !pom.contains("<maven.javadoc.skip>true</maven.javadoc.skip>"),
                    imports(sources, "org.missionengine.internal.")));
        }
        return modules;
    }

    /** The Mission Engine artifacts the BOM manages. */
    private static List<String> bomArtifacts() throws IOException {
        return all(Files.readString(ROOT.resolve("mission-engine-bom/pom.xml")),
                "<groupId>org\\.missionengine</groupId>\\s*<artifactId>([^<]+)</artifactId>").stream()
                .filter(artifact -> !artifact.equals("mission-engine-bom")).toList();
    }

    private static TreeSet<String> internalExportTargets() throws IOException {
        String moduleInfo = Files.readString(Path.of("src/main/java/module-info.java"));
        List<String> lists = all(moduleInfo, "exports\\s+org\\.missionengine\\.internal\\s+to\\s+([^;]+);");
        assertThat(lists).as("the qualified export of org.missionengine.internal in module-info.java").hasSize(1);
        TreeSet<String> targets = new TreeSet<>();
        for (String name : lists.get(0).split(",")) {
            targets.add(name.strip());
        }
        return targets;
    }

    private static boolean imports(Path sources, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("import " + prefix);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Group 1 of every match. */
    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }
}
