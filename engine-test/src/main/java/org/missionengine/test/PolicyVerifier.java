package org.missionengine.test;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.missionengine.MissionEngine;
import org.missionengine.catalog.RuleCatalog;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;

/**
 * Tests an evaluation policy (an engine with its rules, disabled rules and parameters) one rule at a time, in the
 * manner of Timefold's ConstraintVerifier: build it once per test class, then state a portfolio and what must or
 * must not fire. It knows the engine's catalog, so a finding code that no rule emits fails instead of passing
 * silently, and it records which rules fired for {@link #coverage()}.
 *
 * <pre>{@code
 * static final PolicyVerifier verifier = PolicyVerifier.of(MissionEngine.builder()
 *         .rules(Path.of("rules/agency")).build());
 *
 * @Test
 * void relabelledProgrammesAreWashing() {
 *     verifier.verifyThat("MW_REBRANDED")
 *             .given(strongMission("m1").withProject(project("legacy").grant(100e6).preexisting()))
 *             .firesFor("m1").withEvidence("share", 100e6 / 130e6);
 * }
 *
 * @Test
 * void aStrongMissionIsRatedStrong() {
 *     verifier.given(strongMission("m1")).then().mission("m1").hasRating(Rating.STRONG);
 * }
 * }</pre>
 */
public final class PolicyVerifier {
    private final MissionEngine engine;
    private final Set<String> codes;
    private final RuleCoverage.Recorder coverage = new RuleCoverage.Recorder();

    private PolicyVerifier(MissionEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.codes = Checks.codes(engine.catalog());
        coverage.add(engine.catalog());
    }

    /**
     * A verifier for this engine (build it with {@code MissionEngine.builder()}).
     *
     * @param engine the engine whose rules, parameters and disabled rules are the policy under test
     * @return the verifier; keep one per test class, so that {@link #coverage()} sees every test
     */
    public static PolicyVerifier of(MissionEngine engine) {
        return new PolicyVerifier(engine);
    }

    /**
     * A verifier for the built-in rule packs with their default parameters.
     *
     * @return the verifier
     */
    public static PolicyVerifier builtIn() {
        return new PolicyVerifier(MissionEngine.builder().build());
    }

    /**
     * The engine under test.
     *
     * @return the engine the verifier evaluates with
     */
    public MissionEngine engine() {
        return engine;
    }

    /**
     * The engine's rules and parameters: the codes a verifier accepts.
     *
     * @return the engine's catalog
     */
    public RuleCatalog catalog() {
        return engine.catalog();
    }

    /**
     * An evaluation of this portfolio, at its {@code asOf} unless {@link Given#asOf} says otherwise.
     *
     * @param portfolio the portfolio
     * @return the evaluation, made when first asked for
     */
    public Given given(Portfolio portfolio) {
        return new Given(portfolio, null);
    }

    /**
     * An evaluation of these test missions together, in one portfolio.
     *
     * @param missions the missions
     * @return the evaluation, made when first asked for
     */
    public Given given(TestMission... missions) {
        return given(TestPortfolios.portfolio(missions));
    }

    /**
     * Focuses on one finding code; fails at once when no rule of the engine emits it.
     *
     * @param code a finding code such as {@code MW_REBRANDED}
     * @return what the code must do, on a portfolio given next
     */
    public RuleVerification verifyThat(String code) {
        ReportAssert.fail(Checks.knownCode(Objects.requireNonNull(code, "code"), codes), null);
        return new RuleVerification(code);
    }

    /**
     * Which of the engine's rules fired in the evaluations made through this verifier so far.
     *
     * @return the coverage: each rule with the number of times it fired
     */
    public synchronized RuleCoverage coverage() {
        return coverage.coverage();
    }

    private synchronized void record(EvaluationReport report) {
        coverage.add(report);
    }

    /** A portfolio to evaluate. */
    public final class Given {
        private final Portfolio portfolio;
        private final LocalDate asOf;
        private EvaluationReport report;

        private Given(Portfolio portfolio, LocalDate asOf) {
            this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
            this.asOf = asOf;
        }

        /**
         * Evaluates at another date.
         *
         * @param date the evaluation date
         * @return an evaluation of the same portfolio at that date
         */
        public Given asOf(LocalDate date) {
            return new Given(portfolio, date);
        }

