package org.missionengine.spark;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the driver keeps for executors that run in its own JVM ({@code local[n]}), by a key a task carries instead of
 * the thing itself: the portfolio's slices, which tasks take as they are instead of a portfolio file written and read
 * again (a quarter of the executors' time at 1M projects), and the missions' {@link HeldReports}.
 */
final class HeldInDriver {
    private static final Map<String, Object> HELD = new ConcurrentHashMap<>();

    private HeldInDriver() {
    }

    /** Keeps a value until {@link #release}; returns the key a task finds it by. */
    static String hold(Object value) {
        String key = UUID.randomUUID().toString();
        HELD.put(key, value);
        return key;
    }

    /**
     * The value held under a key.
     *
     * @throws IllegalStateException when it is not held in this JVM: the executor runs elsewhere, or the evaluation
     *                               it belongs to was closed
     */
    static <T> T get(String key, Class<T> type) {
        Object value = HELD.get(key);
        if (value == null) {
            throw new IllegalStateException(type.getSimpleName() + " " + key + " is not held in this JVM: the driver "
                    + "keeps it only for executors in its own JVM (a local master), until the evaluation is closed");
        }
        return type.cast(value);
    }

    static void release(Collection<String> keys) {
        keys.forEach(HELD::remove);
    }
}
