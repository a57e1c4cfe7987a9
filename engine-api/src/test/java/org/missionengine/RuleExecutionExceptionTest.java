package org.missionengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A failed rule reads as a location editors and CI logs understand: the file, the place in it, the rule, the subject. */
class RuleExecutionExceptionTest {

    @Test
    void aRuleOfADrlFileIsNamedAtItsFileAndLine() {
        RuleExecutionException e = new RuleExecutionException("Budget per project", "rules/agency.drl", "12",
                "mission \"M1\"", "failed: NullPointerException", "Fix the rule.");

        assertThat(e.getMessage()).isEqualTo("rules/agency.drl:12: rule \"Budget per project\" on mission \"M1\": "
                + "failed: NullPointerException. Fix the rule.");
        assertThat(e.origin()).isEqualTo("12");
    }

    @Test
    void aRuleOfADecisionTableIsNamedAtItsCell() {
        RuleExecutionException e = new RuleExecutionException("Regional balance", "rules/regional.csv", "G12",
                "mission \"M1\"", "failed: its message formats a Double with %d", null);

        assertThat(e.getMessage()).isEqualTo("rules/regional.csv: G12: rule \"Regional balance\" on mission \"M1\": "
                + "failed: its message formats a Double with %d");
    }

    @Test
    void aRuleWhoseFileIsNotKnownIsNamedInItsPack() {
        RuleExecutionException e = new RuleExecutionException("Budget per project", "agency", null,
                "failed: NullPointerException", null);

        assertThat(e.getMessage()).isEqualTo("agency: rule \"Budget per project\": failed: NullPointerException");
    }
}
