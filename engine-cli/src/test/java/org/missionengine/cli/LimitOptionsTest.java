package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's limits are options of whoever runs mission-eval: --threads, --timeout, --max-firings. Out of range, or
 * given as a parameter (--param or a portfolio file's parameters), they end in exit 2 naming the option to use.
 */
class LimitOptionsTest {
    private static final String PORTFOLIO = Cli.resource("portfolios/two-missions.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLimitsAreOptionsAndTheReportIsTheSameOnAnyNumberOfThreads() throws IOException {
        Cli.Result one = Cli.run("evaluate", PORTFOLIO, "--threads", "1", "--timeout", "30", "--max-firings", "20000",
                "--format", "json");
        Cli.Result two = Cli.run("evaluate", PORTFOLIO, "--threads", "2", "--format", "json");

        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(two.exitCode()).as(two.toString()).isZero();
        // the report records the limits it was produced under; all the rest is the same
        ObjectNode first = (ObjectNode) JSON.readTree(one.out());
        ObjectNode second = (ObjectNode) JSON.readTree(two.out());
        assertThat(((ObjectNode) first.path("engine")).remove("limits").toString())
                .isEqualTo("{\"threads\":1,\"timeout\":\"PT30S\",\"maxFirings\":20000}");
        assertThat(((ObjectNode) second.path("engine")).remove("limits").toString())
                .isEqualTo("{\"threads\":2,\"timeout\":\"PT10S\",\"maxFirings\":10000}");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void aFiringLimitTooLowForTheRulesStopsTheRunNamingTheRuleTheMissionAndTheLimit(@TempDir Path dir)
            throws IOException {
        Path rules = Files.writeString(dir.resolve("chain.drl"), """
                package agency.chain;

                import org.missionengine.model.*;

                declare Step
                    n : int
                end

                rule "Start"
                when
                    Mission( id == "climate-neutral" )
                then
                    insert(new Step(0));
                end

                rule "Next step"
                when
                    $s : Step( n < 50 )
                then
                    insert(new Step($s.getN() + 1));
                end
                """);

        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--rules", rules.toString(), "--max-firings", "20");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err().strip()).isEqualTo(rules + ":16: rule \"Next step\" on mission \"climate-neutral\": fired 21 "
                + "times, more than the firing limit (20): the rule loops. A rule that inserts or updates facts must "
                + "not re-match its own result; add a condition that stops it, or raise the limit with --max-firings N "
                + "(in code: MissionEngine.builder().maxFirings(int)).");
        assertThat(Cli.run("evaluate", PORTFOLIO, "--rules", rules.toString(), "--max-firings", "100").exitCode())
                .isZero();
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--threads", "-1", "--timeout", "0", "--max-firings", "0");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err()).contains("--threads: --threads must be 0 or more, got -1. Give the number of missions to "
                        + "evaluate at once, or 0 for one per processor.")
                .contains("--timeout: --timeout must be more than 0 and at most 86400 seconds, got 0.0.")
                .contains("--max-firings: --max-firings must be 1 or more, got 0.");
    }

    @Test
    void aLimitGivenAsAParameterIsRefusedNamingTheOption() {
        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--param", "engine.timeout=600");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err().strip()).isEqualTo("--param engine.timeout: \"engine.timeout\" is an engine limit, which "
                + "only the application running the engine sets. Set the limit with mission-eval's option --timeout "
                + "SECONDS (in code: MissionEngine.builder().timeout(Duration)).");
    }
}
