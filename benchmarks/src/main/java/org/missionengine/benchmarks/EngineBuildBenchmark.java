package org.missionengine.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import org.missionengine.MissionEngine;

/**
 * Building the engine with the built-in packs (parse and compile the DRL with MVEL, build the KieBase, read the
 * metadata). {@code cold} is the first build in a fresh JVM, as a command-line run pays it (class loading and JIT
 * included): one shot per fork, many forks. {@code warm} is a rebuild in a JVM that has built engines before (an
 * application reloading its rules).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBuildBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public MissionEngine cold() {
        return MissionEngine.builder().build();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public MissionEngine warm() {
        return MissionEngine.builder().build();
    }
}
