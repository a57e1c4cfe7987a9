package org.missionengine;

/**
 * Told how far a batch evaluation has got, for progress bars. Called once per evaluated mission, from the threads that
 * evaluate (several at once when {@link MissionEngineBuilder#threads} is above 1), so it must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Called each time a mission has been evaluated.
     *
     * @param done  missions evaluated so far (counts up to {@code total}; with several threads, calls may arrive
     *              slightly out of order)
     * @param total missions in the portfolio
     */
    void missionsEvaluated(int done, int total);
}
