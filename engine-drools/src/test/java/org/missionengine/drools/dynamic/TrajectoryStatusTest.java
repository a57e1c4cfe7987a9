package org.missionengine.drools.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.missionengine.drools.dynamic.Dynamic.ENGINE;
import static org.missionengine.drools.dynamic.Dynamic.at;
import static org.missionengine.drools.dynamic.Dynamic.close;
import static org.missionengine.drools.dynamic.Dynamic.d;
import static org.missionengine.drools.dynamic.Dynamic.finding;
import static org.missionengine.drools.dynamic.Dynamic.has;
import static org.missionengine.drools.dynamic.Dynamic.line;
import static org.missionengine.drools.dynamic.Dynamic.metric;
import static org.missionengine.drools.dynamic.Dynamic.statusCodes;
import static org.missionengine.drools.dynamic.Dynamic.target;
import static org.missionengine.drools.dynamic.Dynamic.years;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Target;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/**
 * One test per target status (SPEC §5/§6), each checking the numbers in the finding's evidence and in the report's
 * TargetAssessment against values computed here. The common case: an INCREASE outcome metric, mission launched
 * 2020-01-01, baseline 10 on the launch date (so it is one of the trend's points), goal 30 on 2030-01-01, evaluated on
 * 2022-06-30. 2020 is a leap year, so the yearly steps are 366/365.25 and 365/365.25 years long.
 */
class TrajectoryStatusTest {
    static final String LAUNCH = "2020-01-01";
    static final String GOAL_DATE = "2030-01-01";
    static final String AS_OF = "2022-06-30";

    static Portfolio portfolio(Target target, Observation... observations) {
        Portfolio.Builder b = Portfolio.builder()
                .metric(metric("share", MetricKind.OUTCOME, Direction.INCREASE))
                .mission(Mission.builder("m").launched(d(LAUNCH)).targets(target).build());
        for (Observation o : observations) {
            b.observation(o);
        }
        return b.build();
    }

    static Observation obs(String date, double value) {
        return new Observation("share", null, d(date), value, "test");
    }

    static MissionReport evaluate(Portfolio portfolio, String asOf) {
        return ENGINE.evaluate(portfolio, d(asOf)).mission("m");
    }

    @Test
    void aTargetSetAfterTheLaunchIsJudgedOnItsOwnPeriod() {
        // the share rose fast from the launch to 2022, then stalled once this later target was set from 16 in 2022:
        // the old climb does not carry the new target (it would project about 40 by 2030)
        Target later = target("t", "share", 16, "2022-01-01", 30, GOAL_DATE);
        MissionReport r = evaluate(portfolio(later, obs("2020-06-01", 11), obs("2021-01-01", 13), obs("2022-01-01", 16),
                obs("2023-01-01", 16), obs("2024-01-01", 16.2)), "2024-06-30");

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_OFF_TRACK");
        close(finding(r, "TRJ_OFF_TRACK", "t").evidence("trendPerYear"),
                line(new Dynamic.Points().add("2022-01-01", 16).add("2023-01-01", 16).add("2024-01-01", 16.2))[1]);
    }

