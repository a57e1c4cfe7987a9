package org.missionengine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost: a write either replaces the file completely or leaves it as it was, and no temporary file stays. */
class AtomicFilesTest {

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteCreatesTheFileAndItsDirectories(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("reports/2026/report.json");

        AtomicFiles.write(target, out -> out.write("{}\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("{}");
        assertThat(files(target.getParent())).containsExactly("report.json");
        assertThat(AtomicFiles.inProgress()).isEmpty();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "the previous report");

        Throwable io = catchThrowable(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        Throwable bug = catchThrowable(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new rep".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("a renderer failed");
        }));

        assertThat(io).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(bug).isInstanceOf(IllegalStateException.class);
        assertThat(target).hasContent("the previous report");
        assertThat(files(dir)).containsExactly("report.json");
        assertThat(AtomicFiles.inProgress()).isEmpty();
    }

    @Test
    void aReplacedFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.txt");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void aNewFileGetsTheDefaultPermissionsNotPrivateOnes(@TempDir Path dir) throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path target = dir.resolve("report.txt");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(probe));
    }
}