        /**
         * Evaluates at another date.
         *
         * @param isoDate an ISO-8601 date such as {@code 2026-06-30}
         * @return an evaluation of the same portfolio at that date
         */
        public Given asOf(String isoDate) {
            return asOf(LocalDate.parse(isoDate));
        }

        /**
         * The report (evaluated once).
         *
         * @return the report of the portfolio at the date given
         * @throws IllegalStateException when neither the portfolio nor {@link #asOf} gives a date: a test must not depend
         *                               on today's date
         */
        public EvaluationReport evaluate() {
            if (report == null) {
                LocalDate date = asOf != null ? asOf : portfolio.asOf();
                if (date == null) {
                    throw new IllegalStateException("the portfolio has no asOf: call asOf(...) so the test does not "
                            + "depend on today's date");
                }
                report = engine.evaluate(portfolio, date);
                record(report);
            }
            return report;
        }

        /**
         * Assertions on the report, checking every code named against the engine's catalog.
         *
         * @return assertions on the report, evaluated once
         */
        public ReportAssert then() {
            return new ReportAssert(evaluate(), codes);
        }
    }

    /** What one finding code must do. */
    public final class RuleVerification {
        private final String code;

        private RuleVerification(String code) {
            this.code = code;
        }

        /**
         * The portfolio the code is checked on.
         *
         * @param portfolio the portfolio
         * @return the code on that portfolio
         */
        public Focus given(Portfolio portfolio) {
            return new Focus(code, PolicyVerifier.this.given(portfolio));
        }

        /**
         * The test missions the code is checked on, in one portfolio.
         *
         * @param missions the missions
         * @return the code on their portfolio
         */
        public Focus given(TestMission... missions) {
            return new Focus(code, PolicyVerifier.this.given(missions));
        }
    }

    /** One finding code on one portfolio. */
    public final class Focus {
        private final String code;
        private final Given given;

        private Focus(String code, Given given) {
            this.code = code;
            this.given = given;
        }

        /**
         * Evaluates at another date.
         *
         * @param isoDate an ISO-8601 date such as {@code 2026-06-30}
         * @return the code on the same portfolio at that date
         */
        public Focus asOf(String isoDate) {
            return new Focus(code, given.asOf(isoDate));
        }

        /**
         * Evaluates at another date.
         *
         * @param date the evaluation date
         * @return the code on the same portfolio at that date
         */
        public Focus asOf(LocalDate date) {
            return new Focus(code, given.asOf(date));
        }

        /**
         * Passes when the mission has the finding; narrow it further with the returned assertion.
         *
         * @param missionId the mission's id
         * @return assertions on the mission's findings with the code
         */
        public FindingAssert firesFor(String missionId) {
            return given.then().mission(missionId).hasFinding(code);
        }

        /**
         * Passes when the mission has no finding with the code; on failure shows the finding's message and evidence.
         *
         * @param missionId the mission's id
         * @return assertions on the mission
         */
        public MissionAssert doesNotFireFor(String missionId) {
            return given.then().mission(missionId).doesNotHaveFinding(code);
        }

        /**
         * Passes when the portfolio-level findings include the code.
         *
         * @return assertions on those findings
         */
        public PortfolioFindingAssert firesForPortfolio() {
            return given.then().hasPortfolioFinding(code);
        }

        /**
         * Passes when neither a mission nor the portfolio has the finding.
         *
         * @return assertions on the report
         */
        public ReportAssert doesNotFire() {
            EvaluationReport report = given.evaluate();
            List<Finding> found = Checks.withCode(report.allFindings(), code);
            if (!found.isEmpty()) {
                throw Mismatch.of("no finding " + code, found.size() + ": " + Checks.describe(found).replace('\n', ';'),
                        "no " + code, Checks.describe(found)).toError(null);
            }
            return given.then();
        }

        /**
         * Passes when the code appears exactly {@code count} times across missions and portfolio.
         *
         * @param count the number of findings expected, 0 or more
         * @return assertions on the report
         */
        public ReportAssert firesTimes(int count) {
            EvaluationReport report = given.evaluate();
            List<Finding> found = Checks.withCode(report.allFindings(), code);
            if (found.size() != count) {
                throw Mismatch.of(count + " finding(s) " + code, found.size() + (found.isEmpty() ? "" : ": "
                        + Checks.describe(found).replace('\n', ';')), count, found.size()).toError(null);
            }
            return given.then();
        }
    }
}
