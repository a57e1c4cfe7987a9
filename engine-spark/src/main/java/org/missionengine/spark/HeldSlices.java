package org.missionengine.spark;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.missionengine.model.Portfolio;

/**
 * Slices kept in the driver's JVM for executors that run in it ({@code local[n]}): their tasks take the slice's
 * records as they are, instead of the driver writing them as a portfolio file and the executor reading that file
 * again (a quarter of the executors' time at 1M projects, and a copy of the portfolio in the heap).
 */
final class HeldSlices {
    private static final Map<String, Portfolio> HELD = new ConcurrentHashMap<>();

    private HeldSlices() {
    }

    /** Keeps a slice until {@link #release}; returns the key a task finds it by. */
    static String hold(Portfolio slice) {
        String key = UUID.randomUUID().toString();
        HELD.put(key, slice);
        return key;
    }

    /**
     * The slice held under a key.
     *
     * @throws IllegalStateException when it is not held in this JVM: the executor runs elsewhere, or the evaluation
     *                               it belongs to was closed
     */
    static Portfolio get(String key) {
        Portfolio slice = HELD.get(key);
        if (slice == null) {
            throw new IllegalStateException("portfolio slice " + key + " is not held in this JVM: slices are kept in "
                    + "memory only for executors in the driver's JVM (a local master), until the evaluation is closed");
        }
        return slice;
    }

    static void release(List<String> keys) {
        keys.forEach(HELD::remove);
    }
}
