package org.missionengine.drools.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.dynamic.Dynamic.ENGINE;
import static org.missionengine.drools.dynamic.Dynamic.at;
import static org.missionengine.drools.dynamic.Dynamic.binaryMetric;
import static org.missionengine.drools.dynamic.Dynamic.close;
import static org.missionengine.drools.dynamic.Dynamic.d;
import static org.missionengine.drools.dynamic.Dynamic.finding;
import static org.missionengine.drools.dynamic.Dynamic.has;
import static org.missionengine.drools.dynamic.Dynamic.line;
import static org.missionengine.drools.dynamic.Dynamic.metric;
import static org.missionengine.drools.dynamic.Dynamic.statusCodes;
import static org.missionengine.drools.dynamic.Dynamic.target;
import static org.missionengine.drools.dynamic.Dynamic.years;

import org.junit.jupiter.api.Test;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Target;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/** DECREASE metrics, yes/no (binary) targets, and evaluation as of a date. */
class TrajectoryDirectionAndTimeTest {

    static Portfolio portfolio(Metric metric, String launched, Target target, Observation... observations) {
        Portfolio.Builder b = Portfolio.builder().metric(metric)
                .mission(Mission.builder("m").launched(d(launched)).targets(target).build());
        for (Observation o : observations) {
            b.observation(o);
        }
        return b.build();
    }

    static Observation obs(String metric, String date, double value) {
        return new Observation(metric, null, d(date), value, "test");
    }

    static MissionReport evaluate(Portfolio portfolio, String asOf) {
        return ENGINE.evaluate(portfolio, d(asOf)).mission("m");
    }

    // --- DECREASE: emissions going down -------------------------------------------------------------------------

    static final Metric CO2 = metric("co2", MetricKind.IMPACT, Direction.DECREASE);

    @Test
    void decreasingEmissionsAreProgress() {
        // 100 → 96 → 92: about −4 a year, about 60 by 2030 against a goal of 55
        MissionReport r = evaluate(portfolio(CO2, "2020-01-01", target("cut", "co2", 100, "2020-01-01", 55, "2030-01-01"),
                obs("co2", "2021-01-01", 96), obs("co2", "2022-01-01", 92)), "2022-06-30");

        double[] trend = line(new Dynamic.Points().add("2020-01-01", 100).add("2021-01-01", 96).add("2022-01-01", 92));
        double projected = at(trend, "2030-01-01");
        assertThat(trend[1]).isCloseTo(-4.0, within(0.01));
        assertThat(projected).isCloseTo(60.0, within(0.2));
        double projectedClosure = (projected - 100) / (55 - 100);
        double required = (55 - 92) / years(d("2022-06-30"), d("2030-01-01"));

        assertThat(statusCodes(r, "cut")).containsExactly("TRJ_AT_RISK");
        Finding f = finding(r, "TRJ_AT_RISK", "cut");
        close(f.evidence("trendPerYear"), trend[1]);
        close(f.evidence("projected"), projected);
        close(f.evidence("projectedClosure"), projectedClosure);
        close(f.evidence("gapClosure"), (92 - 100) / (55.0 - 100));
        close(f.evidence("requiredRatePerYear"), required);

        TargetAssessment t = r.target("cut").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(t.trendPerYear()).isNegative();
        assertThat(t.requiredRatePerYear()).isNegative();
        close(t.projectedClosure(), projectedClosure);
        // the best yearly rate is the steepest fall, in the goal's direction
        close(t.bestYearlyRate(), Math.min(-4 / (366 / 365.25), -4 / (365 / 365.25)));
        assertThat(has(r, "CRIT_UNREALISTIC", "cut")).isFalse();
    }

    @Test
    void risingEmissionsAreOffTrackWithANegativeClosure() {
        MissionReport r = evaluate(portfolio(CO2, "2020-01-01", target("cut", "co2", 100, "2020-01-01", 55, "2030-01-01"),
                obs("co2", "2021-01-01", 101), obs("co2", "2022-01-01", 102)), "2022-06-30");

        double[] trend = line(new Dynamic.Points().add("2020-01-01", 100).add("2021-01-01", 101).add("2022-01-01", 102));
        double projectedClosure = (at(trend, "2030-01-01") - 100) / (55 - 100);
        assertThat(projectedClosure).isNegative();

        assertThat(statusCodes(r, "cut")).containsExactly("TRJ_OFF_TRACK");
        close(finding(r, "TRJ_OFF_TRACK", "cut").evidence("projectedClosure"), projectedClosure);
        close(finding(r, "TRJ_OFF_TRACK", "cut").evidence("gapClosure"), (102 - 100) / (55.0 - 100));
        // emissions never fell: any fall required is infinitely more than the best observed
        Finding unrealistic = finding(r, "CRIT_UNREALISTIC", "cut");
        close(unrealistic.evidence("requiredRatePerYear"), (55 - 102) / years(d("2022-06-30"), d("2030-01-01")));
        close(unrealistic.evidence("bestYearlyRate"), 1 / (366 / 365.25));
    }

