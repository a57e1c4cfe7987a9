package org.missionengine.drools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;

/**
 * Not API: the build runs it (exec-maven-plugin, before the jar is made) to write the compiled built-in packs into the
 * classes directory. {@code java ... org.missionengine.drools.WritePrecompiledPacks OUTPUT_DIRECTORY}
 */
public final class WritePrecompiledPacks {
    private WritePrecompiledPacks() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WritePrecompiledPacks OUTPUT_DIRECTORY (the classes directory)");
        }
        PrecompiledPacks.write(Path.of(args[0]).resolve(PrecompiledPacks.RESOURCE));
        // Drools compiles large packs on a pool of its own that it never shuts down: its idle threads would outlive
        // this program by a minute, and the build (exec:java, in Maven's JVM) waits for them, then gives up noisily.
        // This program is done with Drools, so it ends the pool.
        ForkJoinPool compilerPool = KnowledgeBuilderImpl.ForkJoinPoolHolder.COMPILER_POOL;
        compilerPool.shutdown();
        compilerPool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
