package org.missionengine.model;

/**
 * A record refused a value: names the component ({@code publicFunding}, {@code actors[3]}; null when the problem is
 * the combination of several components), says what is wrong without naming it ({@link #detail()}) and how to fix it
 * ({@link #hint()}), so that a file reader can report it at the exact JSON path. {@link #getMessage()} is the full
 * sentence for code that builds records directly.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;
    private final String hint;

    InvalidFieldException(String field, String message, String detail, String hint) {
        super(message);
        this.field = field;
        this.detail = detail;
        this.hint = hint;
    }

    /** The component (or list element, {@code actors[3]}) that holds the bad value; null for a combination. */
    public String field() {
        return field;
    }

    /** What is wrong, for a message located at the component: {@code must not be negative, got -5}. */
    public String detail() {
        return detail;
    }

    /** How to fix it. */
    public String hint() {
        return hint;
    }
}
