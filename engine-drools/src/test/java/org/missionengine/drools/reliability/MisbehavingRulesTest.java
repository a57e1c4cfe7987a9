package org.missionengine.drools.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.missionengine.InvalidRulesException;
import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;
import org.missionengine.Problem;
import org.missionengine.RuleExecutionException;
import org.missionengine.drools.RunawayHandlers;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/**
 * Rule files that misbehave end in a {@link RuleExecutionException} naming the rule, its file, the mission and the
 * limit: rules that loop (stopped by the firing limit), rules that are slow between firings (halted at the time limit),
 * consequences that wait (interrupted), rules that throw (the message shows the facts), and rules that try to change the
 * portfolio (impossible: the facts are immutable). A loop in a consequence could not be stopped at all: a file that is
 * not trusted may not have one, and a trusted file's loops here end by themselves.
 */
class MisbehavingRulesTest {
    static final Portfolio PORTFOLIO = SmallPortfolio.build();
    static final String HEADER = """
            package agency.misbehaving;

            import org.missionengine.model.*;

            global org.missionengine.rules.EvaluationContext ctx;

            """;
    /** Only a guard against a test hanging for ever, not a measure: a stuck evaluation fails instead of blocking. */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    static RuleExecutionException evaluate(String file, String rules, int timeoutSeconds) {
        return evaluate(MissionEngine.builder().rulesText(file, HEADER + rules), timeoutSeconds);
    }

    /** The same, for a file trusted to use what the allow-list refuses (here: loops that end, sleeping). */
    static RuleExecutionException evaluateTrusted(String file, String rules, int timeoutSeconds) {
        return evaluate(MissionEngine.builder().rulesText(file, HEADER + rules).trustAllRules(), timeoutSeconds);
    }

