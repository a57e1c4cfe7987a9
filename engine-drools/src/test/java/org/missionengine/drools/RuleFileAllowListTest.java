package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;

/**
 * The allow-list of what a custom rule file may use is enforced at load: a file that would end the JVM, open files,
 * reach the network, start processes or threads, or use reflection or class loaders is refused with
 * {@code file:line: what, why} and how to trust it; the same file builds when trusted. Strings and comments do not
 * count; the built-in packs and every rule file in the repository pass.
 */
class RuleFileAllowListTest {
    static final String HINT_START = "Rule files may use org.missionengine.model, .report and .rules; java.lang "
            + "(without System.exit, Runtime, processes, threads, reflection or class loaders); java.util, java.time "
            + "and java.math. ";

    static String rule(String imports, String then) {
        return """
                package agency.guarded;

                import org.missionengine.model.*;
                %s
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Guarded"
                when
                    $m : Mission()
                then
                    %s
                end
                """.formatted(imports, then);
    }

    static Path write(Path dir, String name, String drl) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, drl);
        return file;
    }

    static List<String> refusals(Path file) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rules(file).build());
        assertThat(e).as("refused at load").isNotNull();
        return e.problems().stream().map(Problem::describe).toList();
    }

    static String trustHint(Path file) {
        return "If you wrote this file and trust it fully, pass it with --trust-rules " + file + " instead of --rules "
                + "(in code: MissionEngine.builder().trustRules(path)).";
    }

    @Test
    void aFileThatCallsSystemExitIsRefusedWithWhyAndHowToTrustIt(@TempDir Path dir) throws IOException {
        Path file = write(dir, "exit.drl", rule("", "System.exit(1);"));

        assertThat(refusals(file)).containsExactly(file + ":11: System.exit is not allowed in a rule file: it would "
                + "end the whole application, not just the evaluation. " + HINT_START + trustHint(file));
    }

    @Test
    void aFileThatOpensFilesIsRefusedAtTheImportAndWhereItOpensThem(@TempDir Path dir) throws IOException {
        Path file = write(dir, "files.drl", rule("import java.io.File;",
                "new File(\"/tmp/leak.txt\").createNewFile();"));

        assertThat(refusals(file)).containsExactly(
                file + ":4: import java.io.File is not allowed in a rule file: package java.io is for files and "
                        + "streams. " + HINT_START + trustHint(file),
                file + ":11: new File is not allowed in a rule file: it opens files. " + HINT_START + trustHint(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            java.nio.file.Files.readString(java.nio.file.Path.of("x"));  | java.nio.file.Files is not allowed in a rule file: package java.nio.file is for files and channels
            new java.net.URL("http://example.org").openStream();         | java.net.URL is not allowed in a rule file: package java.net is for the network
            Runtime.getRuntime().exec("rm -rf /");                       | Runtime is not allowed in a rule file: Runtime can end the JVM and start processes
            new ProcessBuilder("ls").start();                            | ProcessBuilder is not allowed in a rule file: ProcessBuilder starts processes
            Thread.sleep(1000);                                          | Thread is not allowed in a rule file: threads are not for rules: a rule runs on the engine's thread
            Class.forName("java.io.File");                               | forName is not allowed in a rule file: Class.forName is reflection
            $m.getClass().getClassLoader();                              | getClassLoader is not allowed in a rule file: class loaders load arbitrary code
            Mission.class.getDeclaredFields();                           | Mission.class.getDeclaredFields is not allowed in a rule file: a class literal's members are reflection
            java.util.concurrent.Executors.newSingleThreadExecutor();    | java.util.concurrent.Executors is not allowed in a rule file: package java.util.concurrent is for threads
            System.setProperty("user.dir", "/");                         | System.setProperty is not allowed in a rule file: it changes the JVM the engine runs in
            String home = System.getenv("HOME");                         | System.getenv is not allowed in a rule file: it reads the application's environment
            \\u0053ystem.exit(0);                                        | System.exit is not allowed in a rule file: it would end the whole application, not just the evaluation
            """)
    void codeOutsideTheAllowListIsRefusedWithItsLine(String then, String expected, @TempDir Path dir)
            throws IOException {
        Path file = write(dir, "guarded.drl", rule("", then.replace("\\\\u", "\\u")));

        List<String> refusals = refusals(file);
        assertThat(refusals).isNotEmpty();
        assertThat(refusals.get(0)).isEqualTo(file + ":11: " + expected + ". " + HINT_START + trustHint(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            import java.lang.reflect.Method;  | import java.lang.reflect.Method is not allowed in a rule file: package java.lang.reflect is for reflection
            import java.net.*;                | import java.net.* is not allowed in a rule file: package java.net is for the network
            import static java.lang.System.exit; | import java.lang.System.exit is not allowed in a rule file: System is imported (its exit, properties and environment are not for rules)
            import function java.lang.Runtime.getRuntime; | import java.lang.Runtime.getRuntime is not allowed in a rule file: Runtime can end the JVM and start processes
            import org.drools.core.common.InternalAgenda; | import org.drools.core.common.InternalAgenda is not allowed in a rule file: package org.drools.core.common is for the rule engine's internals
            import com.acme.Tools;            | import com.acme.Tools is not allowed in a rule file: package com.acme is outside the allow-list
            """)
    void importsOutsideTheAllowListAreRefused(String imports, String expected, @TempDir Path dir) throws IOException {
        Path file = write(dir, "imports.drl", rule(imports, ""));

        assertThat(refusals(file).get(0)).isEqualTo(file + ":4: " + expected + ". " + HINT_START + trustHint(file));
    }

    @Test
    void whatTheAllowListPermitsBuilds(@TempDir Path dir) throws IOException {
        Path file = write(dir, "allowed.drl", rule("""
                import java.util.*;
                import java.util.stream.Collectors;
                import java.time.LocalDate;
                import java.math.BigDecimal;
                import org.missionengine.report.Severity;
                import org.missionengine.rules.TargetTrajectory;
                """, """
                // a comment may say System.exit(1) or new File("x"): it is not code
                String note = "System.exit(1); java.io.File; Runtime.getRuntime()";
                List<String> ids = new ArrayList<>();
                ids.add($m.id());
                String joined = ids.stream().sorted().collect(Collectors.joining(", "));
                BigDecimal total = BigDecimal.valueOf($m.publicFunding());
                long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2020, 1, 1), ctx.asOf());
                double root = Math.sqrt(Math.abs(total.doubleValue()));
                String text = String.format("%s %d %.1f", joined, days, root) + System.lineSeparator();
                long now = System.nanoTime();
                if (ids.size() > 1000) { System.out.println(text); }
                try { Integer.parseInt("x"); } catch (RuntimeException e) { }
                """));

        assertThat(MissionEngine.builder().rules(file).build().catalog().packs())
                .anySatisfy(p -> assertThat(p.id()).isEqualTo("allowed"));
    }

    static final String LOOP_HINT = "Count, sum or collect over facts in the rule's conditions with an accumulate "
            + "(e.g. accumulate(Project() from $m.projects(); $n : count())), or let the rule fire once per fact. ";

    static String loop(Path file, int line, String keyword) {
        return file + ":" + line + ": a " + keyword + " loop is not allowed in a rule file: a loop in a consequence or "
                + "function cannot be stopped if it never ends. " + LOOP_HINT + trustHint(file);
    }

    static String recursion(Path file, int line, String what) {
        return file + ":" + line + ": function " + what + ": recursion is not allowed in a rule file, as recursion "
                + "that never ends cannot be stopped. " + LOOP_HINT + trustHint(file);
    }

    @Test
    void loopsInConsequencesAndFunctionsAreRefusedAtTheirLineWithTheWayOut(@TempDir Path dir) throws IOException {
        Path file = write(dir, "loops.drl", rule("", """
                int n = 0;
                while (n < 3) { n++; }
                for (Project p : $m.projects()) { n++; }
                do { n--; } while (n > 0);
                """) + """

                function int total(java.util.List values) {
                    int sum = 0;
                    for (int i = 0; i < values.size(); i++) { sum += i; }
                    return sum;
                }
                """);

        assertThat(refusals(file)).containsExactly(loop(file, 12, "while"), loop(file, 13, "for"),
                loop(file, 14, "do"), loop(file, 20, "for"));
        assertThat(MissionEngine.builder().trustRules(file).build()).as("trusted, it builds").isNotNull();
    }

    static String endlessStream(Path file, int line, String what) {
        return file + ":" + line + ": " + what + " is not allowed in a rule file: a stream without an end is a loop, "
                + "which cannot be stopped if it never ends. Stream over a collection or a range (IntStream.range) "
                + "instead. " + LOOP_HINT + trustHint(file);
    }

    @Test
    void streamsWithoutAnEndAreRefusedAsLoops(@TempDir Path dir) throws IOException {
        // IntStream.iterate(0, i -> i + 1).forEach(...) spun for ever in an untrusted file: no loop keyword, no end
        Path file = write(dir, "endless.drl", rule("import java.util.*;", """
                java.util.stream.IntStream.iterate(0, i -> i + 1).forEach(i -> { });
                java.util.stream.Stream.<String>generate(() -> "x").count();
                new Random().ints().sum();
                long n = java.util.stream.IntStream.range(0, 3).count() + new Random().ints(3).count();
                List<String> ids = new ArrayList<>(); ids.iterator(); ctx.format("%d", 1);
                """));
        Path imported = write(dir, "imported.drl", rule("import static java.util.stream.Stream.iterate;", ""));

        assertThat(refusals(file)).containsExactly(
                endlessStream(file, 11, "iterate (a stream without an end)"),
                endlessStream(file, 12, "generate (a stream without an end)"),
                endlessStream(file, 13, "ints() (a stream without an end)"));
        assertThat(refusals(imported)).containsExactly(
                endlessStream(imported, 4, "iterate (a stream without an end)"));
        assertThat(MissionEngine.builder().trustRules(file).build()).as("trusted, it builds").isNotNull();
    }

    @Test
    void recursionIsRefusedAtTheCallThatClosesIt(@TempDir Path dir) throws IOException {
        Path file = write(dir, "recursion.drl", rule("", "deeper(0); ping(1);") + """

                function int deeper(int n) {
                    return n > 100 ? n : deeper(n + 1);
                }

                function int ping(int n) {
                    return n <= 0 ? 0 : pong(n - 1);
                }

                function int pong(int n) {
                    return ping(n);
                }

                function int twice(int n) {
                    return ping(n) + ping(n);
                }
                """);

        assertThat(refusals(file)).containsExactly(recursion(file, 15, "deeper calls itself"),
                recursion(file, 19, "ping calls itself through pong"),
                recursion(file, 23, "pong calls itself through ping"));
    }

    @Test
    void wordsThatOnlyLookLikeLoopsPass(@TempDir Path dir) throws IOException {
        Path file = write(dir, "not-loops.drl", rule("", """
                // while (true) { } in a comment; "for (;;)" in a string
                String forecast = "do it while you can";
                int format = ctx.format("%d", 1).length();
                """));

        assertThat(MissionEngine.builder().rules(file).build()).isNotNull();
    }

    @Test
    void aTrustedFileOrPackDirectoryIsNotChecked(@TempDir Path dir) throws IOException {
        Path file = write(dir, "exit.drl", rule("import java.io.File;", "if (false) { System.exit(1); }"));
        Path pack = Files.createDirectory(dir.resolve("pack"));
        write(pack, "pack.drl", rule("import java.io.File;", "if (false) { System.exit(1); }")
                .replace("agency.guarded", "agency.pack"));

        assertThat(MissionEngine.builder().trustRules(file).build().config().rulePaths()).containsExactly(file);
        assertThat(MissionEngine.builder().rules(file).trustRules(file).build().config().rulePaths())
                .containsExactly(file);
        assertThat(MissionEngine.builder().rules(file).trustRules(dir.resolve("./exit.drl")).build().config()
                .rulePaths()).containsExactly(file);
        assertThat(MissionEngine.builder().trustRules(pack).build().catalog().packs())
                .anySatisfy(p -> assertThat(p.id()).isEqualTo("pack"));
        assertThat(MissionEngine.builder().rules(file, pack).trustAllRules().build().catalog().packs())
                .hasSizeGreaterThan(2);
        // trusting one file trusts that file only
        assertThat(refusals(dir, file, pack)).allSatisfy(p -> assertThat(p).startsWith(pack.resolve("pack.drl") + ":"));
    }

    static List<String> refusals(Path dir, Path trusted, Path other) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().trustRules(trusted).rules(other).build());
        assertThat(e).isNotNull();
        return e.problems().stream().map(Problem::describe).toList();
    }

    @Test
    void rulesGivenAsTextAreCheckedToo() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> MissionEngine.builder()
                .rulesText("inline.drl", rule("", "System.exit(3);")).build());

        assertThat(e.getMessage()).isEqualTo("inline.drl:11: System.exit is not allowed in a rule file: it would end "
                + "the whole application, not just the evaluation. " + HINT_START + "If you trust these rules fully, "
                + "build the engine with MissionEngine.builder().trustAllRules().");
        assertThat(MissionEngine.builder().rulesText("inline.drl", rule("", "if (false) { System.exit(3); }"))
                .trustAllRules().build()).isNotNull();
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.drl", rule("import java.io.*;", "System.exit(1);"));
        Path b = write(dir, "b.drl", rule("", "Thread.sleep(5);").replace("agency.guarded", "agency.b"));

        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> MissionEngine.builder().rules(a, b).build());

        assertThat(e.problems()).extracting(p -> p.file() + ":" + p.location())
                .containsExactly(a + ":4", a + ":11", b + ":11");
    }

    /** The guard must not get in the way of honest rules: the built-in packs and every rule file in the repository. */
    @Test
    void theBuiltInPacksAndTheRepositorysRuleFilesPass() throws IOException {
        List<String> checked = new ArrayList<>();
        for (RulePack pack : RulePackLoader.builtIns()) {
            for (RulePack.DrlSource drl : pack.sources()) {
                assertThat(RuleFileGuard.check(drl.displayPath(), drl.text(), "")).as(drl.displayPath()).isEmpty();
                checked.add(drl.displayPath());
            }
        }
        for (Path root : List.of(Path.of("..", "samples"), Path.of("..", "engine-cli", "src", "test", "resources"),
                Path.of("..", "engine-test", "src", "test", "resources"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                    String text = Files.readString(drl, StandardCharsets.UTF_8);
                    if (drl.getFileName().toString().startsWith("broken")) {
                        continue; // deliberately broken syntax, for the compile-error tests
                    }
                    assertThat(RuleFileGuard.check(drl.toString(), text, "")).as(drl.toString()).isEmpty();
                    checked.add(drl.toString());
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(9);
    }
}
