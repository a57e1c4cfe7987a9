package org.missionengine.explain;

/**
 * A parameter a rule read, its value in the evaluation explained, and where that value came from.
 *
 * @param name   the parameter's name, such as {@code crossCutting.minSectors}
 * @param value  its value in the evaluation explained: a number, a boolean or a string
 * @param source where the value came from
 * @param origin the pack whose default it is ({@link Source#DEFAULT}), else null
 */
public record ParameterUse(String name, Object value, Source source, String origin) {
    /** Where a parameter's value came from, the later overriding the earlier. */
    public enum Source {
        /** the default its pack declares in pack.json */
        DEFAULT,
        /** the portfolio file's {@code parameters} */
        PORTFOLIO,
        /** the engine's configuration: {@code --param} on the command line, {@code parameter(...)} on the builder */
        OPTION
    }

    /**
     * Where the value came from, in words for a report.
     *
     * @return {@code default in pack washing}, {@code portfolio file} or {@code option (--param)}
     */
    public String describeSource() {
        return switch (source) {
            case DEFAULT -> "default in pack " + origin;
            case PORTFOLIO -> "portfolio file";
            case OPTION -> "option (--param)";
        };
    }
}
