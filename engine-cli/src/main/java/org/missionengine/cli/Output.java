package org.missionengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.internal.AtomicFiles;

/** Where a command's result goes: stdout, or a file written atomically (UTF-8). */
final class Output {
    private Output() {
    }

    static void write(String text, Path file, PrintWriter stdout, PrintWriter stderr) {
        if (file == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), stderr);
    }

    /** Writes {@code file} atomically from what {@code content} writes as it goes (a report streamed mission by mission). */
    static void write(Path file, AtomicFiles.Content content, PrintWriter stderr) {
        if (Files.isDirectory(file)) {
            throw new UserErrorException(new Problem(file.toString(), null, "is a directory",
                    "Give --output a file name, e.g. " + file.resolve("report.txt") + "."));
        }
        try {
            AtomicFiles.write(file, content);
        } catch (UncheckedIOException e) {
            throw new UserErrorException(new Problem(file.toString(), null, "cannot write the output file: "
                    + reason(e.getCause()), "Check that the directory exists or can be created, and that you "
                    + "may write to it."));
        }
        stderr.println("Wrote " + file);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName().replace("Exception", "");
        }
        return e.getMessage();
    }
}
