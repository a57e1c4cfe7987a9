package org.missionengine.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class of the test class path in a JVM of its own (the shaded jar may not be built at test time) and sends it
 * signals: SIGINT with {@code kill -INT}, SIGTERM with {@link Process#destroy()}.
 */
final class Subprocess {
    private Subprocess() {
    }

    /** The class path of the tests: surefire passes it on, outside surefire it is java.class.path. */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static Process start(Path workDir, Path stderr, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /** Waits for a line on the process's stdout that starts with {@code prefix}; false if it ended first. */
    static boolean awaitLine(Process process, String prefix) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Sends SIGINT (what Ctrl-C sends). */
    static void interrupt(Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
    }

    static int awaitExit(Process process, long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + seconds + " s");
        }
        return process.exitValue();
    }
}
