package org.missionengine.drools.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Target;
import org.missionengine.report.Criterion;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.TargetAssessment;

/** MW_BAU_TARGET, CRIT_UNREALISTIC and MW_NOT_MONITORED: the trajectory pack's washing and realism checks. */
class TrajectoryWashingTest {

    static Portfolio portfolio(Metric metric, String launched, Map<String, Object> parameters, Target target,
                               Observation... observations) {
        Portfolio.Builder b = Portfolio.builder().metric(metric)
                .mission(Mission.builder("m").launched(d(launched)).targets(target).build());
        for (Observation o : observations) {
            b.observation(o);
        }
        parameters.forEach(b::parameter);
        return b.build();
    }

    static Observation obs(String metric, String date, double value) {
        return new Observation(metric, null, d(date), value, "test");
    }

    static MissionReport evaluate(Portfolio portfolio, String asOf) {
        return ENGINE.evaluate(portfolio, d(asOf)).mission("m");
    }

    // --- business as usual -------------------------------------------------------------------------------------

    static final Metric EMISSIONS = metric("emissions", MetricKind.IMPACT, Direction.DECREASE);

    /** Emissions fell by about 4 a year before the 2020 launch; the baseline (64, 2019) predates the launch. */
    static Portfolio bau(double goal) {
        return bau(goal, Map.of());
    }

    static Portfolio bau(double goal, Map<String, Object> parameters) {
        return portfolio(EMISSIONS, "2020-01-01", parameters, target("t", "emissions", 64, "2019-01-01", goal, "2030-01-01"),
                obs("emissions", "2015-01-01", 80), obs("emissions", "2016-01-01", 76),
                obs("emissions", "2017-01-01", 72), obs("emissions", "2018-01-01", 68),
                obs("emissions", "2021-01-01", 56), obs("emissions", "2022-01-01", 52));
    }

    static final Dynamic.Points BEFORE_LAUNCH = new Dynamic.Points().add("2015-01-01", 80).add("2016-01-01", 76)
            .add("2017-01-01", 72).add("2018-01-01", 68).add("2019-01-01", 64);

    @Test
    void aGoalThePreLaunchTrendReachesAnywayIsBusinessAsUsual() {
        MissionReport r = evaluate(bau(30), "2022-06-30");

        double[] bau = line(BEFORE_LAUNCH);
        double bauProjection = at(bau, "2030-01-01");
        assertThat(bau[1]).isCloseTo(-4.0, within(0.01));
        assertThat(bauProjection).isCloseTo(20.0, within(0.2));

        Finding f = finding(r, "MW_BAU_TARGET", "t");
        assertThat(f.category()).isEqualTo("WASHING");
        close(f.evidence("bauTrendPerYear"), bau[1]);
        close(f.evidence("bauProjection"), bauProjection);
        close(f.evidence("goal"), 30);
        assertThat(f.evidence("goalDate")).isEqualTo("2030-01-01");

        TargetAssessment t = r.target("t").orElseThrow();
        close(t.bauTrendPerYear(), bau[1]);
        close(t.bauProjection(), bauProjection);
        // the trend since launch rests on the two post-launch observations only (the baseline predates the launch)
        double[] since = line(new Dynamic.Points().add("2021-01-01", 56).add("2022-01-01", 52));
        close(t.trendPerYear(), since[1]);
        close(t.projected(), at(since, "2030-01-01"));
        close(t.projectedClosure(), (at(since, "2030-01-01") - 64) / (30 - 64));
        assertThat(statusCodes(r, "t")).containsExactly("TRJ_ON_TRACK");
    }

    @Test
    void aLineIsNotExtrapolatedFarBeyondTheYearsItRestsOn() {
        // four years of pre-launch points (2015-2019) carried eleven years ahead to 2030: 2.75 times, within the
        // default of 3; an agency that allows only twice the span leaves the target unjudged
        TargetAssessment t = ENGINE.evaluate(bau(30), d("2022-06-30")).mission("m").targets().get(0);
        assertThat(t.bauProjection()).isNotNull();
        MissionReport strict = evaluate(bau(30, Map.of("trajectory.maxBauHorizon", 2)), "2022-06-30");
        assertThat(has(strict, "MW_BAU_TARGET", "t")).isFalse();
    }

