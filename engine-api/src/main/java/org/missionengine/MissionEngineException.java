package org.missionengine;

/** Base of every exception the engine throws on purpose. Unchecked: callers decide where to handle it. */
public class MissionEngineException extends RuntimeException {
    /**
     * @param message what went wrong, with the values involved
     */
    public MissionEngineException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, with the values involved
     * @param cause   the exception behind it
     */
    public MissionEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
