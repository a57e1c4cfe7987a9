package org.missionengine.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.missionengine.internal.AtomicFiles;

/**
 * Entry point of the SIGINT tests' child JVM. First it makes sure SIGINT shuts the JVM down as in a terminal (a JVM
 * started from a background job inherits SIGINT as ignored, and the JVM then leaves it ignored), running shutdown hooks
 * and exiting with 130. Then either {@code slow-write FILE}: writes FILE through {@link AtomicFiles} but stops halfway,
 * prints "WRITING" and waits to be interrupted; or any other arguments: runs {@code mission-eval} with them.
 */
public final class InterruptibleMain {
    private InterruptibleMain() {
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) throws Exception {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> System.exit(128 + signal.getNumber()));
        if (args.length == 2 && args[0].equals("slow-write")) {
            AtomicFiles.write(Path.of(args[1]), out -> {
                out.write("{\"format\": \"mission-report/1\", \"missions\": [".getBytes(StandardCharsets.UTF_8));
                out.flush();
                System.out.println("WRITING");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write("]}".getBytes(StandardCharsets.UTF_8));
            });
            System.out.println("DONE");
            return;
        }
        System.out.println("STARTED");
        System.out.flush();
        MissionEval.main(args);
    }
}
