package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;

/**
 * The value view belongs to the value pack: reports carry it while a rule of that pack (or any rule matching project
 * values) is enabled, and leave it out, without computing it, once the pack is disabled.
 */
class ValueViewTest {
    static final Portfolio PORTFOLIO = BatchEvaluationTest.portfolio(3);

    @Test
    void reportsCarryTheValueViewWithTheValuePack() {
        MissionReport mission = evaluate(MissionEngine.builder().build()).mission("m1");

        assertThat(mission.value()).isNotNull();
        assertThat(mission.value().projects()).hasSize(PORTFOLIO.mission("m1").orElseThrow().projects().size());
    }

    @Test
    void disablingTheValuePackLeavesTheValueViewOut() {
        EvaluationReport report = evaluate(MissionEngine.builder().disable("value").build());

        assertThat(report.missions()).allSatisfy(m -> assertThat(m.value()).isNull());
        assertThat(report.allFindings()).noneMatch(f -> f.code().startsWith("VAL_"));
        // every other verdict stays as it was
        EvaluationReport full = evaluate(MissionEngine.builder().build());
        assertThat(report.mission("m1").criteria()).isEqualTo(full.mission("m1").criteria());
        assertThat(report.mission("m1").targets()).isEqualTo(full.mission("m1").targets());
    }

    @Test
    void anAgencyRuleOnProjectValuesKeepsTheValueViewWithoutTheValuePack() {
        MissionEngine engine = MissionEngine.builder().disable("value").rulesText("returns.drl", """
                package agency.returns;
                import org.missionengine.model.*;
                import org.missionengine.report.*;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Project value is known"
                    @code("AGENCY_VALUE_KNOWN") @severity("INFO") @category("VALUE")
                when
                    $v : ProjectValue( pvBenefits > 0 )
                then
                    ctx.report(drools, $v.project(), "Project " + $v.project() + " has a value of " + $v.npv() + ".",
                            "npv", $v.npv());
                end
                """).build();
        EvaluationReport report = evaluate(engine);

        assertThat(report.mission("m1").value()).isNotNull();
        assertThat(report.allFindings()).extracting(f -> f.code()).contains("AGENCY_VALUE_KNOWN");
    }

    private static EvaluationReport evaluate(MissionEngine engine) {
        return engine.evaluate(PORTFOLIO, BatchEvaluationTest.AS_OF);
    }
}