    @Test
    void aGoalBeyondThePreLaunchTrendIsNotBusinessAsUsual() {
        MissionReport r = evaluate(bau(10), "2022-06-30");

        assertThat(has(r, "MW_BAU_TARGET", "t")).isFalse();
        close(r.target("t").orElseThrow().bauProjection(), at(line(BEFORE_LAUNCH), "2030-01-01"));
    }

    @Test
    void withoutPreLaunchObservationsThereIsNoBusinessAsUsualLine() {
        MissionReport r = evaluate(portfolio(EMISSIONS, "2020-01-01", Map.of(),
                target("t", "emissions", 64, "2019-01-01", 60, "2030-01-01"), obs("emissions", "2021-01-01", 56)),
                "2022-06-30");

        assertThat(r.target("t").orElseThrow().bauProjection()).isNull();
        assertThat(has(r, "MW_BAU_TARGET", "t")).isFalse();
    }

    // --- unrealistic --------------------------------------------------------------------------------------------

    static final Metric SHARE = metric("share", MetricKind.OUTCOME, Direction.INCREASE);

    static Portfolio unrealistic(Map<String, Object> parameters) {
        // from 12 to 90 in seven and a half years, after growing by 1 a year
        return portfolio(SHARE, "2020-01-01", parameters, target("t", "share", 10, "2020-01-01", 90, "2030-01-01"),
                obs("share", "2021-01-01", 11), obs("share", "2022-01-01", 12));
    }

    @Test
    void aRateFarBeyondAnythingObservedIsUnrealistic() {
        MissionReport r = evaluate(unrealistic(Map.of()), "2022-06-30");

        double required = (90 - 12) / years(d("2022-06-30"), d("2030-01-01"));
        double best = Math.max(1 / (366 / 365.25), 1 / (365 / 365.25));
        assertThat(required).isCloseTo(10.4, within(0.01));
        assertThat(required).isGreaterThan(5 * best);

        Finding f = finding(r, "CRIT_UNREALISTIC", "t");
        assertThat(f.criterion()).isEqualTo(Criterion.AMBITIOUS_REALISTIC);
        close(f.evidence("requiredRatePerYear"), required);
        close(f.evidence("bestYearlyRate"), best);
        close(f.evidence("maxRateMultiple"), 5);
        TargetAssessment t = r.target("t").orElseThrow();
        close(t.requiredRatePerYear(), required);
        close(t.bestYearlyRate(), best);
        assertThat(statusCodes(r, "t")).containsExactly("TRJ_OFF_TRACK");
        assertThat(r.criteria().get(Criterion.AMBITIOUS_REALISTIC)).isLessThan(1.0);
    }

    @Test
    void theMultipleIsAParameter() {
        MissionReport r = evaluate(unrealistic(Map.of("ambition.maxRateMultiple", 11)), "2022-06-30");

        assertThat(has(r, "CRIT_UNREALISTIC", "t")).isFalse();
    }

    @Test
    void anAmbitiousButObservedRateIsRealistic() {
        // 30 − 16 over 7.5 years is about 1.9 a year, after 3 a year
        MissionReport r = evaluate(portfolio(SHARE, "2020-01-01", Map.of(),
                target("t", "share", 10, "2020-01-01", 30, "2030-01-01"),
                obs("share", "2021-01-01", 13), obs("share", "2022-01-01", 16)), "2022-06-30");

        assertThat(has(r, "CRIT_UNREALISTIC", "t")).isFalse();
    }

    // --- not monitored ------------------------------------------------------------------------------------------

