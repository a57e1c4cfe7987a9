package org.missionengine;

/**
 * One mistake in a user's input: the file (may be null for objects built in code), where in it (a JSON path such as
 * {@code missions[2].targets[0].goal}, or a line number), what is wrong, and how to fix it.
 *
 * @param file     the file, or null for objects built in code
 * @param location where in the file: a JSON path or {@code line} or {@code line:column}; null when it is the whole file
 * @param message  what is wrong, with the offending value
 * @param hint     how to fix it, or null
 */
public record Problem(String file, String location, String message, String hint) {

    /**
     * A problem at a location in no file yet (see {@link #inFile}).
     *
     * @param location a JSON path or a line number
     * @param message  what is wrong
     * @param hint     how to fix it, or null
     * @return the problem
     */
    public static Problem at(String location, String message, String hint) {
        return new Problem(null, location, message, hint);
    }

    /**
     * The same problem, attributed to a file.
     *
     * @param fileName the file
     * @return the problem in that file
     */
    public Problem inFile(String fileName) {
        return new Problem(fileName, location, message, hint);
    }

    /**
     * The problem in one line, {@code file:location: message. hint}: the form editors and CI logs understand.
     *
     * @return the line
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (location != null && !location.isEmpty()) {
            if (sb.length() > 0) {
                // a line (and column), alone or before what is there (12: rule "x"), joins the file as file:12
                sb.append(location.matches("\\d+(:\\d+)?(: .*)?") ? ":" : ": ");
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
