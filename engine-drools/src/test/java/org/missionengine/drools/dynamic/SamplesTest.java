package org.missionengine.drools.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.missionengine.drools.dynamic.Dynamic.ENGINE;
import static org.missionengine.drools.dynamic.Dynamic.d;
import static org.missionengine.drools.dynamic.Dynamic.finding;
import static org.missionengine.drools.dynamic.Dynamic.has;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.missionengine.io.InputOutputTable;
import org.missionengine.io.ObservationFiles;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.ProjectValue;
import org.missionengine.report.TargetAssessment;
import org.missionengine.report.TargetStatus;

/**
 * What the real-data samples show (copies in src/test/resources/samples): national emission targets judged against
 * Our World in Data's series, and the Belgian input-output table valuing a project plain CBA rejects.
 */
class SamplesTest {

    static Path resource(String name) {
        try {
            return Path.of(SamplesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, TargetStatus> statuses(EvaluationReport report) {
        Map<String, TargetStatus> statuses = new LinkedHashMap<>();
        report.missions().forEach(m -> m.targets().forEach(t -> statuses.put(t.target(), t.status())));
        return statuses;
    }

    @ParameterizedTest
    @ValueSource(strings = {"missions/emissions.json", "missions/belgium-io.json", "data/owid-co2-subset.csv"})
    void theCopiesAreInStepWithTheSamples(String sample) throws IOException {
        String name = Path.of(sample).getFileName().toString();
        assertThat(resource("/samples/" + name)).as("src/test/resources/samples/" + name + ": copy it again from "
                + "samples/" + sample).hasSameBinaryContentAs(Path.of("..", "samples", sample));
    }

    @Test
    void emissionTargetsAsOfMid2019() {
        Portfolio portfolio = PortfolioFiles.read(resource("/samples/emissions.json"));
        assertThat(portfolio.asOf()).isEqualTo(d("2019-06-30"));
        EvaluationReport report = ENGINE.evaluate(portfolio);

        for (MissionReport m : report.missions()) {
            for (TargetAssessment t : m.targets()) {
                System.out.printf("%-28s %-17s %-9s latest %s trend/yr %s projected %s closure %s projected closure %s "
                                + "required/yr %s best/yr %s BAU/yr %s BAU projection %s%n", m.id(), t.target(), t.status(),
                        t.latest(), f(t.trendPerYear()), f(t.projected()), f(t.gapClosure()), f(t.projectedClosure()),
                        f(t.requiredRatePerYear()), f(t.bestYearlyRate()), f(t.bauTrendPerYear()), f(t.bauProjection()));
            }
            m.findings().stream().filter(x -> x.code().startsWith("TRJ_") || x.code().equals("MW_BAU_TARGET")
                    || x.code().equals("CRIT_UNREALISTIC") || x.code().equals("MW_NOT_MONITORED")
                    || x.code().equals("MW_MOVING_GOALPOSTS"))
                    .forEach(x -> System.out.println("    " + x.code() + ": " + x.message()));
        }

        assertThat(statuses(report)).containsExactly(
                Map.entry("gb-kyoto-ghg", TargetStatus.ACHIEVED),
                Map.entry("gb-net-zero-2050", TargetStatus.ON_TRACK),
                Map.entry("de-co2-2005", TargetStatus.MISSED),
                Map.entry("de-2020", TargetStatus.OFF_TRACK),
                Map.entry("de-2030", TargetStatus.OFF_TRACK),
                Map.entry("fr-factor-4", TargetStatus.AT_RISK));

        MissionReport kyoto = report.mission("gb-kyoto");
        Finding bau = finding(kyoto, "MW_BAU_TARGET", "gb-kyoto-ghg");
        assertThat((Double) bau.evidence("bauProjection")).isLessThan(663.27625);
        assertThat((Double) bau.evidence("bauTrendPerYear")).isNegative();
        // achieved by its date on the 2012 value (559.76), long before the latest (2016) one
        assertThat(finding(kyoto, "TRJ_ACHIEVED", "gb-kyoto-ghg").evidence("latest")).isEqualTo(559.76);

        // the German 2005 target was reached only in 2018: missed
        Finding missed = finding(report.mission("de-klimaschutzprogramm-2000"), "TRJ_MISSED", "de-co2-2005");
        assertThat(missed.evidence("valueByGoalDate")).isEqualTo(866.64);
        assertThat(missed.evidence("latest")).isEqualTo(759.002);

        // the net-zero line is projected no further than the metric's floor (min 0): emissions do not go negative
        assertThat(report.mission("gb-climate-change-act").target("gb-net-zero-2050").orElseThrow().projected())
                .isEqualTo(0.0);
        assertThat(finding(report.mission("gb-climate-change-act"), "TRJ_ON_TRACK", "gb-net-zero-2050").message())
                .contains("reaches 0 MtCO2 by 2050-12-31, reaching the goal of 0 MtCO2");

        // net zero replaced 80 %: a goal made stronger is no moving goalpost
        assertThat(has(report.mission("gb-climate-change-act"), "MW_MOVING_GOALPOSTS", "gb-net-zero-2050")).isFalse();
        // every series runs to 2018 (GHG to 2016, but that target was achieved): all monitored
        assertThat(report.allFindings()).noneMatch(x -> x.code().equals("MW_NOT_MONITORED"));
    }

    @Test
    void theInlineObservationsAreTheCsvSubset() {
        Portfolio portfolio = PortfolioFiles.read(resource("/samples/emissions.json"));
        Portfolio without = new Portfolio(portfolio.asOf(), portfolio.currency(), portfolio.metrics(), portfolio.actors(),
                portfolio.missions(), List.of(), portfolio.spillovers(), portfolio.parameters(), portfolio.sources());

        List<Observation> fromCsv = ObservationFiles.read(resource("/samples/owid-co2-subset.csv"), without);

        assertThat(fromCsv).hasSize(114).isEqualTo(portfolio.observations());
        assertThat(statuses(ENGINE.evaluate(without.withObservations(fromCsv)))).isEqualTo(statuses(ENGINE.evaluate(portfolio)));
    }

    @Test
    void statusesChangeOverTheYears() {
        Portfolio portfolio = PortfolioFiles.read(resource("/samples/emissions.json"));
        Map<String, StringBuilder> timeline = new LinkedHashMap<>();
        Map<Integer, Map<String, TargetStatus>> byYear = new LinkedHashMap<>();
        for (int year = 2003; year <= 2019; year++) {
            LocalDate asOf = LocalDate.of(year, 6, 30);
            Map<String, TargetStatus> s = new LinkedHashMap<>();
            ENGINE.evaluate(portfolio, asOf).missions().stream()
                    .filter(m -> !portfolio.mission(m.id()).orElseThrow().launched().isAfter(asOf))
                    .forEach(m -> m.targets().forEach(t -> s.put(t.target(), t.status())));
            byYear.put(year, s);
            s.forEach((target, status) -> timeline.computeIfAbsent(target, k -> new StringBuilder())
                    .append(' ').append(asOf.getYear()).append(':').append(status));
        }
        timeline.forEach((target, line) -> System.out.println("timeline " + target + line));

        assertThat(byYear.get(2006).get("gb-kyoto-ghg")).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(byYear.get(2009).get("gb-kyoto-ghg")).isEqualTo(TargetStatus.ACHIEVED);
        assertThat(byYear.get(2005).get("de-co2-2005")).isEqualTo(TargetStatus.OFF_TRACK);
        assertThat(byYear.get(2006).get("de-co2-2005")).isEqualTo(TargetStatus.MISSED);
        assertThat(byYear.get(2012).get("de-2020")).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(byYear.get(2016).get("de-2020")).isEqualTo(TargetStatus.OFF_TRACK);
        assertThat(byYear.get(2017).get("fr-factor-4")).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(byYear.get(2019).get("fr-factor-4")).isEqualTo(TargetStatus.AT_RISK);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBelgianTableValuesWhatPlainAnalysisRejects() {
        Portfolio portfolio = PortfolioFiles.read(resource("/samples/belgium-io.json"));
        assertThat(portfolio.spillovers()).isEmpty();

        // without the table the two views agree: nothing is undervalued
        MissionReport alone = ENGINE.evaluate(portfolio).mission("be-effort-sharing-2030");
        assertThat(alone.findings("VAL_CBA_UNDERVALUES")).isEmpty();

        Portfolio withTable = portfolio.withSpillovers(InputOutputTable.read(resource("/io/BEL2020ttl.csv")).asSpillovers(Map.of()));
        MissionReport r = ENGINE.evaluate(withTable).mission("be-effort-sharing-2030");
        for (ProjectValue p : r.value().projects()) {
            System.out.printf("belgium %-24s %-6s PV costs %8.3f PV benefits %8.3f BCR %.3f total %8.3f dynamic BCR %.3f "
                            + "(largest spill: %s)%n", p.project(), p.sector(), p.pvCosts(), p.pvBenefits(),
                    p.benefitCostRatio(), p.totalValue(), p.dynamicBenefitCostRatio(),
                    p.spillsInto().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                            .limit(3).map(e -> e.getKey() + String.format("=%.1f", e.getValue()))
                            .collect(Collectors.joining(", ")));
        }
        System.out.printf("belgium mission: PV costs %.3f, PV benefits %.3f, BCR %.3f, total %.3f, spillover %.3f, dynamic "
                        + "BCR %.3f%n", r.value().pvCosts(), r.value().pvBenefits(), r.value().benefitCostRatio(),
                r.value().totalValue(), r.value().spilloverValue(), r.value().dynamicBenefitCostRatio());
        r.findings("VAL_CBA_UNDERVALUES").forEach(x -> System.out.println("    " + x.code() + ": " + x.message()));

        assertThat(r.findings("VAL_CBA_UNDERVALUES")).extracting(Finding::subject).containsExactly("be-ill-renovation");
        Finding f = finding(r, "VAL_CBA_UNDERVALUES", "be-ill-renovation");
        assertThat((Double) f.evidence("benefitCostRatio")).isLessThan(1);
        assertThat((Double) f.evidence("dynamicBenefitCostRatio")).isGreaterThanOrEqualTo(1);
        assertThat((List<Object>) f.evidence("spillsInto")).contains("D35", "D23", "D69T75");
        ProjectValue skills = r.value().projects().stream().filter(p -> p.project().equals("be-ill-installer-skills"))
                .findFirst().orElseThrow();
        assertThat(skills.dynamicBenefitCostRatio()).isLessThan(1);
    }

    private static String f(Double value) {
        return value == null ? "-" : String.format("%.4g", value);
    }
}
