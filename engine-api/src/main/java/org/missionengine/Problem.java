package org.missionengine;

/**
 * One mistake in a user's input: the file (may be null for objects built in code), where in it (a JSON path such as
 * {@code missions[2].targets[0].goal}, or a line number), what is wrong, and how to fix it.
 */
public record Problem(String file, String location, String message, String hint) {

    public static Problem at(String location, String message, String hint) {
        return new Problem(null, location, message, hint);
    }

    /** Returns the same problem attributed to a file. */
    public Problem inFile(String fileName) {
        return new Problem(fileName, location, message, hint);
    }

    /** One line: {@code file:location: message. hint} — the form editors and CI logs understand. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (location != null && !location.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(location.matches("\\d+(:\\d+)?") ? ":" : ": ");
            }
            sb.append(location);
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        sb.append(message);
        if (hint != null && !hint.isEmpty()) {
            sb.append(message.endsWith(".") || message.endsWith("?") ? " " : ". ").append(hint);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
