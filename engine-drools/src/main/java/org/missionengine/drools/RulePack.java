package org.missionengine.drools;

import java.util.List;
import java.util.Map;

import org.missionengine.drools.spi.TranslatedRules;

/** A rule pack as loaded: DRL sources, the DRL package they share, and the parameters the pack declares. */
record RulePack(String id, String version, String description, String source, boolean builtIn, String drlPackage,
                List<DrlSource> sources, Map<String, ParameterDeclaration> parameters) {

    /**
     * One DRL file: the name shown in error messages ({@code rules/agency.drl}) and its text; for a file translated to
     * DRL (a decision table), the translation that says where each line of the text comes from.
     */
    record DrlSource(String displayPath, String text, TranslatedRules.Locator origin) {
        DrlSource(String displayPath, String text) {
            this(displayPath, text, null);
        }

        /**
         * Where a user finds line {@code line} of the DRL: the line number itself for a DRL file, the place in the
         * original file (such as {@code Rules!C12}) for a translated one.
         *
         * @param about what the message is about, to choose among the places that make up one line
         */
        String location(int line, String about) {
            return origin == null ? String.valueOf(line) : origin.locate(line, about == null ? "" : about);
        }
    }

    /** A parameter a pack reads, with its default and a sentence saying what it means. */
    record ParameterDeclaration(String name, Object defaultValue, String description) {
    }
}
