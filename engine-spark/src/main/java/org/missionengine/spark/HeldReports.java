package org.missionengine.spark;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The rendered mission reports of an evaluation whose executors run in the driver's JVM, by the missions' positions,
 * held in {@link HeldInDriver}: the report file is written from them as they are, and the missions table reads them,
 * instead of Spark keeping them in its cache and fetching them back task by task (at 1M projects, 1.1 GB through
 * compression, the block manager and a socket, on one core, after the tables).
 */
final class HeldReports {
    private final AtomicReferenceArray<byte[]> reports;

    /** Room for the reports of {@code missions} missions. */
    HeldReports(int missions) {
        this.reports = new AtomicReferenceArray<>(missions);
    }

    void put(long position, byte[] report) {
        reports.set(Math.toIntExact(position), report);
    }

    /** The report of the mission at a position. */
    byte[] get(long position) {
        byte[] report = reports.get(Math.toIntExact(position));
        if (report == null) {
            throw new IllegalStateException("no report held for the mission at position " + position);
        }
        return report;
    }

    /** How many missions the reports are for. */
    int size() {
        return reports.length();
    }
}
