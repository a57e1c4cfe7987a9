package org.missionengine.drools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.missionengine.drools.spi.TranslatedRules;

/**
 * A rule pack as loaded: DRL sources, the DRL package they share, the parameters the pack declares, and the SHA-256 of
 * what it was made from ({@link ContentHash}: the files' bytes, a decision table's rather than its DRL).
 */
record RulePack(String id, String version, String description, String source, boolean builtIn, String drlPackage,
                List<DrlSource> sources, Map<String, ParameterDeclaration> parameters, String sha256) {

    /** A pack made from DRL text only: its hash is that of the texts, by display path. */
    RulePack(String id, String version, String description, String source, boolean builtIn, String drlPackage,
             List<DrlSource> sources, Map<String, ParameterDeclaration> parameters) {
        this(id, version, description, source, builtIn, drlPackage, sources, parameters, textHash(sources));
    }

    private static String textHash(List<DrlSource> sources) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        sources.forEach(s -> files.put(s.displayPath(), s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return ContentHash.ofFiles(files);
    }

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

    /**
     * A parameter a pack reads, with its default, a sentence saying what it means, and the bounds of the values the
     * rules can use (null where the pack sets none).
     */
    record ParameterDeclaration(String name, Object defaultValue, String description, Double min, Double max) {
        ParameterDeclaration(String name, Object defaultValue, String description) {
            this(name, defaultValue, description, null, null);
        }

        /** True when {@code value} lies outside the declared bounds. */
        boolean outOfBounds(double value) {
            return (min != null && value < min) || (max != null && value > max);
        }

        /** True for a share or a weight: a value from 0 to 1. */
        boolean isShare() {
            return min != null && max != null && min == 0 && max == 1;
        }

        /** "from 0 to 1", "at least 0", "at most 5". */
        String range() {
            if (min != null && max != null) {
                return "from " + plain(min) + " to " + plain(max);
            }
            return min != null ? "at least " + plain(min) : "at most " + plain(max);
        }

        /** The range after a noun: "a number from 0 to 1", "a default that is at least 0". */
        String rangeClause() {
            return (min != null && max != null ? "" : "that is ") + range();
        }

        static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }
    }
}
