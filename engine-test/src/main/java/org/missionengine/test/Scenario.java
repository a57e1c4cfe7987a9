package org.missionengine.test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.missionengine.model.Portfolio;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Rating;
import org.missionengine.report.TargetStatus;

/**
 * One policy scenario file, read and checked: the portfolio, the evaluation settings and the expectations, each
 * with the line it was written on.
 */
record Scenario(Path file, String name, Portfolio portfolio, LocalDate asOf, Map<String, Object> parameters,
                List<Path> rules, List<String> disable, List<Group> groups, LocatedTree tree) {

    static final String PORTFOLIO = "portfolio";

    /** The line of a node of the scenario file, by JSON Pointer (e.g. {@code /parameters/washing.rebrandedShare}). */
    int line(String pointer) {
        return tree.line(pointer);
    }

    /** The expectations about one mission, or about the portfolio-level findings when {@code mission} is null. */
    record Group(String mission, int line, List<Expectation> expectations) {
        String label() {
            return mission == null ? PORTFOLIO : mission;
        }
    }

    /** What an expectation is checked against. */
    record Context(MissionReport mission, List<Finding> findings, Set<String> enabledCodes,
                   Supplier<Set<String>> allCodes) {
    }

    /** One thing a scenario states about the report, at a line of its file. */
    sealed interface Expectation {
        int line();

        /** What the expectation states, as a test's name: {@code finding MW_REBRANDED on p1}, {@code rating WEAK}. */
        String title();

        Optional<Mismatch> check(Context context);
    }

    record FindingPresent(String code, String subject, Map<String, Object> evidence, int line) implements Expectation {
        @Override
        public String title() {
            return "finding " + code + (subject == null ? "" : " on " + subject)
                    + (evidence.isEmpty() ? "" : " with " + evidence);
        }

        @Override
        public Optional<Mismatch> check(Context context) {
            if (!context.enabledCodes().contains(code)) {
                if (context.allCodes().get().contains(code)) {
                    return Optional.of(Mismatch.problem("expected finding " + code + ", but the scenario disables "
                            + "the rule(s) that emit it"));
                }
                return Checks.knownCode(code, context.enabledCodes());
            }
            Optional<Mismatch> present = Checks.present(context.findings(), code);
            if (present.isPresent()) {
                return present;
            }
            List<Finding> candidates = Checks.withCode(context.findings(), code);
            if (subject != null) {
                Checks.Narrowed narrowed = Checks.subject(candidates, code, subject);
                if (narrowed.mismatch() != null) {
                    return Optional.of(narrowed.mismatch());
                }
                candidates = narrowed.findings();
            }
            for (Map.Entry<String, Object> entry : evidence.entrySet()) {
                Checks.Narrowed narrowed = Checks.evidence(candidates, code, entry.getKey(), entry.getValue(),
                        Tolerance.DEFAULT);
                if (narrowed.mismatch() != null) {
                    return Optional.of(narrowed.mismatch());
                }
                candidates = narrowed.findings();
            }
            return Optional.empty();
        }
    }

    record FindingAbsent(String code, int line) implements Expectation {
        @Override
        public String title() {
            return "no finding " + code;
        }

        @Override
        public Optional<Mismatch> check(Context context) {
            if (!context.enabledCodes().contains(code)) {
                // a disabled code is trivially absent; a code no rule knows is a typo
                return context.allCodes().get().contains(code) ? Optional.empty()
                        : Checks.knownCode(code, context.enabledCodes());
            }
            return Checks.absent(context.findings(), code);
        }
    }

    record RatingIs(Rating rating, int line) implements Expectation {
        @Override
        public String title() {
            return "rating " + rating;
        }

        @Override
        public Optional<Mismatch> check(Context context) {
            return Checks.rating(context.mission(), rating);
        }
    }

    record TargetIs(String target, TargetStatus status, int line) implements Expectation {
        @Override
        public String title() {
            return "target " + target + " " + status;
        }

        @Override
        public Optional<Mismatch> check(Context context) {
            return Checks.target(context.mission(), target, status);
        }
    }

    record CriterionIs(Criterion criterion, double score, Tolerance tolerance, int line) implements Expectation {
        @Override
        public String title() {
            return "criterion " + criterion + " " + score;
        }

        @Override
        public Optional<Mismatch> check(Context context) {
            return Checks.criterion(context.mission(), criterion, score, tolerance);
        }
    }

    record FigureIs(Figure figure, double value, Tolerance tolerance, int line) implements Expectation {
        @Override
        public String title() {
            return figure.label() + " " + value;
        }

        @Override
        public Optional<Mismatch> check(Context context) {
            return Checks.figure(context.mission(), figure, value, tolerance);
        }
    }
}