    @Test
    void goingBelowADecreaseGoalAchievesIt() {
        MissionReport r = evaluate(portfolio(CO2, "2020-01-01", target("cut", "co2", 100, "2020-01-01", 95, "2030-01-01"),
                obs("co2", "2021-01-01", 96), obs("co2", "2022-01-01", 92)), "2022-06-30");

        assertThat(statusCodes(r, "cut")).containsExactly("TRJ_ACHIEVED");
        close(finding(r, "TRJ_ACHIEVED", "cut").evidence("latest"), 92);
        close(r.target("cut").orElseThrow().gapClosure(), (92 - 100) / (95.0 - 100));
    }

    @Test
    void theSameNumbersOnAnIncreaseMetricAreNotAchieved() {
        Metric share = metric("co2", MetricKind.IMPACT, Direction.INCREASE);
        MissionReport r = evaluate(portfolio(share, "2020-01-01", target("cut", "co2", 100, "2020-01-01", 95, "2030-01-01"),
                obs("co2", "2021-01-01", 96), obs("co2", "2022-01-01", 92)), "2022-06-30");

        // 92 is below a goal of 95 on a metric that should rise: not achieved (the goal below the baseline makes
        // the target contradictory, so only achievement is asserted here)
        assertThat(statusCodes(r, "cut")).hasSize(1).doesNotContain("TRJ_ACHIEVED");
        assertThat(r.target("cut").orElseThrow().status()).isNotEqualTo(TargetStatus.ACHIEVED);
    }

    // --- binary (yes/no) targets -----------------------------------------------------------------------------

    static final Metric LANDING = binaryMetric("landing");

    static Target landing() {
        return target("land", "landing", 0, "2020-01-01", 1, "2025-12-31");
    }

