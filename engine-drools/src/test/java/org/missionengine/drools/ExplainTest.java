package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.MissionMonitor;
import org.missionengine.MonitorEvent;
import org.missionengine.model.Instrument;
import org.missionengine.model.Project;
import org.missionengine.report.Finding;
import org.missionengine.UserErrorException;
import org.missionengine.explain.ConditionCheck;
import org.missionengine.explain.Explanation;
import org.missionengine.explain.ParameterUse;
import org.missionengine.explain.RuleExplanation;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;

/** Explaining a mission's findings, on the agency-policy sample (its pack and its test portfolio). */
class ExplainTest {
    static final Path SAMPLE = Path.of("../samples/agency-policy/src");
    static final Path PACK = SAMPLE.resolve("main/resources/rules/agency-policy");
    static final String DRL = PACK.resolve("agency-policy.drl").toString();
    private static MissionEngine engine;
    private static Portfolio portfolio;

    @BeforeAll
    static void build() {
        engine = MissionEngine.builder().rules(PACK).build();
        portfolio = PortfolioFiles.read(SAMPLE.resolve("test/resources/portfolios/northland.yaml"));
    }

    @Test
    void aFindingIsExplainedByItsRuleTheFactsItMatchedAndTheParametersItRead() {
        Explanation explanation = engine.explain(portfolio, portfolio.asOf(), "warm-homes", "AGP_LARGE_CONSULTANCY");
        RuleExplanation rule = only(explanation);
        assertThat(rule.fired()).isTrue();
        assertThat(rule.location()).isEqualTo(DRL + ":24");
        assertThat(rule.matches()).singleElement().satisfies(m -> {
            assertThat(m.finding().subject()).isEqualTo("heat-advice");
            assertThat(m.facts()).isEqualTo(Map.of("$p", "Project heat-advice", "$r", "advisers"));
        });
        assertThat(rule.parameters()).containsExactly(new ParameterUse("agency.maxConsultancyContract", 250000,
                ParameterUse.Source.DEFAULT, "agency-policy"));
        assertThat(rule.conditions()).isEmpty();
    }

    @Test
    void aCodeThatDidNotFireShowsTheConditionThatFailedAndTheValuesItFailedOn() {
        Explanation explanation = engine.explain(portfolio, portfolio.asOf(), "clean-port", "AGP_LARGE_CONSULTANCY");
        RuleExplanation rule = only(explanation);
        assertThat(rule.fired()).isFalse();
        assertThat(rule.conditions()).containsExactly(
                new ConditionCheck("$p : Project( publicFunding > ctx.param(\"agency.maxConsultancyContract\"), "
                        + "$r : recipient )", 28, ConditionCheck.Outcome.HELD, null),
                new ConditionCheck("Actor( id == $r, type == ActorType.CONSULTANCY )", 29,
                        ConditionCheck.Outcome.FAILED, "no Actor has type == ActorType.CONSULTANCY; tried on Actor "
                        + "harbour-eng (type = BUSINESS), Actor shore-power-sme (type = SME)"));
        assertThat(explanation.notes()).containsExactly(Explainer.BEST_EFFORT);
    }

    @Test
    void aFailedConstraintOnAPathShowsThePathsValueAndAFieldLeftOutAsNotRecorded() {
        Portfolio barbados = PortfolioFiles.read(Path.of("../samples/missions/barbados.json"));
        MissionEngine builtIn = MissionEngine.builder().build();
        // two lead bodies on record: the size of the list, not the whole governance record
        RuleExplanation siloed = only(builtIn.explain(barbados, barbados.asOf(), "bb-m1-climate-resilience",
                "MW_SILOED"));
        assertThat(siloed.conditions().get(0).detail()).isEqualTo("no Mission has governance.leadBodies().size() == 1; "
                + "tried on Mission bb-m1-climate-resilience (governance.leadBodies().size() = 2)");
        // no budget on record
        RuleExplanation noNewMoney = only(builtIn.explain(barbados, barbados.asOf(), "bb-m1-climate-resilience",
                "MW_NO_NEW_MONEY"));
        assertThat(noNewMoney.conditions().get(0).detail()).isEqualTo("no Mission has budget != null; "
                + "tried on Mission bb-m1-climate-resilience (budget = null (not recorded))");
    }

    @Test
    void aFailedConstraintShowsTheParametersItReadAndTheirValues() {
        RuleExplanation rule = only(engine.explain(portfolio, portfolio.asOf(), "clean-port", "AGP_LOW_COFUNDING"));
        assertThat(rule.conditions()).extracting(ConditionCheck::outcome).containsExactly(
                ConditionCheck.Outcome.HELD, ConditionCheck.Outcome.HELD, ConditionCheck.Outcome.FAILED);
        assertThat(rule.conditions().get(2).detail()).isEqualTo("it did not hold for the facts matched by the "
                + "conditions before it; agency.minCoFunding = 0.5 (default in pack agency-policy)");
    }

