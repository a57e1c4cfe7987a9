package org.missionengine.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.missionengine.catalog.RuleCatalog;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.internal.ClosestName;
import org.missionengine.report.Criterion;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Rating;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/**
 * The comparisons behind both the fluent assertions and the scenario files, so that they fail alike: each returns
 * a {@link Mismatch} ("expected X, found Y") or nothing.
 */
final class Checks {
    private Checks() {
    }

    /** The codes an engine's rules can emit (after disabling). */
    static Set<String> codes(RuleCatalog catalog) {
        return catalog.rules().stream().map(RuleInfo::code).filter(c -> c != null && !c.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A code no rule emits: almost always a typo, which must not pass silently. */
    static Optional<Mismatch> knownCode(String code, Set<String> known) {
        if (known == null || known.contains(code)) {
            return Optional.empty();
        }
        return Optional.of(Mismatch.problem(unknownCode(code, known)));
    }

    static String unknownCode(String code, Collection<String> known) {
        return "no rule emits code \"" + code + "\"" + ClosestName.to(code, known)
                .map(c -> " (did you mean \"" + c + "\"?)").orElse("; known codes: " + String.join(", ", known));
    }

    static Optional<MissionReport> mission(EvaluationReport report, String id) {
        return report.missions().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    static Mismatch noMission(EvaluationReport report, String id) {
        List<String> ids = report.missions().stream().map(MissionReport::id).toList();
        return Mismatch.of("mission \"" + id + "\"", "no such mission (missions: " + ids + ")"
                + ClosestName.to(id, ids).map(c -> "; did you mean \"" + c + "\"?").orElse(""), id, ids);
    }

    static List<Finding> withCode(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    static Optional<Mismatch> present(List<Finding> findings, String code) {
        if (!withCode(findings, code).isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = codesOf(findings);
        return Optional.of(Mismatch.of("finding " + code, codes.isEmpty() ? "no findings" : String.valueOf(codes)
                        + ClosestName.to(code, codes).filter(c -> !c.equals(code))
                        .map(c -> " (did you mean " + c + "?)").orElse(""),
                code, String.join("\n", codes)));
    }

    static Optional<Mismatch> absent(List<Finding> findings, String code) {
        List<Finding> found = withCode(findings, code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Finding first = found.get(0);
        String more = found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : "";
        return Optional.of(Mismatch.of("no finding " + code, "it on " + first.subject() + ": \"" + first.message()
                + "\" " + Values.format(first.evidence()) + more, "no " + code, describe(found)));
    }

    /** Narrows the candidates to those about {@code subject}; empty with a mismatch when none is. */
    static Narrowed subject(List<Finding> candidates, String code, String subject) {
        return narrow(candidates, f -> subject.equals(f.subject()), () -> Mismatch.of(
                "finding " + code + " on " + subject,
                "it on " + candidates.stream().map(Finding::subject).distinct().toList(), subject,
                candidates.stream().map(Finding::subject).distinct().collect(Collectors.joining("\n"))));
    }

    /** Narrows the candidates to those whose evidence {@code key} matches {@code expected}. */
    static Narrowed evidence(List<Finding> candidates, String code, String key, Object expected, Tolerance tolerance) {
        return narrow(candidates, f -> f.evidence().containsKey(key) && Values.matches(expected, f.evidence(key), tolerance),
                () -> {
                    String wanted = "finding " + code + " with " + key + " = " + Values.format(expected)
                            + (expected instanceof Number && !(tolerance.equals(Tolerance.DEFAULT))
                            ? " " + tolerance : "");
                    String found;
                    Object actual;
                    if (candidates.size() == 1) {
                        Finding f = candidates.get(0);
                        found = f.evidence().containsKey(key) ? key + " = " + Values.format(f.evidence(key))
                                + " (evidence " + Values.format(f.evidence()) + ")"
                                : "no evidence \"" + key + "\" (evidence " + Values.format(f.evidence()) + ")";
                        actual = f.evidence().containsKey(key) ? Values.format(f.evidence(key)) : Values.format(f.evidence());
                    } else {
                        found = candidates.stream().map(f -> f.subject() + ": " + (f.evidence().containsKey(key)
                                ? key + " = " + Values.format(f.evidence(key)) : "no " + key))
                                .collect(Collectors.joining("; ", "[", "]"));
                        actual = describe(candidates);
                    }
                    return Mismatch.of(wanted, found, Values.format(expected), actual);
                });
    }

    static Narrowed narrow(List<Finding> candidates, Predicate<Finding> test,
                           java.util.function.Supplier<Mismatch> mismatch) {
        List<Finding> kept = candidates.stream().filter(test).toList();
        return kept.isEmpty() ? new Narrowed(candidates, mismatch.get()) : new Narrowed(kept, null);
    }

    /** The findings left after a narrowing step, or the mismatch when none was left. */
    record Narrowed(List<Finding> findings, Mismatch mismatch) {
    }

    static Optional<Mismatch> rating(MissionReport mission, Rating expected) {
        if (mission.rating() == expected) {
            return Optional.empty();
        }
        return Optional.of(Mismatch.of("rating " + expected, mission.rating() + " ("
                + (mission.score() == null ? "" : "score " + Values.format(round(mission.score())) + ", ")
                + "washing risk " + Values.format(round(mission.washingRisk())) + ", criteria "
                + format(mission.criteria()) + ")", expected, mission.rating()));
    }

    static Optional<Mismatch> target(MissionReport mission, String target, TargetStatus expected) {
        Optional<TargetAssessment> assessment = mission.target(target);
        if (assessment.isEmpty()) {
            List<String> ids = mission.targets().stream().map(TargetAssessment::target).toList();
            return Optional.of(Mismatch.of("target " + target + " " + expected, "no target \"" + target
                    + "\" (targets: " + ids + ")" + ClosestName.to(target, ids).map(c -> "; did you mean \"" + c + "\"?")
                    .orElse(""), expected, ids));
        }
        TargetAssessment t = assessment.get();
        if (t.status() == expected) {
            return Optional.empty();
        }
        StringBuilder found = new StringBuilder().append(t.status());
        List<String> details = new ArrayList<>();
        if (t.gapClosure() != null) {
            details.add("gap closure " + Values.format(round(t.gapClosure())));
        }
        if (t.projectedClosure() != null) {
            details.add("projected closure " + Values.format(round(t.projectedClosure())));
        }
        if (!details.isEmpty()) {
            found.append(" (").append(String.join(", ", details)).append(')');
        }
        return Optional.of(Mismatch.of("target " + target + " " + expected, found.toString(), expected, t.status()));
    }

    static Optional<Mismatch> criterion(MissionReport mission, Criterion criterion, double expected, Tolerance tolerance) {
        Double score = mission.criteria().get(criterion);
        if (score != null && tolerance.matches(expected, score)) {
            return Optional.empty();
        }
        String wanted = "criterion " + criterion + " " + Values.format(expected)
                + (tolerance.equals(Tolerance.DEFAULT) ? "" : " " + tolerance);
        return Optional.of(Mismatch.of(wanted, score == null ? "no score (criteria " + format(mission.criteria()) + ")"
                : Values.format(score), expected, score));
    }

    static Optional<Mismatch> washingRisk(MissionReport mission, double expected, Tolerance tolerance) {
        return figure(mission, Figure.WASHING_RISK, expected, tolerance);
    }

    static Optional<Mismatch> figure(MissionReport mission, Figure figure, double expected, Tolerance tolerance) {
        Double actual = figure.of(mission);
        if (actual != null && tolerance.matches(expected, actual)) {
            return Optional.empty();
        }
        String wanted = figure.label() + " " + Values.format(expected)
                + (tolerance.equals(Tolerance.DEFAULT) ? "" : " " + tolerance);
        return Optional.of(Mismatch.of(wanted, actual == null ? "none (" + mission.ratingReason() + ")"
                : Values.format(actual), expected, actual));
    }

    static List<String> codesOf(List<Finding> findings) {
        return new ArrayList<>(findings.stream().map(Finding::code).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " on " + f.subject() + " " + Values.format(f.evidence()))
                .collect(Collectors.joining("\n"));
    }

    private static String format(Map<Criterion, Double> criteria) {
        return criteria.entrySet().stream().map(e -> e.getKey() + " " + Values.format(round(e.getValue())))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
