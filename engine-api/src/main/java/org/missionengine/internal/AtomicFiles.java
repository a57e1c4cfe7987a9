package org.missionengine.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that readers see the old content or the complete new one, never half a file: the bytes go to a
 * temporary file beside the target ({@code .NAME.RANDOM.tmp}), are forced to disk, and the temporary file is then
 * moved into place in one step. If the writing fails, the temporary file is deleted and the target is untouched; if
 * the JVM is stopped while writing (Ctrl-C, SIGTERM), a shutdown hook deletes the temporary files still being
 * written. Only a hard kill (SIGKILL, power loss) can leave a temporary file behind, never a half-written target.
 * A target that exists keeps its POSIX permissions. Not public API.
 */
public final class AtomicFiles {
    /** Temporary files being written now: the shutdown hook deletes what is left of them. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile boolean hookInstalled;

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            installShutdownHook();
            tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            IN_PROGRESS.add(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(absolute, tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_PROGRESS.remove(tmp);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
                IN_PROGRESS.remove(tmp);
            }
        }
    }

    /** The temporary files being written at this moment (for tests and diagnostics). */
    public static Set<Path> inProgress() {
        return Set.copyOf(IN_PROGRESS);
    }

    /** A report that replaces another keeps who may read it: the new file gets the old one's permissions. */
    private static void keepPermissions(Path target, Path tmp) {
        try {
            PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            PosixFileAttributeView fresh = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (old != null && fresh != null && Files.exists(target)) {
                Set<PosixFilePermission> permissions = old.readAttributes().permissions();
                fresh.setPermissions(permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file is written with the default permissions
        }
    }

    private static void installShutdownHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (AtomicFiles.class) {
            if (hookInstalled) {
                return;
            }
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_PROGRESS.forEach(AtomicFiles::deleteQuietly),
                        "mission-engine-atomic-files-cleanup"));
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the write fails or completes; finally still deletes its file
            }
            hookInstalled = true;
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // best effort: a hidden file named after the target, never the target itself
        }
    }
}
