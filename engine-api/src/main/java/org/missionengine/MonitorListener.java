package org.missionengine;

/**
 * Told what changed after each update of a {@link MissionMonitor}, one {@link MonitorEvent} at a time, in this order
 * per session: findings that disappeared, findings that changed, findings that appeared, then target statuses. Called
 * on the thread that made the update; a listener that throws stops the others from hearing that event.
 */
@FunctionalInterface
public interface MonitorListener {

    /**
     * One change the last update made.
     *
     * @param event what appeared, disappeared or changed
     */
    void onEvent(MonitorEvent event);
}
