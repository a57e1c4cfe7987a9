package org.missionengine.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories and files get the permissions Hadoop asks for, set through Java. */
class ForklessLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private final ForklessLocalFileSystem fs = new ForklessLocalFileSystem();

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Configuration conf = new Configuration(false);
        conf.set("fs.permissions.umask-mode", "022");
        fs.initialize(java.net.URI.create("file:///"), conf);
    }

    @Test
    void aDirectoryMadeWithAPermissionHasIt() throws IOException {
        Path nested = new Path(dir.toUri().toString(), "missions/_temporary/0");

        assertThat(fs.mkdirs(nested, new FsPermission("750"))).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("missions/_temporary/0"))))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void aPermissionSetOnAFileIsItsPermission() throws IOException {
        Path file = new Path(dir.toUri().toString(), "part-00000.parquet");
        try (FSDataOutputStream out = fs.create(file)) {
            out.write(1);
        }

        fs.setPermission(file, new FsPermission("640"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("part-00000.parquet"))))
                .isEqualTo("rw-r-----");
        assertThat(dir).isDirectoryNotContaining("glob:**.crc");
    }
}
