package org.missionengine.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What produced a report, so that it can be reproduced and audited: the engine and Java versions, each rule pack by
 * id, version and the SHA-256 of its content, the engine's limits, the parameters in force with where each value came
 * from, the rules left out and the severities changed.
 *
 * <p>An engine's own {@link org.missionengine.MissionEngine#info()} knows no portfolio, so its parameters are the
 * packs' defaults and the engine's options; the {@code engine} of a report
 * ({@link org.missionengine.MissionEngine#info(org.missionengine.model.Portfolio)}) adds the portfolio file's values.
 * Nothing here depends on the time, the machine or where the rule files lie: the same inputs give the same record.
 *
 * @param version           the engine's version
 * @param java              the Java runtime that ran it: vendor and version, e.g. {@code "Eclipse Adoptium 17.0.12+7"}
 * @param rulePacks         the packs as {@code id@version}, in evaluation order
 * @param packs             the packs with their content hashes, in evaluation order
 * @param limits            the engine's limits, or null when not known
 * @param parameters        every parameter in force, by name
 * @param disabled          what was disabled, as given, each with the rules it left out
 * @param severityOverrides the changed severities, by finding code
 */
public record EngineInfo(String version, String java, List<String> rulePacks, List<Pack> packs, Limits limits,
                         List<Parameter> parameters, List<Disabled> disabled, List<SeverityOverride> severityOverrides) {
    /**
     * Copies the lists (null is none) and sorts the parameters and overrides by name, whatever order they came in.
     *
     * @param version           the engine's version
     * @param java              the Java runtime that ran it
     * @param rulePacks         the packs as {@code id@version}, in evaluation order
     * @param packs             the packs with their content hashes, in evaluation order
     * @param limits            the engine's limits, or null when not known
     * @param parameters        every parameter in force
     * @param disabled          what was disabled, as given, each with the rules it left out
     * @param severityOverrides the changed severities
     */
    public EngineInfo {
        rulePacks = rulePacks == null ? List.of() : List.copyOf(rulePacks);
        packs = packs == null ? List.of() : List.copyOf(packs);
        parameters = parameters == null ? List.of()
                : parameters.stream().sorted(Comparator.comparing(Parameter::name)).toList();
        disabled = disabled == null ? List.of() : List.copyOf(disabled);
        severityOverrides = severityOverrides == null ? List.of()
                : severityOverrides.stream().sorted(Comparator.comparing(SeverityOverride::code)).toList();
    }

    /**
     * Only the engine's version and its packs, as {@code id@version}.
     *
     * @param version   the engine's version
     * @param rulePacks the packs as {@code id@version}, in evaluation order
     */
    public EngineInfo(String version, List<String> rulePacks) {
        this(version, null, rulePacks, null, null, null, null, null);
    }

    /**
     * A builder; {@link Builder#pack} also adds each pack's {@code id@version} to {@link #rulePacks()}.
     *
     * @return a builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This record with other parameters in force, such as an evaluation's, which adds the portfolio file's values.
     *
     * @param inForce every parameter in force
     * @return the copy
     */
    public EngineInfo withParameters(List<Parameter> inForce) {
        return new EngineInfo(version, java, rulePacks, packs, limits, inForce, disabled, severityOverrides);
    }

    /**
     * The Java runtime this code runs on, as {@link #java()} records it.
     *
     * @return vendor and version, e.g. {@code "Eclipse Adoptium 17.0.12+7"}
     */
    public static String currentJava() {
        return System.getProperty("java.vendor", "unknown vendor") + " " + Runtime.version();
    }

    /**
     * A rule pack as it was used.
     *
     * @param id      the pack's id
     * @param version the pack's version ({@code unversioned} when its author gave none)
     * @param sha256  the SHA-256 of its content, 64 lower-case hex digits: of the file's bytes for a rule file or a
     *                decision table (with the pack.json beside it, when there is one); of the text for rules
     *                given as text; of its files for a pack directory and a
     *                built-in pack (see docs/reports.md)
     * @param source  {@code built-in}, or the rule file or directory as given when relative, its name when absolute
     */
    public record Pack(String id, String version, String sha256, String source) {
        /**
         * Checks the id and the hash.
         *
         * @param id      the pack's id
         * @param version the pack's version
         * @param sha256  the SHA-256 of its content
         * @param source  where it came from
         * @throws IllegalArgumentException if the id is missing or the hash is not 64 hex digits
         */
        public Pack {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a pack needs an id; got \"" + id + "\" from " + source);
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the SHA-256 of pack \"" + id + "\" must be 64 lower-case hex "
                        + "digits, got \"" + sha256 + "\"");
            }
        }

        /**
         * The first twelve hex digits of the hash, as reports for people show it.
         *
         * @return the short hash
         */
        public String shortHash() {
            return sha256.substring(0, 12);
        }
    }

    /**
     * The engine's limits, as the application that ran it set them.
     *
     * @param threads    missions evaluated at once (0: one per available processor)
     * @param timeout    the most time one session may take; in JSON an ISO-8601 duration such as {@code "PT10S"}
     * @param maxFirings the most rule firings one session may take
     */
    public record Limits(int threads, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration timeout, int maxFirings) {
        /**
         * Checks that a timeout is given.
         *
         * @param threads    missions evaluated at once (0: one per available processor)
         * @param timeout    the most time one session may take
         * @param maxFirings the most rule firings one session may take
         */
        public Limits {
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * A parameter in force.
     *
     * @param name         its name
     * @param value        its value in force
     * @param source       where that value came from: the pack's default, the portfolio file, or an option
     * @param pack         the pack that declares it, or null for a parameter no pack declares
     *                     ({@code washing.weight.CODE})
     * @param defaultValue the pack's default, or null when no pack declares it
     */
    public record Parameter(String name, Object value, Source source, String pack,
                            @JsonProperty("default") Object defaultValue) {
        /**
         * Checks that the name, the value and the source are given.
         *
         * @param name         its name
         * @param value        its value in force
         * @param source       where that value came from
         * @param pack         the pack that declares it, or null
         * @param defaultValue the pack's default, or null
         * @throws IllegalArgumentException if the name, value or source is missing
         */
        public Parameter {
            if (name == null || value == null || source == null) {
                throw new IllegalArgumentException("a parameter needs a name, a value and a source; got " + name + "="
                        + value + " from " + source);
            }
        }

        /**
         * Whether the value in force is not the pack's default (numbers compared by value: 3 equals 3.0).
         *
         * @return true when it differs, or no pack declares the parameter
         */
        public boolean differsFromDefault() {
            if (defaultValue == null) {
                return true;
            }
            if (value instanceof Number v && defaultValue instanceof Number d) {
                return Double.compare(v.doubleValue(), d.doubleValue()) != 0;
            }
            return !value.equals(defaultValue);
        }
    }

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
     * One {@code --disable} (or {@code disable(...)} on the builder) as given, and what it left out.
     *
     * @param given what was given: a finding code, a rule name or a pack id
     * @param rules the rules it left out, in pack and name order
     */
    public record Disabled(String given, List<Rule> rules) {
        /**
         * Copies the rules; a null list is none.
         *
         * @param given what was given
         * @param rules the rules it left out; null is none
         */
        public Disabled {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /**
     * A rule, as {@link Disabled} names it.
     *
     * @param pack its pack
     * @param rule its name
     * @param code the finding code it emits, or null
     */
    public record Rule(String pack, String rule, String code) {
    }

    /**
     * A finding code whose severity was changed.
     *
     * @param code     the finding code
     * @param severity the severity its findings have
     * @param declared the severity its rule declares, or null when the rules emitting it declare different ones
     */
    public record SeverityOverride(String code, Severity severity, Severity declared) {
    }

    /** Collects an {@link EngineInfo}. */
    public static final class Builder {
        private String version;
        private String java = currentJava();
        private final List<String> rulePacks = new ArrayList<>();
        private final List<Pack> packs = new ArrayList<>();
        private Limits limits;
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Disabled> disabled = new ArrayList<>();
        private final List<SeverityOverride> overrides = new ArrayList<>();

        private Builder() {
        }

        /**
         * The engine's version, such as {@code 0.1.0}.
         *
         * @param engineVersion the engine's version
         * @return this builder
         */
        public Builder version(String engineVersion) {
            this.version = engineVersion;
            return this;
        }

        /**
         * The Java runtime that ran the evaluation.
         *
         * @param runtime the Java runtime; {@link #currentJava()} unless set
         * @return this builder
         */
        public Builder java(String runtime) {
            this.java = runtime;
            return this;
        }

        /**
         * Adds a pack, after those added before.
         *
         * @param pack the pack
         * @return this builder
         */
        public Builder pack(Pack pack) {
            packs.add(pack);
            rulePacks.add(pack.id() + "@" + pack.version());
            return this;
        }

        /**
         * The limits the application set.
         *
         * @param engineLimits the engine's limits
         * @return this builder
         */
        public Builder limits(Limits engineLimits) {
            this.limits = engineLimits;
            return this;
        }

        /**
         * Adds a parameter in force, after those added before.
         *
         * @param parameter a parameter in force
         * @return this builder
         */
        public Builder parameter(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        /**
         * Adds what one {@code --disable} left out, after those added before.
         *
         * @param given what was disabled, and what it left out
         * @return this builder
         */
        public Builder disabled(Disabled given) {
            disabled.add(given);
            return this;
        }

        /**
         * Adds a severity override.
         *
         * @param override a changed severity
         * @return this builder
         */
        public Builder severityOverride(SeverityOverride override) {
            overrides.add(override);
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record
         */
        public EngineInfo build() {
            return new EngineInfo(version, java, rulePacks, packs, limits, parameters, disabled, overrides);
        }
    }
}
