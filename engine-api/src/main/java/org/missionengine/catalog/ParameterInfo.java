package org.missionengine.catalog;

/**
 * A named threshold: the pack that declares it, its default, the value in force, and what it means.
 *
 * @param name         the parameter's name, as {@code ctx.param("...")} and a portfolio's {@code parameters} give it
 * @param pack         the id of the pack that declares it
 * @param defaultValue the default its pack declares: a number, a boolean or a string
 * @param value        the value in force after the portfolio's and the options' overrides
 * @param description  what the parameter means, as its pack describes it
 */
public record ParameterInfo(String name, String pack, Object defaultValue, Object value, String description) {
}
