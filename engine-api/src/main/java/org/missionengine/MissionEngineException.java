package org.missionengine;

/** Base of every exception the engine throws on purpose. Unchecked: callers decide where to handle it. */
public class MissionEngineException extends RuntimeException {
    public MissionEngineException(String message) {
        super(message);
    }

    public MissionEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
