package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodeTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("kaboom");
        }
    }

    private static Cli.Result run(boolean envDebug, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MissionEval.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), envDebug,
                new Boom());
        int code = cli.execute(args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithoutStackTrace() {
        Cli.Result r = run(false, "boom");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("internal error: ").contains("kaboom").contains("--debug")
                .doesNotContain("\tat ");
    }

    @Test
    void debugOptionPrintsTheStackTrace() {
        Cli.Result r = run(false, "boom", "--debug");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("internal error: ").contains("\tat ");
    }

    @Test
    void debugEnvironmentVariablePrintsTheStackTrace() {
        Cli.Result r = run(true, "boom");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void versionAndHelpExitWithZero() {
        assertThat(Cli.run("--version").exitCode()).isZero();
        Cli.Result help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("evaluate", "validate", "rules", "Exit codes");
    }

    @Test
    void unknownCommandIsAUserMistake() {
        Cli.Result r = Cli.run("evalute");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("evalute").contains("evaluate");
    }
}
