package org.missionengine.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;

/** The engines the benchmarks compare run the rules their names promise, and give the same findings for them. */
class EnginesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final Portfolio PORTFOLIO =
            new SyntheticPortfolio(new SyntheticPortfolio.Spec(60, 10, 3, 8, 2, 0.6, 11, AS_OF)).build();

    @Test
    void sharedChecksOnlyRunsTheSharedRulesAndFindsWhatAllPacksFind() {
        MissionEngine shared = Engines.sharedChecksOnly(1);
        assertThat(shared.catalog().rules()).extracting(RuleInfo::code)
                .allMatch(code -> Baseline.SHARED_CODES.contains(code) || code.startsWith("TRJ_"))
                .containsAll(Baseline.SHARED_CODES);

        assertThat(sharedFindings(shared.evaluate(PORTFOLIO, AS_OF)))
                .isNotEmpty()
                .containsExactlyElementsOf(sharedFindings(Engines.allPacks(1).evaluate(PORTFOLIO, AS_OF)));
    }

    @Test
    void oneRuleRunsOnlyNoNewMoney() {
        MissionEngine one = Engines.oneRule(1);
        assertThat(one.catalog().rules()).extracting(RuleInfo::code).containsExactly("MW_NO_NEW_MONEY");

        EvaluationReport report = one.evaluate(PORTFOLIO, AS_OF);
        assertThat(report.missions()).flatExtracting(MissionReport::findings)
                .isNotEmpty()
                .allMatch(f -> f.code().equals("MW_NO_NEW_MONEY"));
    }

    private static List<String> sharedFindings(EvaluationReport report) {
        return report.missions().stream()
                .flatMap(m -> m.findings().stream()
                        .filter(f -> Baseline.SHARED_CODES.contains(f.code()) || f.code().startsWith("TRJ_"))
                        .map(f -> m.id() + " " + f.code() + " " + f.subject() + " " + f.message()))
                .toList();
    }
}
