package org.missionengine.drools;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code pack.json} of a pack directory, as written by its author. */
record PackManifest(String id, String version, String description, Map<String, Parameter> parameters) {
    PackManifest {
        parameters = parameters == null ? Map.of() : parameters;
    }

    /** One declared parameter: its default, what it means, and optionally the range of values the rules can use. */
    record Parameter(@JsonProperty("default") Object defaultValue, String description, Double min, Double max) {
    }
}
