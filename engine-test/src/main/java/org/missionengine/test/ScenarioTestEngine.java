package org.missionengine.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * A JUnit Platform engine that runs policy scenario files as tests, without a line of Java: put the scenarios under
 * {@code src/test/resources} named {@code *.scenario.yaml} ({@code .yml}, {@code .json}), add
 * {@code org.missionengine:engine-test} and {@code engine-drools} with test scope and a class marked {@link ScenarioFiles},
 * and surefire, Gradle and IDEs run
 * each expectation as a test, named from its file, whose failure reads {@code file:line: scenario/mission: expected X,
 * found Y} as {@code mission-eval test} prints it.
 *
 * <p>Configuration parameters ({@code junit-platform.properties}, or surefire's {@code configurationParameters}):
 * <ul>
 *   <li>{@value #ROOTS}: comma-separated directories searched for scenario files, relative to the project
 *       (default {@code src/test/resources});</li>
 *   <li>{@value #MIN_COVERAGE}: 0..1; adds a test "rule coverage" that fails, listing the rules never fired, when
 *       fewer of the rules fired in the scenarios (default: no such test).</li>
 * </ul>
 * The engine discovers when asked for the tests of a class path root (an IDE's "all tests"), for a test class marked
 * {@link ScenarioFiles} (how surefire, which runs classes only, reaches the scenarios), for a directory or a scenario
 * file, or for one of its own tests by unique id (an IDE's re-run of one test).
 */
public final class ScenarioTestEngine implements TestEngine {
    /** The engine's id, as in {@code [engine:mission-scenarios]} and {@code includeEngines}. */
    public static final String ID = "mission-scenarios";
    /** Where scenario files are searched: comma-separated directories, relative to the project directory. */
    public static final String ROOTS = "missionengine.scenarios.roots";
    /** The share of rules (0..1) the scenarios must fire; adds the "rule coverage" test. */
    public static final String MIN_COVERAGE = "missionengine.scenarios.minCoverage";
    private static final String CLASS = "class";
    static final String DEFAULT_ROOT = "src/test/resources";
    private static final List<String> SUFFIXES = List.of(".scenario.yaml", ".scenario.yml", ".scenario.json");

    /** Created by the JUnit Platform through {@link java.util.ServiceLoader}. */
    public ScenarioTestEngine() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.missionengine");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("engine-test");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Mission Engine scenarios");
        List<String> roots = request.getConfigurationParameters().get(ROOTS)
                .map(ScenarioTestEngine::split).orElse(List.of(DEFAULT_ROOT));
        List<UniqueId> selectedIds = request.getSelectorsByType(UniqueIdSelector.class).stream()
                .map(UniqueIdSelector::getUniqueId).filter(id -> id.hasPrefix(uniqueId)).toList();
        Set<Path> files = selectedFiles(request, roots, selectedIds);
        for (Path file : files) {
            engine.addChild(ScenarioFileDescriptor.of(engine.getUniqueId(), relative(file)));
        }
        TestDescriptor coverageParent = engine;
        for (Class<?> testClass : markedClasses(request, selectedIds)) {
            ScenarioFileDescriptor.MarkedClass container = new ScenarioFileDescriptor.MarkedClass(
                    engine.getUniqueId().append(CLASS, testClass.getName()), testClass);
            Path base = projectOf(testClass);
            String[] own = testClass.getAnnotation(ScenarioFiles.class).value();
            for (String root : own.length > 0 ? List.of(own) : roots) {
                for (Path file : scenarioFiles(base.resolve(root))) {
                    container.addChild(ScenarioFileDescriptor.of(container.getUniqueId(), relative(file)));
                    files.add(file);
                }
            }
            engine.addChild(container);
            coverageParent = container;
        }
        if (engine.getChildren().size() > 1) {
            coverageParent = engine;  // one marked class alone holds the coverage test, so that surefire counts it
        }
        Optional<Double> minCoverage = request.getConfigurationParameters().get(MIN_COVERAGE).map(Double::parseDouble);
        if (minCoverage.isPresent() && !files.isEmpty()) {
            coverageParent.addChild(new ScenarioFileDescriptor.Coverage(coverageParent.getUniqueId(), minCoverage.get()));
        }
        if (!selectedIds.isEmpty()) {
            keepOnly(engine, selectedIds);
        }
        return engine;
    }

    /**
     * The scenario files asked for directly: under a class path root's project, a directory, a file, or under the
     * roots for a unique id outside any marked class.
     */
    private static Set<Path> selectedFiles(EngineDiscoveryRequest request, List<String> roots, List<UniqueId> ids) {
        Set<Path> files = new LinkedHashSet<>();
        for (ClasspathRootSelector selector : request.getSelectorsByType(ClasspathRootSelector.class)) {
            Path base = projectOf(Path.of(selector.getClasspathRoot()));
            roots.forEach(root -> files.addAll(scenarioFiles(base.resolve(root))));
        }
        if (ids.stream().anyMatch(id -> className(id).isEmpty())) {
            roots.forEach(root -> files.addAll(scenarioFiles(Path.of(root))));
        }
        for (DirectorySelector selector : request.getSelectorsByType(DirectorySelector.class)) {
            files.addAll(scenarioFiles(selector.getPath()));
        }
        for (FileSelector selector : request.getSelectorsByType(FileSelector.class)) {
            if (isScenarioFile(selector.getPath())) {
                files.add(selector.getPath());
            }
        }
        return files;
    }

    /** The classes marked {@link ScenarioFiles} that are selected, or that a selected unique id lies under. */
    private static Set<Class<?>> markedClasses(EngineDiscoveryRequest request, List<UniqueId> ids) {
        Set<Class<?>> marked = new LinkedHashSet<>();
        request.getSelectorsByType(ClassSelector.class).forEach(s -> load(s::getJavaClass).ifPresent(marked::add));
        ids.forEach(id -> className(id).flatMap(name -> load(() -> loadClass(name))).ifPresent(marked::add));
        return marked;
    }

    private static Optional<String> className(UniqueId id) {
        return id.getSegments().stream().filter(s -> s.getType().equals(CLASS)).map(UniqueId.Segment::getValue)
                .findFirst();
    }

    @Override
    public void execute(ExecutionRequest request) {
        new ScenarioFileDescriptor.Run(request.getEngineExecutionListener()).engine(request.getRootTestDescriptor());
    }

    /** The class when it loads and is marked {@link ScenarioFiles}; a class that cannot load is other engines' business. */
    private static Optional<Class<?>> load(java.util.function.Supplier<Class<?>> loader) {
        try {
            Class<?> testClass = loader.get();
            return testClass.isAnnotationPresent(ScenarioFiles.class) ? Optional.of(testClass) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The project a test class was compiled in, from where its class file is. */
    private static Path projectOf(Class<?> testClass) {
        try {
            return projectOf(Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return Path.of("");
        }
    }

    /** The project of a class path root in Maven's or Gradle's layout ({@code target/test-classes}); else itself. */
    private static Path projectOf(Path classpathRoot) {
        Path root = classpathRoot.toAbsolutePath().normalize();
        for (String layout : List.of("target/test-classes", "build/classes/java/test", "build/resources/test")) {
            Path tail = Path.of(layout);
            if (root.endsWith(tail)) {
                return root.getRoot().resolve(root.subpath(0, root.getNameCount() - tail.getNameCount()));
            }
        }
        return Path.of("");
    }

    static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static List<Path> scenarioFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(ScenarioTestEngine::isScenarioFile).map(p -> p.toAbsolutePath().normalize()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scenario files under " + dir, e);
        }
    }

    /** The path as failures print it: relative to the working directory (the project) when under it. */
    private static Path relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    /** Drops every descriptor that is neither selected, nor an ancestor or descendant of a selected one. */
    private static void keepOnly(TestDescriptor descriptor, List<UniqueId> selected) {
        for (TestDescriptor child : Set.copyOf(descriptor.getChildren())) {
            UniqueId id = child.getUniqueId();
            boolean related = selected.stream().anyMatch(s -> s.hasPrefix(id) || id.hasPrefix(s));
            if (!related) {
                descriptor.removeChild(child);
            } else {
                keepOnly(child, selected);
            }
        }
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