    @Test
    void eachParameterSaysWhereItsValueCameFrom() {
        Map<String, Object> fromFile = Map.of("agency.maxConsultancyContract", 100000);
        Portfolio withParameters = new Portfolio(portfolio.asOf(), portfolio.currency(), portfolio.metrics(),
                portfolio.actors(), portfolio.missions(), portfolio.observations(), portfolio.spillovers(), fromFile,
                portfolio.sources());
        RuleExplanation fromPortfolio = only(engine.explain(withParameters, portfolio.asOf(), "clean-port",
                "AGP_LARGE_CONSULTANCY"));
        assertThat(fromPortfolio.fired()).isTrue();
        assertThat(fromPortfolio.parameters()).containsExactly(new ParameterUse("agency.maxConsultancyContract",
                100000, ParameterUse.Source.PORTFOLIO, null));
        assertThat(fromPortfolio.parameters().get(0).describeSource()).isEqualTo("portfolio file");

        MissionEngine withOption = MissionEngine.builder().rules(PACK).parameter("agency.maxConsultancyContract", 500000)
                .build();
        RuleExplanation fromOption = only(withOption.explain(withParameters, portfolio.asOf(), "warm-homes",
                "AGP_LARGE_CONSULTANCY"));
        assertThat(fromOption.fired()).isFalse();
        assertThat(fromOption.parameters()).containsExactly(new ParameterUse("agency.maxConsultancyContract",
                500000, ParameterUse.Source.OPTION, null));
        // heatco-pumps (1,000,000) is above the cap, but goes to a firm, not a consultancy
        assertThat(fromOption.conditions().get(1).detail()).isEqualTo("no Actor has type == ActorType.CONSULTANCY; "
                + "tried on Actor heatco (type = BUSINESS)");
    }

    @Test
    void withoutACodeEveryRuleThatFiredIsExplained() {
        Explanation explanation = engine.explain(portfolio, portfolio.asOf(), "warm-homes", null);
        assertThat(explanation.rules()).extracting(RuleExplanation::code)
                .contains("AGP_LOW_COFUNDING", "AGP_LARGE_CONSULTANCY");
        assertThat(explanation.rules()).allSatisfy(r -> assertThat(r.fired()).isTrue());
        assertThat(explanation.notes()).isEmpty();
    }

    @Test
    void aMonitorListenerToldOfANewFindingCanAskWhyFromThePortfolioAsItStandsNow() {
        List<String> explained = new java.util.ArrayList<>();
        try (MissionMonitor monitor = engine.monitor(portfolio, portfolio.asOf())) {
            monitor.addListener(event -> {
                Finding finding = event.after();
                if (event.kind() == MonitorEvent.Kind.APPEARED && finding.code().startsWith("AGP_")) {
                    RuleExplanation why = only(monitor.explain(event.missionId(), finding.code()));
                    explained.add(finding.subject() + ": " + why.location() + " " + why.matches().get(0).facts()
                            + " " + why.parameters().get(0).value());
                }
            });
            monitor.addProject("clean-port", Project.builder("port-lobbying").title("Port strategy")
                    .instrument(Instrument.PROCUREMENT).recipient("advisers").sector("transport").solution("advice")
                    .publicFunding(300000).contributesTo("port-emissions").build());
        }
        assertThat(explained).containsExactly("port-lobbying: " + DRL + ":24 {$p=Project port-lobbying, $r=advisers} "
                + "250000");
    }

    @Test
    void aPortfolioLevelRuleIsNotProbedOnAMissionsFactsAndTheNotesSaySo() {
        Explanation explanation = engine.explain(portfolio, portfolio.asOf(), "warm-homes", "PORT_TOO_MANY_MISSIONS");
        assertThat(only(explanation).conditions()).isEmpty();
        assertThat(explanation.notes()).containsExactly("Rule \"Too many missions for one owner\" looks at the whole "
                + "portfolio: it runs in the portfolio's session, not the mission's, and is not explained here.");
    }

    @Test
    void aPortfolioLevelRuleThatFiredAboutTheMissionsOwnerIsShownAsFiredWithItsFinding() {
        MissionEngine strict = MissionEngine.builder().rules(PACK).parameter("portfolio.maxMissionsPerOwner", 1)
                .build();
        Explanation explanation = strict.explain(portfolio, portfolio.asOf(), "warm-homes", "PORT_TOO_MANY_MISSIONS");

        RuleExplanation rule = only(explanation);
        assertThat(rule.fired()).isTrue();
        assertThat(rule.conditions()).isEmpty();
        assertThat(explanation.notes()).singleElement().asString().startsWith("Rule \"Too many missions for one "
                + "owner\" looks at the whole portfolio: it fired in the portfolio's session about \"")
                .contains("runs 2 missions, more than 1").endsWith("; the facts it matched are not shown here.");
        // asked for all its findings, the mission lists it too
        assertThat(strict.explain(portfolio, portfolio.asOf(), "warm-homes", null).rules())
                .extracting(RuleExplanation::code).contains("PORT_TOO_MANY_MISSIONS");
    }

    @Test
    void anUnknownMissionOrCodeIsAUserErrorNamingTheClosestAndTheKnownOnes() {
        assertThatThrownBy(() -> engine.explain(portfolio, portfolio.asOf(), "warm-home", null))
                .isInstanceOf(UserErrorException.class)
                .hasMessage("--mission warm-home: no mission \"warm-home\" in the portfolio. Did you mean "
                        + "\"warm-homes\"? Its missions: warm-homes, clean-port.");
        assertThatThrownBy(() -> engine.explain(portfolio, portfolio.asOf(), "warm-homes", "AGP_LARGE_CONSULTANC"))
                .isInstanceOf(UserErrorException.class)
                .hasMessageStartingWith("--code AGP_LARGE_CONSULTANC: no enabled rule emits the finding code "
                        + "\"AGP_LARGE_CONSULTANC\". Did you mean \"AGP_LARGE_CONSULTANCY\"? The codes: AGP_LARGE_CONSULTANCY, "
                        + "AGP_LOW_COFUNDING, CRIT_NARROW_ACTORS");
    }

    private static RuleExplanation only(Explanation explanation) {
        List<RuleExplanation> rules = explanation.rules();
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }
}
