package org.missionengine.drools.reliability;

import java.time.LocalDate;

import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Budget;
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
import org.missionengine.model.Target;

/** A small portfolio (two missions, four projects, a target with observations) for the reliability tests. */
final class SmallPortfolio {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private SmallPortfolio() {
    }

    static Portfolio build() {
        Metric ghg = new Metric("ghg", "Greenhouse gas emissions", "MtCO2e", MetricKind.OUTCOME, Direction.DECREASE,
                false);
        Mission climate = Mission.builder("climate").title("A climate-neutral city by 2030")
                .statement("The city is climate-neutral by 2030.").challenge("climate change").owner("City")
                .launched(LocalDate.of(2022, 1, 1)).deadline(LocalDate.of(2030, 12, 31))
                .budget(new Budget(120e6, 80e6, true)).sectors("energy", "buildings", "transport")
                .disciplines("engineering", "economics")
                .governance(new Governance(java.util.List.of("Mayor's office", "Climate department"), true, true,
                        java.util.List.of("CITIZEN_ASSEMBLY"), 0.5))
                .targets(new Target("ghg", new DatedValue(2.0, LocalDate.of(2021, 12, 31)),
                        new DatedValue(0.2, LocalDate.of(2030, 12, 31))))
                .projects(Project.builder("p1").instrument(Instrument.GRANT).recipient("uni").sector("energy")
                                .solution("heat pumps").openCall(true).publicFunding(3e6).privateFunding(1e6)
                                .start(LocalDate.of(2022, 6, 1)).end(LocalDate.of(2027, 6, 1)).contributesTo("ghg")
                                .build(),
                        Project.builder("p2").instrument(Instrument.LOAN).recipient("builder").sector("buildings")
                                .solution("deep retrofit").publicFunding(5e6).privateFunding(2e6)
                                .start(LocalDate.of(2022, 6, 1)).end(LocalDate.of(2028, 6, 1)).contributesTo("ghg")
                                .build())
                .build();
        Mission health = Mission.builder("health").title("Healthy streets").owner("City")
                .launched(LocalDate.of(2023, 1, 1)).sectors("transport")
                .projects(Project.builder("p3").instrument(Instrument.PROCUREMENT).recipient("builder")
                                .sector("transport").publicFunding(2e6).build(),
                        Project.builder("p4").instrument(Instrument.PRIZE).recipient("uni").sector("health")
                                .publicFunding(1e5).openCall(true).build())
                .build();
        return Portfolio.builder().asOf(AS_OF).metric(ghg)
                .actor(new Actor("uni", "University", ActorType.ACADEMIA, "BE"))
                .actor(new Actor("builder", "Builder SA", ActorType.BUSINESS, "BE"))
                .mission(climate).mission(health)
                .observation(new Observation("ghg", "climate", LocalDate.of(2022, 12, 31), 1.9, "inventory"))
                .observation(new Observation("ghg", "climate", LocalDate.of(2024, 12, 31), 1.6, "inventory"))
                .build();
    }
}