    private static RuleExecutionException evaluate(MissionEngineBuilder builder, int timeoutSeconds) {
        MissionEngine engine = builder.timeout(Duration.ofSeconds(timeoutSeconds)).maxFirings(500)
                .build();
        RuleExecutionException e = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowableOfType(
                RuleExecutionException.class, () -> engine.evaluate(PORTFOLIO, SmallPortfolio.AS_OF)));
        assertThat(e).as("a RuleExecutionException").isNotNull();
        return e;
    }

    @Test
    void aRuleThatInsertsForeverIsStoppedByMaxFirings() {
        RuleExecutionException e = evaluate("loop.drl", """
                declare Tick
                    n : int
                end

                rule "Start ticking"
                when
                    Mission()
                then
                    insert(new Tick(0));
                end

                rule "Tick forever"
                when
                    $t : Tick()
                then
                    insert(new Tick($t.getN() + 1));
                end
                """, 10);

        assertThat(e).isNotNull();
        assertThat(e.rule()).isEqualTo("Tick forever");
        assertThat(e.getMessage()).isEqualTo("loop.drl:18: rule \"Tick forever\" on mission \"climate\": fired 501 "
                + "times, more than the firing limit (500): the rule loops. A rule that inserts or updates facts must "
                + "not re-match its own result; add a condition that stops it, or raise the limit with --max-firings N "
                + "(in code: MissionEngine.builder().maxFirings(int)).");
    }

    @Test
    void aRuleThatModifiesItsOwnFactForeverIsStoppedByMaxFirings() {
        RuleExecutionException e = evaluate("modify.drl", """
                declare Counter
                    n : int
                end

                rule "Start counting"
                when
                    Mission()
                then
                    insert(new Counter(0));
                end

                rule "Count without end"
                when
                    $c : Counter( n >= 0 )
                then
                    modify($c) { setN($c.getN() + 1) }
                end
                """, 10);

        assertThat(e.rule()).isEqualTo("Count without end");
        assertThat(e.getMessage()).startsWith("modify.drl:18: rule \"Count without end\" on mission \"climate\": "
                + "fired 501 times, more than the firing limit (500)");
    }

    @Test
    void aRuleThatIsSlowBetweenFiringsIsHaltedAtTheTimeout() {
        RuleExecutionException e = evaluateTrusted("slow.drl", """
                rule "Slow per project"
                when
                    $m : Mission()
                    $p : Project() from $m.projects()
                    $n : Number() from java.util.List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)
                then
                    long until = System.nanoTime() + 100_000_000L;
                    while (System.nanoTime() < until) { }
                end
                """, 3);

        assertThat(e.rule()).isEqualTo("Slow per project");
        assertThat(e.getMessage()).isEqualTo("slow.drl:7: rule \"Slow per project\" on mission \"climate\": ran past "
                + "the time limit (3 s). Make the rule cheaper, or raise the limit with --timeout SECONDS (in code: "
                + "MissionEngine.builder().timeout(Duration)).");
    }

    @Test
    void aConsequenceThatWaitsIsInterruptedAtTheTimeout() throws InterruptedException {
        RuleExecutionException e = evaluateTrusted("sleep.drl", """
                rule "Wait for an answer"
                when
                    $m : Mission( id == "climate" )
                then
                    Thread.sleep(600_000L);
                end
                """, 3);

        assertThat(e.rule()).isEqualTo("Wait for an answer");
        assertThat(e.getMessage()).isEqualTo("sleep.drl:7: rule \"Wait for an answer\" on mission \"climate\": ran "
                + "past the time limit (3 s). Make the rule cheaper, or raise the limit with --timeout SECONDS (in code: "
                + "MissionEngine.builder().timeout(Duration)).");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt stays with the stopped session").isFalse();
        assertThat(FiringThreads.awaitNoneRunning(Duration.ofSeconds(5))).as("no session keeps firing").isEmpty();
    }

    @Test
    void aTrustedConsequenceThatSpinsIsReportedAsARunawaySoTheApplicationCanEndIt() throws Exception {
        // the evaluation cannot return while the consequence spins; the watchdog tells the application (the command
        // line prints this and exits with code 2), and here the test then lets the loop end
        RunawayHandlers.released = false;
        CompletableFuture<RuleExecutionException> runaway = new CompletableFuture<>();
        try (AutoCloseable handler = RunawayHandlers.capture(e -> {
            runaway.complete(e);
            RunawayHandlers.released = true;
        })) {
            RuleExecutionException timedOut = evaluateTrusted("spin.drl", """
                    rule "Spin"
                    when
                        $m : Mission( id == "climate" )
                    then
                        while (!org.missionengine.drools.RunawayHandlers.released) { }
                    end
                    """, 1);

            RuleExecutionException e = runaway.getNow(null);
            assertThat(e).as("the runaway reported").isNotNull();
            assertThat(e.getMessage()).isEqualTo("spin.drl:7: rule \"Spin\" on mission \"climate\": ran past the time "
                    + "limit (1 s) and did not stop when halted and interrupted: a consequence that loops for ever. End "
                    + "the loop (a trusted rule file is not checked for loops), or run the rule file without "
                    + "--trust-rules so that loops are refused when it loads.");
            // once the loop ended, the evaluation ends as any other past its time
            assertThat(timedOut.getMessage()).startsWith("spin.drl:7: rule \"Spin\" on mission \"climate\": ran past "
                    + "the time limit (1 s).");
        }
    }

    @Test
    void aConsequenceWithALoopIsRefusedBeforeItCouldSpin() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> MissionEngine.builder()
                .rulesText("spin.drl", HEADER + """
                        rule "Spin"
                        when
                            $m : Mission( id == "climate" )
                        then
                            while (true) { }
                        end
                        """).build());

        assertThat(e.problems()).extracting(Problem::describe).containsExactly("spin.drl:11: a while loop is not "
                + "allowed in a rule file: a loop in a consequence or function cannot be stopped if it never ends. "
                + "Count, sum or collect over facts in the rule's conditions with an accumulate (e.g. "
                + "accumulate(Project() from $m.projects(); $n : count())), or let the rule fire once per fact. If you "
                + "trust these rules fully, build the engine with MissionEngine.builder().trustAllRules().");
    }

    @Test
    void aRuleThatThrowsNamesItselfAndItsFacts() {
        RuleExecutionException e = evaluate("throws.drl", """
                rule "Short ids only"
                when
                    $p : Project( id == "p2" )
                then
                    throw new IllegalStateException("no budget line for " + $p.id());
                end
                """, 10);

        assertThat(e.rule()).isEqualTo("Short ids only");
        assertThat(e.getMessage()).startsWith("throws.drl:7: rule \"Short ids only\" on mission \"climate\": failed: "
                + "IllegalStateException: no budget line for p2 (facts: Project[id=p2, title=p2, "
                + "instrument=LOAN, recipient=builder")
                .endsWith("Fix the rule; its facts are shown above.");
    }

    @Test
    void aRuleThatFailsNamesTheLineThatDeclaresIt() {
        RuleExecutionException e = evaluate("agency/budget.drl", """
                /* the rule as it was before the budget had a currency:
                rule "Budget per project"
                    ...
                end
                */

                rule "Budget per project"
                when
                    $m : Mission( id == "climate" )
                then
                    Double none = null;
                    double perProject = $m.projects().size() / none;
                end
                """, 10);

        assertThat(e.rule()).isEqualTo("Budget per project");
        assertThat(e.origin()).isEqualTo("13");
        assertThat(e.getMessage()).startsWith("agency/budget.drl:13: rule \"Budget per project\" on mission "
                + "\"climate\": failed: ").endsWith("Fix the rule; its facts are shown above.");
    }

    @Test
    void aParameterNoPackDeclaresReadAtRunTimeNamesTheRuleAtItsLine() {
        RuleExecutionException e = evaluate("params.drl", """
                rule "Threshold per mission"
                when
                    $m : Mission( id == "climate" )
                then
                    double threshold = ctx.param("agency." + $m.id());
                end
                """, 10);

        assertThat(e.getMessage()).startsWith("params.drl:7: rule \"Threshold per mission\" on mission \"climate\": "
                + "failed: IllegalArgumentException: no parameter \"agency.climate\": no pack declares it");
    }

    @Test
    void aBuiltInRuleThatMisbehavesNamesItsResourceAndLine() throws IOException {
        MissionEngine engine = MissionEngine.builder().maxFirings(1).build();
        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
                () -> engine.evaluate(PORTFOLIO, SmallPortfolio.AS_OF));

        Matcher m = Pattern.compile("(org/missionengine/rules/(\\w+)/\\2\\.drl):(\\d+): rule \"(.+?)\" on mission \"")
                .matcher(e.getMessage());
        assertThat(m.lookingAt()).as(e.getMessage()).isTrue();
        assertThat(m.group(4)).isEqualTo(e.rule());
        try (InputStream in = MissionEngine.class.getClassLoader().getResourceAsStream(m.group(1))) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(Integer.parseInt(m.group(3)) - 1).strip()).isEqualTo("rule \"" + e.rule() + "\"");
        }
    }

    @Test
    void aConditionThatThrowsNamesItsRule() {
        RuleExecutionException e = evaluate("condition.drl", """
                function boolean shortId(String id) {
                    if (id.length() > 1) {
                        throw new IllegalArgumentException("id " + id + " is too long");
                    }
                    return true;
                }

                rule "Bad condition"
                when
                    $p : Project( shortId(id) )
                then
                end
                """, 10);

        assertThat(e.rule()).isEqualTo("Bad condition");
        assertThat(e.getMessage()).isEqualTo("condition.drl:14: rule \"Bad condition\" on mission \"climate\": failed "
                + "while matching: IllegalArgumentException: id p1 is too long. Fix the rule's "
                + "conditions: a method they call throws for some of this mission's facts.");
    }

    @Test
    void aTrustedRuleThatRecursesWithoutEndNamesItself() {
        RuleExecutionException e = evaluateTrusted("recursion.drl", """
                function int deeper(int n) {
                    return deeper(n + 1) + 1;
                }

                rule "Recurse"
                when
                    $m : Mission( id == "health" )
                then
                    deeper(0);
                end
                """, 10);

        assertThat(e.rule()).isEqualTo("Recurse");
        assertThat(e.getMessage()).startsWith("recursion.drl:11: rule \"Recurse\" on mission \"health\": recursed too "
                + "deeply (StackOverflowError) (facts: Mission[id=health").endsWith("End the rule's recursion: a "
                + "function that calls itself needs a condition that stops it.");
    }

    @Test
    void aRuleCannotChangeThePortfolio() {
        for (String change : List.of("$m.projects().clear();", "$m.sectors().add(\"mining\");",
                "$m.budget().toString(); java.util.Collections.sort($m.targets(), null);")) {
            RuleExecutionException e = evaluate("modify-portfolio.drl", """
                    rule "Tidy the portfolio"
                    when
                        $m : Mission( id == "climate" )
                    then
                        %s
                    end
                    """.formatted(change), 10);

            assertThat(e.rule()).isEqualTo("Tidy the portfolio");
            assertThat(e.getMessage()).as(change).startsWith("modify-portfolio.drl:7: rule \"Tidy the portfolio\" on "
                    + "mission \"climate\": tried to change a fact: the portfolio's facts are immutable records with "
                    + "read-only lists (facts: Mission[id=climate").endsWith("A rule cannot change the portfolio; "
                    + "insert a fact of your own (insertLogical) instead.");
        }
        // and the portfolio is as it was
        assertThat(PORTFOLIO).isEqualTo(SmallPortfolio.build());
    }

    @Test
    void theEngineEvaluatesNormallyAfterARuleMisbehaved() {
        MissionEngine engine = MissionEngine.builder().rulesText("sleep.drl", HEADER + """
                rule "Sleep on health"
                when
                    $m : Mission( id == "health", title == "sleep" )
                then
                    Thread.sleep(600_000L);
                end
                """).trustAllRules().timeout(Duration.ofSeconds(3)).build();
        Portfolio sleeping = PORTFOLIO.withMission(Mission.builder("health").title("sleep").build());

        assertThat(catchThrowableOfType(RuleExecutionException.class, () -> engine.evaluate(sleeping,
                SmallPortfolio.AS_OF)).rule()).isEqualTo("Sleep on health");
        EvaluationReport after = engine.evaluate(PORTFOLIO, SmallPortfolio.AS_OF);
        EvaluationReport plain = MissionEngine.builder().build().evaluate(PORTFOLIO, SmallPortfolio.AS_OF);
        assertThat(after.missions()).isEqualTo(plain.missions());
        assertThat(after.findings()).isEqualTo(plain.findings());
    }
}
