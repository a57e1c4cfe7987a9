package org.missionengine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates documents against the JSON Schemas engine-api ships ({@code org/missionengine/schema/*.schema.json},
 * copied into the jar from {@code docs/schema}): loaded from the class path, so a test proves the jar holds them.
 * Shared with engine-cli's tests through engine-api's test jar.
 */
public final class SchemaValidation {
    /** The portfolio schema's resource name. */
    public static final String PORTFOLIO = "/org/missionengine/schema/mission-portfolio-1.schema.json";
    /** The report schema's resource name. */
    public static final String REPORT = "/org/missionengine/schema/mission-report-1.schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    private SchemaValidation(Schema schema) {
        this.schema = schema;
    }

    /** The schema at a resource name, {@link #PORTFOLIO} or {@link #REPORT}. */
    public static SchemaValidation of(String resource) {
        try (InputStream in = SchemaValidation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the schema " + resource + " is not on the class path");
            }
            return new SchemaValidation(REGISTRY.getSchema(in, InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's errors for a file: JSON, or YAML when its name ends in .yaml/.yml. */
    public List<String> errors(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return errors(text, Json.isYaml(file.toString()) ? InputFormat.YAML : InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's errors for a JSON text. */
    public List<String> errors(String json) {
        return errors(json, InputFormat.JSON);
    }

    /**
     * Where a JSON text breaks the schema and which keyword it breaks, e.g. {@code "/spillovers/1/intensity maximum"}
     * (without the validator's wording, which is not ours to assert).
     */
    public List<String> violations(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(SchemaValidation::violation).toList();
    }

    private List<String> errors(String text, InputFormat format) {
        return schema.validate(text, format).stream().map(e -> violation(e) + ": " + e.getMessage()).toList();
    }

    /** "pointer keyword", the JSON pointer naming the offending property itself for an unknown one. */
    private static String violation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
            pointer = pointer + "/" + error.getProperty();
        }
        return pointer + " " + error.getKeyword();
    }
}
