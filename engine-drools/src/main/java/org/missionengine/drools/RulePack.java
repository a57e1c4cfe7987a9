package org.missionengine.drools;

import java.util.List;
import java.util.Map;

/** A rule pack as loaded: DRL sources, the DRL package they share, and the parameters the pack declares. */
record RulePack(String id, String version, String description, String source, boolean builtIn, String drlPackage,
                List<DrlSource> sources, Map<String, ParameterDeclaration> parameters) {

    /** One DRL file: the name shown in error messages ({@code rules/agency.drl}) and its text. */
    record DrlSource(String displayPath, String text) {
    }

    /** A parameter a pack reads, with its default and a sentence saying what it means. */
    record ParameterDeclaration(String name, Object defaultValue, String description) {
    }
}
