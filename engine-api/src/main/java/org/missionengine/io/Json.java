package org.missionengine.io;

import java.time.LocalDate;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The two configured mappers: strict on input (unknown fields, duplicate keys, nulls for numbers, ISO dates only,
 * no fractions for whole numbers, bounded nesting and text), tidy on output.
 */
final class Json {
    /**
     * Caps YAML alias expansion, should anything expand them: Jackson reads YAML events and never does (it reports an
     * alias as the anchor's name), so {@link PortfolioFiles} refuses aliases outright, and an "anchors bomb" with them.
     */
    static final int MAX_YAML_ALIASES = 100;
    /** A portfolio is nested a handful of levels deep; deeper data is junk, refused before it costs anything. */
    static final int MAX_NESTING_DEPTH = 100;
    /** The longest text value a portfolio may hold (a statement, a description): longer is an embedded document. */
    static final int MAX_TEXT_LENGTH = 1_000_000;
    /** The longest number literal (digits): amounts have at most a few dozen. */
    static final int MAX_NUMBER_LENGTH = 100;

    static final ObjectMapper JSON = configure(JsonMapper.builder(constrained(new JsonFactory()))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // messages locate errors by line and column; the source text in them would only leak the file's content
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // the same doubles as Double.parseDouble, and the shortest text that reads back as the same double on
            // every JDK (Java 17's Double.toString is not always the shortest), both several times faster
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build());

    /**
     * {@link #JSON} marking as required the values {@link PortfolioShape} requires, so that a record missing one is
     * refused while binding from the parser (Jackson would default a missing number to 0); its reader is then read
     * again the careful way, which reports the problem. Reading trees never goes through it.
     */
    static final ObjectMapper REQUIRING = JSON.copy().setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            return PortfolioShape.isRequired(member.getDeclaringClass(), member.getName())
                    ? Boolean.TRUE : super.hasRequiredMarker(member);
        }
    });

    static final ObjectMapper YAML = configure(YAMLMapper.builder(yamlFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build());

    private Json() {
    }

    private static <F extends JsonFactory> F constrained(F factory) {
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_TEXT_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        return factory;
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_YAML_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        // snakeyaml refuses documents over 3 MB by default; the file size is bounded by PortfolioFiles instead
        options.setCodePointLimit(Integer.MAX_VALUE);
        return constrained(YAMLFactory.builder().loaderOptions(options).build());
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        // a number or true/false where a text belongs ("sector": 42) is a mistake the schema refuses too; Jackson
        // would quietly read it as the text "42"
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // and 0, 2 or "False" where true or false belongs ("missionBoard": 0) is one too: Jackson would read 0 as false,
        // which here says "recorded as none", and fire a finding on a value nobody wrote
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper.registerModule(new JavaTimeModule())
                // registered after JavaTimeModule, so it wins: dates only as "2030-12-31"
                .registerModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class,
                        new IsoDateDeserializer()))
                // texts as Jackson reads them; a reader made by SharedStrings.sharing also pools the short ones
                .registerModule(new SimpleModule("shared-strings").addDeserializer(String.class, new SharedStrings()))
                // reports hold finite numbers only: NaN or an infinity is an internal error, never the text "Infinity"
                .registerModule(new SimpleModule("finite-numbers")
                        .addSerializer(Double.class, new FiniteNumberSerializer())
                        .addSerializer(Double.TYPE, new FiniteNumberSerializer()))
                // money to the cent, ratios to 4 decimals, a metric's values to 6 digits: as a reader expects them
                .registerModule(ReportPrecision.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // records receive a missing boolean or number as null: let it default to false/0
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // a year of 2023.5 is a mistake, not 2023
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // records: read and write their components only, not helper methods such as isOutcome()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    static boolean isYaml(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    static ObjectMapper forFile(String fileName) {
        return isYaml(fileName) ? YAML : JSON;
    }
}
