package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.missionengine.MissionEngine;
import org.missionengine.catalog.RuleInfo;
import org.missionengine.model.Actor;
import org.missionengine.model.Mission;
import org.missionengine.model.Project;
import org.missionengine.model.Target;
import org.missionengine.rules.TargetTrajectory;

class MatchedTypesTest {
    @Test
    void rulesDisabledAfterTheBuildLeaveNoFactToInsert() {
        // every rule but "No new money", which matches the mission alone: the disabled rules' constraints on
        // projects, actors and targets stay behind in the network as nodes that lead nowhere
        List<String> others = MissionEngine.builder().build().catalog().rules().stream()
                .filter(rule -> !"MW_NO_NEW_MONEY".equals(rule.code())).map(RuleInfo::name).toList();
        DroolsMissionEngine engine = (DroolsMissionEngine) MissionEngine.builder()
                .disable(others.toArray(String[]::new)).build();

        MatchedTypes matched = MatchedTypes.of(engine.rules().kieBase);

        assertThat(matched.matches(Mission.class)).isTrue();
        assertThat(matched.matches(Project.class)).isFalse();
        assertThat(matched.matches(Actor.class)).isFalse();
        assertThat(matched.matches(Target.class)).isFalse();
        assertThat(matched.matches(TargetTrajectory.class)).isFalse();
    }

    @Test
    void withEveryRuleTheFactsTheRulesReadAreInserted() {
        DroolsMissionEngine engine = (DroolsMissionEngine) MissionEngine.builder().build();

        MatchedTypes matched = MatchedTypes.of(engine.rules().kieBase);

        assertThat(matched.matches(Mission.class)).isTrue();
        assertThat(matched.matches(Project.class)).isTrue();
        assertThat(matched.matches(TargetTrajectory.class)).isTrue();
    }
}
