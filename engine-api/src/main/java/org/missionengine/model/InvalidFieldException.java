package org.missionengine.model;

/**
 * A record refused a value: names the component ({@code publicFunding}, {@code actors[3]}; null when the problem is
 * the combination of several components), says what is wrong without naming it ({@link #detail()}) and how to fix it
 * ({@link #hint()}), so that a file reader can report it at the exact JSON path. {@link #getMessage()} is the full
 * sentence for code that builds records directly.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The component that holds the bad value, or null. */
    private final String field;
    /** What is wrong, without naming the component. */
    private final String detail;
    /** How to fix it. */
    private final String hint;

    InvalidFieldException(String field, String message, String detail, String hint) {
        super(message);
        this.field = field;
        this.detail = detail;
        this.hint = hint;
    }

    /**
     * The component that holds the bad value.
     *
     * @return the component or list element ({@code actors[3]}); null for a combination of components
     */
    public String field() {
        return field;
    }

    /**
     * What is wrong, for a message located at the component.
     *
     * @return for example {@code must not be negative, got -5}
     */
    public String detail() {
        return detail;
    }

    /**
     * How to fix it.
     *
     * @return the hint
     */
    public String hint() {
        return hint;
    }
}
