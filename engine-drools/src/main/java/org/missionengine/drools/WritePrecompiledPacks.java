package org.missionengine.drools;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Not API: the build runs it (exec-maven-plugin, before the jar is made) to write the compiled built-in packs into the
 * classes directory. {@code java ... org.missionengine.drools.WritePrecompiledPacks OUTPUT_DIRECTORY}
 */
public final class WritePrecompiledPacks {
    private WritePrecompiledPacks() {
    }

    /**
     * Writes the compiled built-in packs.
     *
     * @param args the output directory (the classes directory)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WritePrecompiledPacks OUTPUT_DIRECTORY (the classes directory)");
        }
        PrecompiledPacks.write(Path.of(args[0]).resolve(PrecompiledPacks.RESOURCE));
    }
}