    @Test
    void anOutcomeLastObserved24MonthsAgoIsNotMonitored() {
        MissionReport r = evaluate(portfolio(SHARE, "2020-01-01", Map.of(),
                target("t", "share", 10, "2020-01-01", 30, "2030-01-01"), obs("share", "2021-06-30", 12)), "2023-06-30");

        Finding f = finding(r, "MW_NOT_MONITORED", "t");
        assertThat(f.evidence("lastObserved")).isEqualTo("2021-06-30");
        assertThat(f.evidence("monthsSince")).isEqualTo(24L);
        assertThat(f.evidence("maximumMonths")).isEqualTo(18);
        assertThat(f.message()).contains("was last observed on 2021-06-30, 24 months ago: more than 18.");
    }

    @Test
    void aTargetIsWatchedUpToItsGoalDateNotForever() {
        // goal date 2016: observed in 2016, evaluated in 2026, ten years later: it was monitored while it ran
        MissionReport closed = evaluate(portfolio(SHARE, "2010-01-01", Map.of(),
                target("t", "share", 10, "2010-01-01", 30, "2016-12-31"), obs("share", "2016-12-31", 25)), "2026-06-30");
        assertThat(has(closed, "MW_NOT_MONITORED", "t")).isFalse();

        // last observed in 2012, four years before its goal date: it was not
        MissionReport dropped = evaluate(portfolio(SHARE, "2010-01-01", Map.of(),
                target("t", "share", 10, "2010-01-01", 30, "2016-12-31"), obs("share", "2012-12-31", 12)), "2026-06-30");
        Finding f = finding(dropped, "MW_NOT_MONITORED", "t");
        assertThat(f.evidence("monthsSince")).isEqualTo(48L);
        assertThat(f.message()).contains("was last observed on 2012-12-31, 48 months before its goal date (2016-12-31): "
                + "more than 18.");
    }

    @Test
    void anOutcomeNeverObservedSinceLaunchIsNotMonitored() {
        MissionReport r = evaluate(portfolio(SHARE, "2020-01-01", Map.of(),
                target("t", "share", 10, "2019-01-01", 30, "2030-01-01"), obs("share", "2019-06-30", 11)), "2023-06-30");

        Finding f = finding(r, "MW_NOT_MONITORED", "t");
        assertThat(f.evidence()).containsEntry("lastObserved", null).containsEntry("monthsSince", null);
        assertThat(f.message()).contains("no observation since the mission's launch");
    }

    @Test
    void aRecentObservationIsMonitoring() {
        MissionReport r = evaluate(portfolio(SHARE, "2020-01-01", Map.of(),
                target("t", "share", 10, "2020-01-01", 30, "2030-01-01"), obs("share", "2021-06-30", 12),
                obs("share", "2022-12-31", 14)), "2023-06-30");

        assertThat(has(r, "MW_NOT_MONITORED", "t")).isFalse();
    }

    @Test
    void aYoungMissionHasTimeToStartMonitoring() {
        MissionReport r = evaluate(portfolio(SHARE, "2022-06-01", Map.of(),
                target("t", "share", 10, "2022-06-01", 30, "2030-01-01")), "2023-06-30");

        assertThat(has(r, "MW_NOT_MONITORED", "t")).isFalse();
        assertThat(statusCodes(r, "t")).containsExactly("TRJ_NO_DATA");
    }

    @Test
    void outputMetricsNeedNoMonitoring() {
        Metric output = metric("share", MetricKind.OUTPUT, Direction.INCREASE);
        MissionReport r = evaluate(portfolio(output, "2020-01-01", Map.of(),
                target("t", "share", 10, "2020-01-01", 30, "2030-01-01"), obs("share", "2021-06-30", 12)), "2023-06-30");

        assertThat(has(r, "MW_NOT_MONITORED", "t")).isFalse();
    }

    @Test
    void theStalenessLimitIsAParameter() {
        MissionReport r = evaluate(portfolio(SHARE, "2020-01-01", Map.of("monitoring.maxStaleMonths", 30),
                target("t", "share", 10, "2020-01-01", 30, "2030-01-01"), obs("share", "2021-06-30", 12)), "2023-06-30");

        assertThat(has(r, "MW_NOT_MONITORED", "t")).isFalse();
    }
}
