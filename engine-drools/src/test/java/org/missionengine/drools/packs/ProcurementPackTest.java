package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.missionengine.drools.packs.Fixture.assertQuiet;
import static org.missionengine.drools.packs.Fixture.binding;
import static org.missionengine.drools.packs.Fixture.evaluate;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.only;
import static org.missionengine.drools.packs.Fixture.p1;
import static org.missionengine.drools.packs.Fixture.p2;
import static org.missionengine.drools.packs.Fixture.p3;
import static org.missionengine.drools.packs.Fixture.p4;
import static org.missionengine.drools.packs.Fixture.project;
import static org.missionengine.drools.packs.Fixture.toothless;

import java.util.Map;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.missionengine.MissionEngine;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/** The procurement pack: a mission's contracts should carry its criteria. */
class ProcurementPackTest {
    private static MissionEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = Fixture.engine();
    }

    private static MissionReport eval(Mission.Builder mission) {
        return evaluate(engine, mission);
    }

    /** The baseline plus p5: a 1.5M contract to the agency with the given conditions. */
    private static Mission.Builder withContract(Instrument instrument, Conditionality... conditions) {
        return mission().projects(p1().build(), p2().build(), p3().build(), p4().build(),
                project("p5").instrument(instrument).recipient("agency").sector("transport").solution("solar")
                        .publicFunding(1.5e6).conditionalities(conditions).build());
    }

    @Test
    void firesForAContractWithoutConditions() {
        Finding f = only(eval(withContract(Instrument.PROCUREMENT)), "PROC_NO_MISSION_CRITERIA");

        assertThat(f.subject()).isEqualTo("p5");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.category()).isEqualTo("PROCUREMENT");
        assertThat(f.pack()).isEqualTo("procurement");
        assertThat(f.evidence()).containsExactly(Map.entry("publicFunding", 1.5e6));
    }

    @ParameterizedTest
    @EnumSource(value = ConditionalityType.class, names = {"EMISSIONS", "FAIR_LABOUR", "SME_INCLUSION",
            "LOCAL_CONTENT", "DIRECTIONALITY"}, mode = EnumSource.Mode.EXCLUDE)
    void firesForAContractWithOtherConditionsOnly(ConditionalityType type) {
        assertThat(only(eval(withContract(Instrument.PROCUREMENT, binding(type))), "PROC_NO_MISSION_CRITERIA")
                .subject()).isEqualTo("p5");
    }

    @ParameterizedTest
    @EnumSource(value = ConditionalityType.class, names = {"EMISSIONS", "FAIR_LABOUR", "SME_INCLUSION",
            "LOCAL_CONTENT", "DIRECTIONALITY"})
    void quietForAContractWithAMissionCriterion(ConditionalityType type) {
        assertQuiet(eval(withContract(Instrument.PROCUREMENT, binding(ConditionalityType.NO_BUYBACKS), binding(type))),
                "PROC_NO_MISSION_CRITERIA");
    }

    @Test
    void aMissionCriterionCountsEvenWithoutTeeth() {
        // Teeth are the finance pack's concern (FIN_UNENFORCEABLE_CONDITIONS).
        assertQuiet(eval(withContract(Instrument.PROCUREMENT, toothless(ConditionalityType.EMISSIONS))),
                "PROC_NO_MISSION_CRITERIA");
    }

    @Test
    void quietForOtherInstrumentsWithoutConditions() {
        assertQuiet(eval(withContract(Instrument.GRANT)), "PROC_NO_MISSION_CRITERIA");
    }

    @Test
    void oneFindingPerContract() {
        MissionReport report = eval(mission().projects(p1().build(),
                p2().instrument(Instrument.PROCUREMENT).conditionalities().build(),
                p3().instrument(Instrument.PROCUREMENT).conditionalities(binding(ConditionalityType.LOCAL_CONTENT))
                        .build(),
                p4().instrument(Instrument.PROCUREMENT).recipient("firm2")
                        .conditionalities((List<Conditionality>) null).build()));

        // p4's conditions are not recorded: not assessed, and a gap in the evidence instead (a contract with a firm)
        assertThat(report.findings("PROC_NO_MISSION_CRITERIA")).extracting(Finding::subject)
                .containsExactlyInAnyOrder("p2");
        assertThat(only(report, "DATA_NO_CONDITIONS").evidence()).containsEntry("projects", List.of("p4"));
    }
}