    @Test
    void binaryAchieved() {
        MissionReport r = evaluate(portfolio(LANDING, "2020-01-01", landing(), obs("landing", "2022-12-31", 0),
                obs("landing", "2023-07-01", 1)), "2024-01-01");

        assertThat(statusCodes(r, "land")).containsExactly("TRJ_ACHIEVED");
        Finding f = finding(r, "TRJ_ACHIEVED", "land");
        close(f.evidence("latest"), 1);
        assertThat(f.evidence("latestDate")).isEqualTo("2023-07-01");
        TargetAssessment t = r.target("land").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.ACHIEVED);
        close(t.gapClosure(), 1.0);
    }

    @Test
    void binaryNotYetAchievedIsOnTrackUntilItsDate() {
        MissionReport r = evaluate(portfolio(LANDING, "2020-01-01", landing(), obs("landing", "2022-12-31", 0)),
                "2024-01-01");

        // a flat yes/no series projects no progress, but a landing is not a trend: no AT_RISK/OFF_TRACK, no realism check
        assertThat(statusCodes(r, "land")).containsExactly("TRJ_ON_TRACK");
        Finding f = finding(r, "TRJ_ON_TRACK", "land");
        close(f.evidence("latest"), 0);
        assertThat(f.evidence("goalDate")).isEqualTo("2025-12-31");
        assertThat(r.target("land").orElseThrow().status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(has(r, "CRIT_UNREALISTIC", "land")).isFalse();
        assertThat(has(r, "MW_BAU_TARGET", "land")).isFalse();
    }

    @Test
    void binaryWithNothingObservedCannotBeJudgedAndSaysWhyWithoutATrend() {
        MissionReport r = evaluate(portfolio(LANDING, "2020-01-01", landing()), "2024-01-01");

        assertThat(statusCodes(r, "land")).containsExactly("TRJ_NO_DATA");
        Finding f = finding(r, "TRJ_NO_DATA", "land");
        assertThat(f.message()).isEqualTo("Target land cannot be judged: nothing has been observed yet.");
        assertThat(f.evidence("observations")).isEqualTo(0);
    }

    @Test
    void binaryMissed() {
        MissionReport r = evaluate(portfolio(LANDING, "2020-01-01", landing(), obs("landing", "2022-12-31", 0)),
                "2026-06-30");

        assertThat(statusCodes(r, "land")).containsExactly("TRJ_MISSED");
        Finding f = finding(r, "TRJ_MISSED", "land");
        close(f.evidence("latest"), 0);
        close(f.evidence("valueByGoalDate"), 0);
        assertThat(f.evidence("goalDate")).isEqualTo("2025-12-31");
    }

    @Test
    void aTargetDueOnTheEvaluationDateIsDecidedThatDay() {
        // goal 55 by 2030-01-01, evaluated on 2030-01-01 itself: no time is left to require a rate of
        Target cut = target("cut", "co2", 100, "2020-01-01", 55, "2030-01-01");
        MissionReport missed = evaluate(portfolio(CO2, "2020-01-01", cut, obs("co2", "2025-01-01", 80)), "2030-01-01");

        assertThat(statusCodes(missed, "cut")).containsExactly("TRJ_MISSED");
        close(finding(missed, "TRJ_MISSED", "cut").evidence("valueByGoalDate"), 80);
        assertThat(missed.target("cut").orElseThrow().requiredRatePerYear()).isNull();

        MissionReport achieved = evaluate(portfolio(CO2, "2020-01-01", cut, obs("co2", "2025-01-01", 80),
                obs("co2", "2030-01-01", 54)), "2030-01-01");
        assertThat(statusCodes(achieved, "cut")).containsExactly("TRJ_ACHIEVED");
    }

    @Test
    void binaryAchievedOnlyAfterItsDateIsMissed() {
        MissionReport r = evaluate(portfolio(LANDING, "2020-01-01", landing(), obs("landing", "2022-12-31", 0),
                obs("landing", "2026-03-01", 1)), "2026-06-30");

        assertThat(statusCodes(r, "land")).containsExactly("TRJ_MISSED");
        close(finding(r, "TRJ_MISSED", "land").evidence("latest"), 1);
        close(finding(r, "TRJ_MISSED", "land").evidence("valueByGoalDate"), 0);
    }

    @Test
    void binaryWithoutObservationHasNoData() {
        MissionReport r = evaluate(portfolio(LANDING, "2020-01-01", landing()), "2021-01-01");

        assertThat(statusCodes(r, "land")).containsExactly("TRJ_NO_DATA");
        assertThat(finding(r, "TRJ_NO_DATA", "land").evidence("observations")).isEqualTo(0);
    }

    // --- asOf cuts the observations ------------------------------------------------------------------------------

    @Test
    void theSamePortfolioAtThreeDates() {
        Metric share = metric("share", MetricKind.OUTCOME, Direction.INCREASE);
        Portfolio p = portfolio(share, "2020-01-01", target("t", "share", 10, "2020-01-01", 30, "2030-01-01"),
                obs("share", "2021-01-01", 13), obs("share", "2022-01-01", 16), obs("share", "2023-01-01", 16.2),
                obs("share", "2024-01-01", 16.4), obs("share", "2025-01-01", 40));

        // 2022: three points, about +3 a year: on track; 2023 and later not yet known
        MissionReport in2022 = evaluate(p, "2022-06-30");
        double[] early = line(new Dynamic.Points().add("2020-01-01", 10).add("2021-01-01", 13).add("2022-01-01", 16));
        TargetAssessment t2022 = in2022.target("t").orElseThrow();
        assertThat(t2022.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(t2022.latest()).isEqualTo(DatedValue.of(16, d("2022-01-01")));
        assertThat(t2022.observations()).hasSize(2);
        close(t2022.trendPerYear(), early[1]);
        close(finding(in2022, "TRJ_ON_TRACK", "t").evidence("projected"), at(early, "2030-01-01"));

        // 2024: the slowdown is known, the 2025 value is not: at risk
        MissionReport in2024 = evaluate(p, "2024-06-30");
        double[] late = line(new Dynamic.Points().add("2020-01-01", 10).add("2021-01-01", 13).add("2022-01-01", 16)
                .add("2023-01-01", 16.2).add("2024-01-01", 16.4));
        assertThat(late[1]).isCloseTo(1.6, within(0.01));
        TargetAssessment t2024 = in2024.target("t").orElseThrow();
        assertThat(statusCodes(in2024, "t")).containsExactly("TRJ_AT_RISK");
        assertThat(t2024.latest()).isEqualTo(DatedValue.of(16.4, d("2024-01-01")));
        assertThat(t2024.observations()).extracting(Observation::value).containsExactly(13.0, 16.0, 16.2, 16.4);
        close(t2024.trendPerYear(), late[1]);
        close(t2024.projected(), at(late, "2030-01-01"));
        close(t2024.projectedClosure(), (at(late, "2030-01-01") - 10) / 20);
        close(t2024.requiredRatePerYear(), (30 - 16.4) / years(d("2024-06-30"), d("2030-01-01")));

        // 2025: the jump to 40 reaches the goal
        MissionReport in2025 = evaluate(p, "2025-06-30");
        assertThat(statusCodes(in2025, "t")).containsExactly("TRJ_ACHIEVED");
        close(finding(in2025, "TRJ_ACHIEVED", "t").evidence("latest"), 40);
    }

    @Test
    void anObservationOnTheEvaluationDateCounts() {
        Metric share = metric("share", MetricKind.OUTCOME, Direction.INCREASE);
        Portfolio p = portfolio(share, "2020-01-01", target("t", "share", 10, "2020-01-01", 30, "2030-01-01"),
                obs("share", "2021-01-01", 13), obs("share", "2022-06-30", 31));

        assertThat(statusCodes(evaluate(p, "2022-06-29"), "t")).containsExactly("TRJ_ON_TRACK");
        assertThat(statusCodes(evaluate(p, "2022-06-30"), "t")).containsExactly("TRJ_ACHIEVED");
    }
}
