package org.missionengine.spark.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system as {@code mission-eval-spark} writes its tables there: Hadoop's raw local file system, with
 * permissions set through Java rather than by starting a {@code chmod} process. Without Hadoop's native library (it
 * is not shipped with Spark), Hadoop starts a process for every directory a write creates: about 200 for the three
 * tables of a local run, which kept the tasks that write them waiting. Being raw, it also leaves no {@code .crc} file
 * beside each Parquet file. Not API: Hadoop creates it by name ({@code spark.hadoop.fs.file.impl}).
 */
public final class ForklessLocalFileSystem extends RawLocalFileSystem {

    /** The Hadoop configuration key that makes {@code file:} paths use this class. */
    public static final String CONFIG = "spark.hadoop.fs.file.impl";

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
        if (permission.getStickyBit()) { // not a POSIX file permission Java sets
            super.setPermission(path, permission);
            return;
        }
        try {
            Files.setPosixFilePermissions(pathToFile(path).toPath(),
                    PosixFilePermissions.fromString(permission.toString())); // "rwxr-xr-x"
        } catch (UnsupportedOperationException e) { // a file system without POSIX permissions
            super.setPermission(path, permission);
        }
    }
}
