package org.missionengine.rules;

/** The precision of the figures a rating rests on. */
final class Scores {
    private Scores() {
    }

    /**
     * To 4 decimals, as reports show scores: {@code 0.1} rather than {@code 0.09999999999999998}, and the same
     * figure whatever order a rule engine summed its parts in.
     */
    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
