package org.missionengine.catalog;

/** A named threshold: the pack that declares it, its default, the value in force, and what it means. */
public record ParameterInfo(String name, String pack, Object defaultValue, Object value, String description) {
}
