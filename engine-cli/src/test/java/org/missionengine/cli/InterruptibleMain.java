package org.missionengine.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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

    public static void main(String[] args) throws Exception {
        exitOnSigint();
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

    /**
     * {@code sun.misc.Signal.handle(new Signal("INT"), s -> System.exit(128 + s.getNumber()))}, called reflectively:
     * named in source, the JDK-internal class makes the compiler warn on every build.
     */
    private static void exitOnSigint() throws ReflectiveOperationException {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handler = Class.forName("sun.misc.SignalHandler");
        Method number = signal.getMethod("getNumber");
        Object exit = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, (proxy, method, a) -> {
            if (method.getName().equals("handle")) {
                System.exit(128 + (int) number.invoke(a[0]));
            }
            return null;
        });
        signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance("INT"),
                exit);
    }
}
