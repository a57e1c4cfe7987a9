package org.missionengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.missionengine.RuleExecutionException;
import org.missionengine.UserErrorException;

/** A failure met on an executor comes back to the driver as the exception one machine throws (no Spark needed). */
class ExecutorFailureTest {

    @Test
    void aFailedRuleOfADecisionTableKeepsItsCellAndItsMission() {
        RuleExecutionException thrown = new RuleExecutionException("One member state holds most of the money",
                "rules/regional-balance.csv", "G12", "mission \"national-grid\"", "failed: its message formats a "
                + "Double with %d", "In the message, write %d for a whole number.");

        UserErrorException rebuilt = new ExecutorFailure(thrown).rebuild();

        assertThat(rebuilt).isInstanceOf(RuleExecutionException.class).hasMessage(thrown.getMessage());
        assertThat(rebuilt.getMessage()).isEqualTo("rules/regional-balance.csv: G12: rule \"One member state holds "
                + "most of the money\" on mission \"national-grid\": failed: its message formats a Double with %d. In "
                + "the message, write %d for a whole number.");
        assertThat(((RuleExecutionException) rebuilt).origin()).isEqualTo("G12");
        assertThat(((RuleExecutionException) rebuilt).subject()).isEqualTo("mission \"national-grid\"");
    }

    @Test
    void aFailedRuleOfADrlFileKeepsItsLineAndItsMission() {
        RuleExecutionException thrown = new RuleExecutionException("Divides by zero", "rules/failing.drl", "5",
                "mission \"M000007\"", "failed: ArithmeticException: / by zero", "Fix the rule.");

        UserErrorException rebuilt = new ExecutorFailure(thrown).rebuild();

        assertThat(rebuilt.getMessage()).isEqualTo(thrown.getMessage()).isEqualTo("rules/failing.drl:5: rule \"Divides "
                + "by zero\" on mission \"M000007\": failed: ArithmeticException: / by zero. Fix the rule.");
        assertThat(((RuleExecutionException) rebuilt).origin()).isEqualTo("5");
    }

    @Test
    void aFailedRuleWhoseFileIsNotFoundKeepsItsPackAndItsMission() {
        RuleExecutionException thrown = new RuleExecutionException("Divides by zero", "agency",
                "mission \"M000007\"", "failed: ArithmeticException: / by zero", "Fix the rule.");

        UserErrorException rebuilt = new ExecutorFailure(thrown).rebuild();

        assertThat(rebuilt.getMessage()).isEqualTo(thrown.getMessage()).isEqualTo("agency: rule \"Divides by zero\" "
                + "on mission \"M000007\": failed: ArithmeticException: / by zero. Fix the rule.");
        assertThat(((RuleExecutionException) rebuilt).origin()).isNull();
    }
}
