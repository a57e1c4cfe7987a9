package org.missionengine.drools;

import java.io.IOException;
import java.nio.file.Path;

import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;

/**
 * Not API: the build runs it (exec-maven-plugin, before the jar is made) to write the compiled built-in packs into the
 * classes directory. {@code java ... org.missionengine.drools.WritePrecompiledPacks OUTPUT_DIRECTORY}
 */
public final class WritePrecompiledPacks {
    private WritePrecompiledPacks() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WritePrecompiledPacks OUTPUT_DIRECTORY (the classes directory)");
        }
        // The rules are compiled one after another, not on Drools' compiler pool: compiled in parallel they come out
        // in a different order each time, so the archive (and the jar) would differ from build to build; and the
        // pool's idle threads, never shut down by Drools, would outlive this program in the build's JVM.
        String property = ParallelRulesBuildThresholdOption.PROPERTY_NAME;
        String before = System.getProperty(property);
        System.setProperty(property, "-1");
        try {
            PrecompiledPacks.write(Path.of(args[0]).resolve(PrecompiledPacks.RESOURCE));
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
