package org.example.citymissions;

import java.time.LocalDate;
import java.util.List;

import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Budget;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.Governance;
import org.missionengine.model.Instrument;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;

/**
 * The city's mission portfolio, built in code as an application would from its own database. Illustrative: the city,
 * its figures and its projects are invented for this example.
 */
public final class CityPortfolio {
    public static final String MISSION = "net-zero-example-city";

    private CityPortfolio() {
    }

    public static Portfolio build() {
        Mission mission = Mission.builder(MISSION)
                .title("Illustrative: a climate-neutral Example City by 2030")
                .statement("Example City becomes climate-neutral by 2030, with and for its residents.")
                .challenge("climate change")
                .owner("Example City council")
                .launched(LocalDate.of(2022, 1, 1))
                .deadline(LocalDate.of(2030, 12, 31))
                .budget(new Budget(120_000_000.0, 80_000_000.0, true))
                .sectors("energy", "buildings", "transport")
                .disciplines("engineering", "economics", "social sciences")
                .governance(new Governance(List.of("Mayor's office", "Climate department"), true, true,
                        List.of("CITIZEN_ASSEMBLY"), 0.5))
                .targets(new org.missionengine.model.Target("city-ghg",
                        DatedValue.of(2.0, LocalDate.of(2021, 12, 31)),
                        DatedValue.of(0.2, LocalDate.of(2030, 12, 31))))
                .projects(
                        Project.builder("retrofit-contract")
                                .title("Deep retrofit of social housing")
                                .instrument(Instrument.PROCUREMENT)
                                .recipient("builder")
                                .sector("buildings")
                                .solution("deep retrofit")
                                .openCall(true)
                                .publicFunding(3_000_000)
                                .privateFunding(1_000_000)
                                .start(LocalDate.of(2022, 6, 1))
                                .end(LocalDate.of(2027, 6, 1))
                                .contributesTo("city-ghg")
                                .conditionalities(new Conditionality(ConditionalityType.EMISSIONS, true, true, true,
                                        "Embodied-carbon cap per square metre, with clawback"))
                                .build(),
                        Project.builder("heat-network-grant")
                                .title("Research on a low-temperature heat network")
                                .instrument(Instrument.GRANT)
                                .recipient("university")
                                .sector("energy")
                                .solution("district heating")
                                .openCall(true)
                                .publicFunding(1_500_000)
                                .start(LocalDate.of(2022, 9, 1))
                                .end(LocalDate.of(2026, 8, 31))
                                .contributesTo("city-ghg")
                                .build(),
                        Project.builder("cargo-bike-prize")
                                .title("Challenge prize for neighbourhood cargo-bike logistics")
                                .instrument(Instrument.PRIZE)
                                .recipient("cooperative")
                                .sector("transport")
                                .solution("cargo bikes")
                                .openCall(true)
                                .publicFunding(500_000)
                                .start(LocalDate.of(2023, 3, 1))
                                .end(LocalDate.of(2025, 3, 1))
                                .contributesTo("city-ghg")
                                .build())
                .build();

        return Portfolio.builder()
                .asOf(LocalDate.of(2025, 6, 30))
                .currency("EUR")
                .source("Illustrative portfolio of the Mission Engine embedding example; not real data")
                .metric(new Metric("city-ghg", "Greenhouse-gas emissions of Example City", "MtCO2e", MetricKind.OUTCOME,
                        Direction.DECREASE, false))
                .actor(new Actor("builder", "Builder SA", ActorType.BUSINESS, "BE"))
                .actor(new Actor("university", "University of Example", ActorType.ACADEMIA, "BE"))
                .actor(new Actor("cooperative", "Example energy cooperative", ActorType.CIVIL_SOCIETY, "BE"))
                .mission(mission)
                .observation(new Observation("city-ghg", null, LocalDate.of(2022, 12, 31), 1.9, "City inventory"))
                .observation(new Observation("city-ghg", null, LocalDate.of(2023, 12, 31), 1.75, "City inventory"))
                .observation(new Observation("city-ghg", null, LocalDate.of(2024, 12, 31), 1.6, "City inventory"))
                .build();
    }
}
