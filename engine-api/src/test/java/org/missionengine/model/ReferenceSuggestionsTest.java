package org.missionengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;

class ReferenceSuggestionsTest {
    @Test
    void aTypoGetsADidYouMeanAndAFileOfWrongIdsIsRefusedWithoutSearchingForEveryOne() {
        int wrong = PortfolioChecks.MAX_SUGGESTIONS + 10;
        List<Project> projects = new ArrayList<>();
        Portfolio.Builder portfolio = Portfolio.builder();
        for (int i = 0; i < wrong; i++) {
            portfolio.actor(new Actor("actor-" + i, "Actor " + i, ActorType.SME, "BE"));
            projects.add(Project.builder("p" + i).recipient("actr-" + i).build());
        }
        portfolio.mission(Mission.builder("m").projects(projects).build());

        List<Problem> problems = catchThrowableOfType(portfolio::build, InvalidPortfolioException.class).problems();

        assertThat(problems).hasSize(wrong);
        assertThat(problems.get(0).location()).isEqualTo("missions[0].projects[0].recipient");
        assertThat(problems.get(0).message()).isEqualTo("unknown actor \"actr-0\"");
        assertThat(problems.get(0).hint()).isEqualTo("Did you mean \"actor-0\"? Declare it in \"actors\" or fix the "
                + "reference.");
        int last = PortfolioChecks.MAX_SUGGESTIONS - 1;
        assertThat(problems.get(last).hint()).startsWith("Did you mean \"actor-" + last + "\"?");
        assertThat(problems.get(last + 1).hint()).isEqualTo("Declare it in \"actors\" or fix the reference.");
    }
}
