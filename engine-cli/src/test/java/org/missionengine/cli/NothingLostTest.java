package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: a report is written to a temporary file and moved into place, so a run that fails leaves the previous
 * report untouched, and a run interrupted with SIGINT (Ctrl-C) or SIGTERM leaves either the previous report or the
 * complete new one, and no temporary file.
 */
class NothingLostTest {
    static final String OLD = "the previous report, which must survive\n";
    static final String PORTFOLIO = Cli.resource("portfolios/two-missions.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunThatFailsOnABadPortfolioLeavesThePreviousReportUntouched(@TempDir Path dir) throws IOException {
        Path report = Files.writeString(dir.resolve("report.json"), OLD);
        Path bad = Path.of("..", "engine-api", "src", "test", "resources", "bad-portfolios", "truncated.json");

        Cli.Result r = Cli.run("evaluate", bad.toString(), "--format", "json", "--output", report.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err()).startsWith(bad + ":94:7: the file ends too early").doesNotContain("\tat ");
        assertThat(report).hasContent(OLD.strip());
        assertThat(files(dir)).containsExactly("report.json");
    }

    @Test
    void aRunStoppedByAMisbehavingRuleLeavesThePreviousReportUntouched(@TempDir Path dir) throws IOException {
        Path report = Files.writeString(dir.resolve("report.txt"), OLD);
        Path rules = Files.writeString(dir.resolve("wait.drl"), """
                package agency.wait;

                import org.missionengine.model.*;

                rule "Wait"
                when
                    Mission()
                then
                    Thread.sleep(600_000L);
                end
                """);

        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--trust-rules", rules.toString(), "--timeout", "3",
                "--output", report.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(r.err().strip()).isEqualTo(rules + ":5: rule \"Wait\" on mission "
                + "\"climate-neutral\": ran past the time limit (3 s). Make the rule cheaper, or raise the limit with "
                + "--timeout SECONDS (in code: MissionEngine.builder().timeout(Duration)).");
        assertThat(report).hasContent(OLD.strip());
        assertThat(files(dir)).containsExactly("report.txt", "wait.drl");
    }

    @Test
    void aRuleFileOutsideTheAllowListIsRefusedUnlessTrusted(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("exit.drl"), """
                package agency.exit;

                import org.missionengine.model.*;

                rule "Give up"
                when
                    Mission( id == "no such mission" )
                then
                    System.exit(3);
                end
                """);

        Cli.Result refused = Cli.run("evaluate", PORTFOLIO, "--rules", rules.toString());
        Cli.Result trusted = Cli.run("evaluate", PORTFOLIO, "--trust-rules", rules.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(MissionEval.USER_ERROR);
        assertThat(refused.err().strip()).isEqualTo(rules + ":9: System.exit is not allowed in a rule file: it would "
                + "end the whole application, not just the evaluation. Rule files may use org.missionengine.model, "
                + ".report and .rules; java.lang (without System.exit, Runtime, processes, threads, reflection or class "
                + "loaders); java.util, java.time and java.math. If you wrote this file and trust it fully, pass it "
                + "with --trust-rules " + rules + " instead of --rules (in code: "
                + "MissionEngine.builder().trustRules(path)).");
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
    }

    @Test
    void aSuccessfulRunReplacesTheReportCompletely(@TempDir Path dir) throws IOException {
        Path report = Files.writeString(dir.resolve("report.json"), OLD);

        Cli.Result r = Cli.run("evaluate", PORTFOLIO, "--format", "json", "--output", report.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(report.toFile()).path("format").asText()).isEqualTo("mission-report/1");
        assertThat(files(dir)).containsExactly("report.json");
    }

    /** SIGINT halfway through writing a report: the shutdown hook deletes the temporary file, the old report stays. */
    @Test
    void sigintWhileTheReportIsBeingWrittenLeavesTheOldReportAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), OLD);
        Process child = Subprocess.start(dir, dir.resolve("stderr.txt"), InterruptibleMain.class.getName(),
                "slow-write", report.toString());

        assertThat(Subprocess.awaitLine(child, "WRITING")).as("the child started writing").isTrue();
        assertThat(files(dir)).as("the temporary file exists while writing")
                .anySatisfy(f -> assertThat(f).startsWith(".report.json.").endsWith(".tmp"));
        Subprocess.interrupt(child);
        int exit = Subprocess.awaitExit(child, 30);

        assertThat(exit).as("ended by SIGINT").isEqualTo(130);
        assertThat(report).hasContent(OLD.strip());
        assertThat(files(dir)).containsExactly("report.json", "stderr.txt");
    }

    /**
     * mission-eval itself, interrupted at several moments of a run that writes a JSON report: each time the report is
     * the old one or a complete new one, and no temporary file is left. One run is ended by SIGTERM instead.
     */
    @Test
    void missionEvalInterruptedAtAnyMomentLeavesTheOldOrTheCompleteReport(@TempDir Path dir) throws Exception {
        int[] delaysMillis = {0, 800, 1600, 2400, 3200};
        int completed = 0;
        for (int i = 0; i <= delaysMillis.length; i++) {
            Path run = Files.createDirectory(dir.resolve("run" + i));
            Path report = Files.writeString(run.resolve("report.json"), OLD);
            Process child = Subprocess.start(run, run.resolve("stderr.txt"), InterruptibleMain.class.getName(),
                    "evaluate", PORTFOLIO, "--format", "json", "--output", report.toString());
            assertThat(Subprocess.awaitLine(child, "STARTED")).isTrue();
            int exit;
            if (i < delaysMillis.length) {
                Thread.sleep(delaysMillis[i]);
                Subprocess.interrupt(child);
                exit = Subprocess.awaitExit(child, 60);
                assertThat(exit).as("run %d: finished (0) or ended by SIGINT (130)", i).isIn(0, 130);
            } else {
                Thread.sleep(1500);
                child.destroy(); // SIGTERM
                exit = Subprocess.awaitExit(child, 60);
                assertThat(exit).as("run %d: finished (0) or ended by SIGTERM (143)", i).isIn(0, 143);
            }
            String content = Files.readString(report);
            if (!content.equals(OLD)) {
                assertThat(JSON.readTree(content).path("format").asText()).as("a complete report")
                        .isEqualTo("mission-report/1");
                completed++;
            }
            assertThat(files(run)).as("run %d leaves no temporary file", i).containsExactly("report.json",
                    "stderr.txt");
        }
        System.out.printf("reliability: %d interrupted runs of mission-eval, %d had written their report, none left "
                + "a partial or temporary file%n", delaysMillis.length + 1, completed);
    }
}
