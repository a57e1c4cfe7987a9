package org.missionengine.drools.spi;

import java.util.Objects;

/**
 * The DRL a rule file became, and how to find in that file the origin of a line of the DRL.
 *
 * @param drl     the generated DRL: one package, its imports, the {@code ctx} global and the rules
 * @param locator where a line of {@code drl} comes from in the original file
 */
public record TranslatedRules(String drl, Locator locator) {
    /**
     * Checks that both parts are given.
     *
     * @param drl     the generated DRL
     * @param locator where a line of it comes from
     * @throws NullPointerException when either is null
     */
    public TranslatedRules {
        Objects.requireNonNull(drl, "drl");
        Objects.requireNonNull(locator, "locator");
    }

    /** Where the original file holds what a line of the generated DRL says. */
    @FunctionalInterface
    public interface Locator {
        /**
         * The place in the original file that a line of the generated DRL comes from.
         *
         * @param drlLine a line of the generated DRL, from 1
         * @param about   what a message is about (an error's text, or the name it concerns): where several places
         *                of the file make up one line, the one that holds this text is meant; may be empty
         * @return a location a user finds in the original file, such as {@code Rules!C12}
         */
        String locate(int drlLine, String about);
    }
}
