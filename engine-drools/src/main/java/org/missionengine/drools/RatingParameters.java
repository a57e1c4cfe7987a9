package org.missionengine.drools;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.missionengine.Problem;
import org.missionengine.report.EngineInfo;

/**
 * The rating pack's parameters checked together once their values are known, since each may come from a different
 * place (the pack's default, the portfolio file, an option): its thresholds in the order of the ratings
 * ({@code rating.strong} at least {@code rating.promising}, or a score between them would be rated both STRONG and
 * WEAK), and its weights from 0 to 1 ({@code rating.deliveryWeight}; {@code washing.defaultWeight} and
 * {@code washing.weight.*}, whose values outside 0..1 the pack would otherwise quietly read as 0 or 1).
 */
final class RatingParameters {
    private RatingParameters() {
    }

    /**
     * A value the rating pack cannot work with.
     *
     * @param problem what is wrong, at the parameter the user set (in the portfolio file before an option)
     * @param sources where the values it is about came from
     */
    record Refusal(Problem problem, Set<EngineInfo.Source> sources) {
        /** True when the engine's options alone set the values: no portfolio can make them right. */
        boolean optionsOnly() {
            return sources.equals(EnumSet.of(EngineInfo.Source.OPTION));
        }

        /** True when the portfolio file set one of the values. */
        boolean inPortfolio() {
            return sources.contains(EngineInfo.Source.PORTFOLIO);
        }
    }

    /** Every value of the parameters in force that the rating pack cannot work with. */
    static List<Refusal> check(List<EngineInfo.Parameter> inForce) {
        Map<String, EngineInfo.Parameter> byName = new LinkedHashMap<>();
        inForce.forEach(p -> byName.put(p.name(), p));
        List<Refusal> refusals = new ArrayList<>();
        EngineInfo.Parameter strong = byName.get("rating.strong");
        EngineInfo.Parameter promising = byName.get("rating.promising");
        if (strong != null && promising != null && strong.value() instanceof Number s
                && promising.value() instanceof Number p && s.doubleValue() < p.doubleValue()) {
            refusals.add(refusal(List.of(strong, promising), described(strong) + " must be at least "
                    + described(promising) + ": a score between them would be rated both STRONG and WEAK",
                    "Raise rating.strong to " + promising.value() + " or more, or lower rating.promising to "
                    + strong.value() + " or less."));
        }
        for (EngineInfo.Parameter weight : byName.values()) {
            if (isWeight(weight.name()) && weight.value() instanceof Number w
                    && !(w.doubleValue() >= 0 && w.doubleValue() <= 1)) {
                refusals.add(refusal(List.of(weight), described(weight) + " must be from 0 to 1: it is a weight",
                        "Write a share such as " + (weight.defaultValue() != null ? weight.defaultValue() : 0.2)
                        + " (not a percentage)."));
            }
        }
        return refusals;
    }

    private static boolean isWeight(String name) {
        return name.equals("rating.deliveryWeight") || name.equals("washing.defaultWeight")
                || name.startsWith("washing.weight.");
    }

    /** The problem, located at the value the user set: the portfolio's before an option's; none for defaults. */
    private static Refusal refusal(List<EngineInfo.Parameter> about, String message, String hint) {
        Set<EngineInfo.Source> sources = EnumSet.noneOf(EngineInfo.Source.class);
        about.forEach(p -> sources.add(p.source()));
        String location = null;
        for (EngineInfo.Source source : List.of(EngineInfo.Source.PORTFOLIO, EngineInfo.Source.OPTION)) {
            for (EngineInfo.Parameter p : about) {
                if (location == null && p.source() == source) {
                    location = (source == EngineInfo.Source.PORTFOLIO ? "parameters." : "--param ") + p.name();
                }
            }
        }
        return new Refusal(Problem.at(location, message, hint), sources);
    }

    /** {@code rating.strong (0.5, set with --param)}. */
    private static String described(EngineInfo.Parameter p) {
        return p.name() + " (" + p.value() + ", " + switch (p.source()) {
            case OPTION -> "set with --param";
            case PORTFOLIO -> "set in the portfolio's parameters";
            case DEFAULT -> "the default of pack " + p.pack();
        } + ")";
    }
}