    @Test
    void onTrack() {
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, GOAL_DATE),
                obs("2021-01-01", 13), obs("2022-01-01", 16)), AS_OF);

        double[] trend = line(new Dynamic.Points().add(LAUNCH, 10).add("2021-01-01", 13).add("2022-01-01", 16));
        double projected = at(trend, GOAL_DATE);
        assertThat(trend[1]).isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(projected).isCloseTo(40.0, org.assertj.core.api.Assertions.within(0.2));
        double projectedClosure = (projected - 10) / 20;
        double required = (30 - 16) / years(d(AS_OF), d(GOAL_DATE));

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_ON_TRACK");
        Finding f = finding(r, "TRJ_ON_TRACK", "t");
        close(f.evidence("trendPerYear"), trend[1]);
        close(f.evidence("projected"), projected);
        close(f.evidence("projectedClosure"), projectedClosure);
        close(f.evidence("gapClosure"), 0.3);
        close(f.evidence("goal"), 30);
        assertThat(f.message()).contains("on track").contains("2030-01-01");

        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(t.latest()).isEqualTo(DatedValue.of(16, d("2022-01-01")));
        close(t.trendPerYear(), trend[1]);
        close(t.projected(), projected);
        close(t.projectedClosure(), projectedClosure);
        close(t.gapClosure(), 0.3);
        close(t.requiredRatePerYear(), required);
        close(t.bestYearlyRate(), Math.max(3 / (366 / 365.25), 3 / (365 / 365.25)));
        assertThat(t.bauTrendPerYear()).isNull();
        assertThat(t.bauProjection()).isNull();
        assertThat(t.observations()).extracting(Observation::value).containsExactly(13.0, 16.0);
        assertThat(has(r, "CRIT_UNREALISTIC", "t")).isFalse();
        assertThat(has(r, "MW_BAU_TARGET", "t")).isFalse();
        assertThat(has(r, "MW_NOT_MONITORED", "t")).isFalse();
    }

    @Test
    void atRisk() {
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, GOAL_DATE),
                obs("2021-01-01", 11.6), obs("2022-01-01", 13.2)), AS_OF);

        double[] trend = line(new Dynamic.Points().add(LAUNCH, 10).add("2021-01-01", 11.6).add("2022-01-01", 13.2));
        double projected = at(trend, GOAL_DATE);
        double projectedClosure = (projected - 10) / 20;
        assertThat(projectedClosure).isBetween(0.7, 1.0);
        double required = (30 - 13.2) / years(d(AS_OF), d(GOAL_DATE));

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_AT_RISK");
        Finding f = finding(r, "TRJ_AT_RISK", "t");
        close(f.evidence("trendPerYear"), trend[1]);
        close(f.evidence("projected"), projected);
        close(f.evidence("projectedClosure"), projectedClosure);
        close(f.evidence("gapClosure"), (13.2 - 10) / 20);
        close(f.evidence("requiredRatePerYear"), required);
        close(f.evidence("goal"), 30);

        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.AT_RISK);
        close(t.trendPerYear(), trend[1]);
        close(t.projected(), projected);
        close(t.projectedClosure(), projectedClosure);
        close(t.requiredRatePerYear(), required);
    }

    @Test
    void atRiskThresholdIsAParameter() {
        Portfolio portfolio = portfolio(target("t", "share", 10, LAUNCH, 30, GOAL_DATE),
                obs("2021-01-01", 11.6), obs("2022-01-01", 13.2));
        Portfolio strict = new Portfolio(portfolio.asOf(), portfolio.currency(), portfolio.metrics(), portfolio.actors(),
                portfolio.missions(), portfolio.observations(), portfolio.spillovers(),
                java.util.Map.of("trajectory.atRiskClosure", 0.9), portfolio.sources());

        assertThat(statusCodes(evaluate(strict, AS_OF), "t")).containsExactly("TRJ_OFF_TRACK");
    }

    @Test
    void offTrack() {
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, GOAL_DATE),
                obs("2021-01-01", 11), obs("2022-01-01", 12)), AS_OF);

        double[] trend = line(new Dynamic.Points().add(LAUNCH, 10).add("2021-01-01", 11).add("2022-01-01", 12));
        double projected = at(trend, GOAL_DATE);
        double projectedClosure = (projected - 10) / 20;
        assertThat(projectedClosure).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.01));
        double required = (30 - 12) / years(d(AS_OF), d(GOAL_DATE));

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_OFF_TRACK");
        Finding f = finding(r, "TRJ_OFF_TRACK", "t");
        assertThat(f.severity()).isEqualTo(org.missionengine.report.Severity.CRITICAL);
        close(f.evidence("trendPerYear"), trend[1]);
        close(f.evidence("projected"), projected);
        close(f.evidence("projectedClosure"), projectedClosure);
        close(f.evidence("gapClosure"), 0.1);
        close(f.evidence("requiredRatePerYear"), required);

        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.OFF_TRACK);
        close(t.requiredRatePerYear(), required);
        // about 2.4 a year is required where 1 a year was achieved: below 5 times, so not unrealistic
        assertThat(has(r, "CRIT_UNREALISTIC", "t")).isFalse();
    }

    @Test
    void offTrackAwayFromTheGoalSaysTheGapWidens() {
        // 10 -> 9 -> 8 while the goal is 30: the projection lies below the baseline, a negative closure
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, GOAL_DATE),
                obs("2021-01-01", 9), obs("2022-01-01", 8)), AS_OF);

        Finding f = finding(r, "TRJ_OFF_TRACK", "t");
        assertThat((Double) f.evidence("projectedClosure")).isNegative();
        assertThat(f.message()).contains("moving away from the goal (the gap widens by "
                + Math.round(-100 * (Double) f.evidence("projectedClosure")) + "%)").doesNotContain("closing");
    }

    @Test
    void achieved() {
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, GOAL_DATE),
                obs("2021-01-01", 20), obs("2022-01-01", 31)), AS_OF);

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_ACHIEVED");
        Finding f = finding(r, "TRJ_ACHIEVED", "t");
        close(f.evidence("latest"), 31);
        assertThat(f.evidence("latestDate")).isEqualTo("2022-01-01");
        close(f.evidence("goal"), 30);

        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.ACHIEVED);
        close(t.gapClosure(), (31 - 10) / 20.0);
        // achieved: nothing more is required, so no rate is shown
        assertThat(t.requiredRatePerYear()).isNull();
        assertThat(has(r, "CRIT_UNREALISTIC", "t")).isFalse();
    }

    @Test
    void missed() {
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, "2021-12-31"),
                obs("2021-01-01", 13), obs("2021-12-31", 16)), AS_OF);

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_MISSED");
        Finding f = finding(r, "TRJ_MISSED", "t");
        close(f.evidence("goal"), 30);
        assertThat(f.evidence("goalDate")).isEqualTo("2021-12-31");
        close(f.evidence("latest"), 16);
        close(f.evidence("valueByGoalDate"), 16);
        close(f.evidence("gapClosure"), 0.3);

        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(t.requiredRatePerYear()).as("no rate can be required after the date").isNull();
    }

    @Test
    void aGoalReachedOnlyAfterItsDateWasMissed() {
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, "2021-12-31"),
                obs("2021-01-01", 13), obs("2021-12-31", 16), obs("2022-03-31", 31)), AS_OF);

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_MISSED");
        Finding f = finding(r, "TRJ_MISSED", "t");
        close(f.evidence("latest"), 31);
        close(f.evidence("valueByGoalDate"), 16);
        assertThat(f.message()).isEqualTo("Target t was missed: its date 2021-12-31 has passed and the value by then "
                + "was 16 unit against a goal of 30 unit (latest: 31 unit on 2022-03-31).");
        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(t.latest()).isEqualTo(DatedValue.of(31, d("2022-03-31")));
    }

    @Test
    void aTrendOverMonthsIsNotProjectedYearsAhead() {
        // a target set from 10 in March 2022, one more point in June: a line through them would fall far short of 30
        // by 2030 (OFF_TRACK), yet three months say nothing of eight years
        Target recent = target("t", "share", 10, "2022-03-01", 30, GOAL_DATE);
        MissionReport r = evaluate(portfolio(recent, obs("2022-06-01", 10.1)), AS_OF);

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_NO_DATA");
        Finding f = finding(r, "TRJ_NO_DATA", "t");
        assertThat(f.message()).isEqualTo("Target t cannot be judged: its trend rests on 2 points over 3 months, "
                + "under the 1 year a trend needs to be projected.");
        close(f.evidence("trendSpanYears"), 0.25);
        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.trendPerYear()).isNotNull();
        assertThat(t.projected()).isNull();
        assertThat(t.projectedClosure()).isNull();
    }

    @Test
    void aTrendOverAYearIsProjectedAndTheMinimumIsAParameter() {
        Target recent = target("t", "share", 10, "2021-06-01", 30, GOAL_DATE);
        Portfolio overAYear = portfolio(recent, obs("2022-06-01", 10.1));
        assertThat(statusCodes(evaluate(overAYear, AS_OF), "t")).containsExactly("TRJ_OFF_TRACK");

        Portfolio.Builder builder = Portfolio.builder().parameter("trajectory.minTrendYears", 2);
        overAYear.metrics().forEach(builder::metric);
        overAYear.missions().forEach(builder::mission);
        overAYear.observations().forEach(builder::observation);
        Portfolio stricter = builder.build();
        Finding f = finding(ENGINE.evaluate(stricter, d(AS_OF)).mission("m"), "TRJ_NO_DATA", "t");
        assertThat(f.message()).isEqualTo("Target t cannot be judged: its trend rests on 2 points over 12 months, "
                + "under the 2 years a trend needs to be projected.");
    }

    @Test
    void aGoalEqualToItsBaselineHasNoGapToProjectAndSaysSo() {
        MissionReport r = evaluate(portfolio(target("t", "share", 10, "2020-01-01", 10, GOAL_DATE),
                obs("2021-01-01", 8), obs("2022-01-01", 9)), AS_OF);

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_NO_DATA");
        assertThat(finding(r, "TRJ_NO_DATA", "t").message()).isEqualTo("Target t cannot be judged: its goal equals "
                + "its baseline, so there is no gap to close.");
    }

    @Test
    void noData() {
        // the baseline predates the launch, so only one point (2021) is on or after it: no trend
        MissionReport r = evaluate(portfolio(target("t", "share", 10, "2019-01-01", 30, GOAL_DATE),
                obs("2021-01-01", 12)), AS_OF);

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_NO_DATA");
        Finding f = finding(r, "TRJ_NO_DATA", "t");
        assertThat(f.evidence("trendPoints")).isEqualTo(1);
        assertThat(f.evidence("observations")).isEqualTo(1);
        assertThat(f.message()).endsWith("cannot be judged: a trend needs two points since launch (the observations, "
                + "and the baseline when it is not older), and it has one.");

        TargetAssessment t = r.target("t").orElseThrow();
        assertThat(t.status()).isEqualTo(TargetStatus.NO_DATA);
        assertThat(t.trendPerYear()).isNull();
        assertThat(t.projected()).isNull();
        assertThat(t.projectedClosure()).isNull();
        close(t.gapClosure(), 0.1);
        close(t.requiredRatePerYear(), (30 - 12) / years(d(AS_OF), d(GOAL_DATE)));
        // one point before launch (the baseline) is too few for a business-as-usual line
        assertThat(t.bauTrendPerYear()).isNull();
    }

    @Test
    void noDataWithoutANumericGoal() {
        Target vague = new Target("t", "share", DatedValue.of(10, d(LAUNCH)), new DatedValue(null, d(GOAL_DATE)), List.of());
        MissionReport r = evaluate(portfolio(vague, obs("2021-01-01", 13), obs("2022-01-01", 16)), AS_OF);

        assertThat(statusCodes(r, "t")).containsExactly("TRJ_NO_DATA");
        assertThat(finding(r, "TRJ_NO_DATA", "t").message()).isEqualTo("Target t cannot be judged: its goal's value is "
                + "not recorded.");
        assertThat(r.target("t").orElseThrow().projected()).isNull();
    }

    @Test
    void anObservationOnTheBaselineDateIsNotCountedTwice() {
        // baseline 10 and an observation of 10 on the launch date are one point, not two
        MissionReport r = evaluate(portfolio(target("t", "share", 10, LAUNCH, 30, GOAL_DATE),
                obs(LAUNCH, 10), obs("2021-01-01", 13), obs("2022-01-01", 14)), AS_OF);

        double[] trend = line(new Dynamic.Points().add(LAUNCH, 10).add("2021-01-01", 13).add("2022-01-01", 14));
        close(r.target("t").orElseThrow().trendPerYear(), trend[1]);
    }
}
