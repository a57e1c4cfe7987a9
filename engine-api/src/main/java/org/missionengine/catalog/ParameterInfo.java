package org.missionengine.catalog;

/**
 * A named threshold: the pack that declares it, its default, the value in force, what it means, and the range its
 * pack allows.
 *
 * @param name         the parameter's name, as {@code ctx.param("...")} and a portfolio's {@code parameters} give it
 * @param pack         the id of the pack that declares it
 * @param defaultValue the default its pack declares: a number, a boolean or a string
 * @param value        the value in force after the portfolio's and the options' overrides
 * @param description  what the parameter means, as its pack describes it
 * @param min          the smallest value the pack accepts, or null for no lower bound
 * @param max          the largest value the pack accepts, or null for no upper bound
 */
public record ParameterInfo(String name, String pack, Object defaultValue, Object value, String description,
                            Double min, Double max) {

    /**
     * A parameter whose pack sets no bounds on it.
     *
     * @param name         the parameter's name, as {@code ctx.param("...")} and a portfolio's {@code parameters} give it
     * @param pack         the id of the pack that declares it
     * @param defaultValue the default its pack declares: a number, a boolean or a string
     * @param value        the value in force after the portfolio's and the options' overrides
     * @param description  what the parameter means, as its pack describes it
     */
    public ParameterInfo(String name, String pack, Object defaultValue, Object value, String description) {
        this(name, pack, defaultValue, value, description, null, null);
    }
}
