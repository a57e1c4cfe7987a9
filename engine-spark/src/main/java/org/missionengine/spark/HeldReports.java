package org.missionengine.spark;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The rendered mission reports of an evaluation whose executors run in the driver's JVM ({@code local[n]}), by the
 * missions' positions: the report file is written from them as they are, and the missions table reads them, instead of
 * Spark keeping them in its cache and fetching them back task by task (at 1M projects, 1.1 GB through compression,
 * the block manager and a socket, on one core, after the tables).
 */
final class HeldReports {
    private static final Map<String, AtomicReferenceArray<byte[]>> HELD = new ConcurrentHashMap<>();

    private HeldReports() {
    }

    /** Room for the reports of {@code missions} missions; returns the key executors put them by. */
    static String open(int missions) {
        String key = UUID.randomUUID().toString();
        HELD.put(key, new AtomicReferenceArray<>(missions));
        return key;
    }

    static void put(String key, long position, byte[] report) {
        reports(key).set(Math.toIntExact(position), report);
    }

    /** The report of the mission at a position. */
    static byte[] get(String key, long position) {
        byte[] report = reports(key).get(Math.toIntExact(position));
        if (report == null) {
            throw new IllegalStateException("no report held for the mission at position " + position);
        }
        return report;
    }

    /** How many missions the reports are for. */
    static int size(String key) {
        return reports(key).length();
    }

    static void release(String key) {
        HELD.remove(key);
    }

    private static AtomicReferenceArray<byte[]> reports(String key) {
        AtomicReferenceArray<byte[]> reports = HELD.get(key);
        if (reports == null) {
            throw new IllegalStateException("mission reports " + key + " are not held in this JVM: they are kept in "
                    + "memory only for executors in the driver's JVM (a local master), until the evaluation is closed");
        }
        return reports;
    }
}
