package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.report.EvaluationReport;

class PackCompilerTest {

    @Test
    void agencyPacksAreCompiledBesideThePrecompiledBuiltIns() {
        List<RulePack> packs = new ArrayList<>(RulePackLoader.builtIns());
        packs.add(pack("agency-a", "package agency.a;\nrule \"A\" when then end\n"));

        assertThat(PackCompiler.compile(packs)).extracting(p -> p.getName())
                .contains("agency.a", "org.missionengine.rules.criteria", "org.missionengine.rules.rating");
    }

    @Test
    void anAgencyPackThatFailsIsReportedWithItsFileAndLine() {
        List<RulePack> packs = new ArrayList<>(RulePackLoader.builtIns());
        packs.add(pack("agency-b", "package agency.b;\nrule \"B\" when\n    Nonsense(\nthen end\n"));

        assertThatThrownBy(() -> PackCompiler.compile(packs)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("agency-b.drl:");
    }

    @Test
    void anAgencyPackThatUsesABuiltInFunctionStillCompiles() {
        // the agency's pack needs the criteria pack's function: compiled apart, it would not find it
        MissionEngine engine = MissionEngine.builder().trustAllRules().rulesText("uses-builtin.drl", """
                package agency.uses;
                import org.missionengine.model.*;
                import function org.missionengine.rules.criteria.MissingParts.missingParts;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Counts missing parts"
                when
                    $m : Mission( id == "m0" )
                then
                    if ($m.targets().isEmpty()) { missingParts(null, null); }
                end
                """).build();
        EvaluationReport report = engine.evaluate(BatchEvaluationTest.portfolio(1), BatchEvaluationTest.AS_OF);

        assertThat(engine.catalog().packs()).extracting(p -> p.id()).contains("uses-builtin", "criteria");
        assertThat(report.missions()).hasSize(1);
    }

    private static RulePack pack(String id, String drl) {
        return new RulePack(id, "1", "", id + ".drl", false, id.replace('-', '.'),
                List.of(new RulePack.DrlSource(id + ".drl", drl)), Map.of());
    }
}
