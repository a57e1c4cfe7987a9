package org.missionengine;

/** Base of every exception the engine throws on purpose. Unchecked: callers decide where to handle it. */
public class MissionEngineException extends RuntimeException {
    /**
     * An exception with a message.
     *
     * @param message what went wrong, with the values involved
     */
    public MissionEngineException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the exception behind it.
     *
     * @param message what went wrong, with the values involved
     * @param cause   the exception behind it
     */
    public MissionEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
