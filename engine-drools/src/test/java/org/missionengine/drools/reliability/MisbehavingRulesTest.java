package org.missionengine.drools.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.RuleExecutionException;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/**
 * Rule files that misbehave end in a {@link RuleExecutionException} naming the rule, its file and the mission, within
 * about {@code engine.timeout}: rules that loop (stopped by {@code engine.maxFirings}), rules that are slow between
 * firings (stopped by {@code halt()}), consequences stuck in a Java loop (their thread stopped), rules that throw (the
 * message shows the facts), and rules that try to change the portfolio (impossible: the facts are immutable).
 */
class MisbehavingRulesTest {
    static final Portfolio PORTFOLIO = SmallPortfolio.build();
    static final String HEADER = """
            package agency.misbehaving;

            import org.missionengine.model.*;

            global org.missionengine.rules.EvaluationContext ctx;

            """;

    /** Seconds the last {@link #evaluate} took, the engine's build not included. */
    static double seconds;

    static RuleExecutionException evaluate(String file, String rules, double timeoutSeconds, Duration within) {
        MissionEngine engine = MissionEngine.builder().rulesText(file, HEADER + rules)
                .parameter("engine.timeout", timeoutSeconds).parameter("engine.maxFirings", 500).build();
        long start = System.nanoTime();
        RuleExecutionException e = assertTimeoutPreemptively(within, () -> catchThrowableOfType(
                RuleExecutionException.class, () -> engine.evaluate(PORTFOLIO, SmallPortfolio.AS_OF)));
        seconds = (System.nanoTime() - start) / 1e9;
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
                """, 10, Duration.ofSeconds(20));

        assertThat(e).isNotNull();
        assertThat(e.rule()).isEqualTo("Tick forever");
        assertThat(e.getMessage()).isEqualTo("loop.drl: rule \"Tick forever\" on mission \"climate\": fired 501 "
                + "times, more than engine.maxFirings (500): the rule loops. A rule that inserts or updates facts must "
                + "not re-match its own result; add a condition that stops it, or raise engine.maxFirings.");
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
                """, 10, Duration.ofSeconds(20));

        assertThat(e.rule()).isEqualTo("Count without end");
        assertThat(e.getMessage()).startsWith("modify.drl: rule \"Count without end\" on mission \"climate\": "
                + "fired 501 times, more than engine.maxFirings (500)");
    }

    @Test
    void aRuleThatIsSlowBetweenFiringsIsHaltedAtTheTimeout() {
        RuleExecutionException e = evaluate("slow.drl", """
                rule "Slow per project"
                when
                    $m : Mission()
                    $p : Project() from $m.projects()
                    $n : Number() from java.util.List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)
                then
                    long until = System.nanoTime() + 100_000_000L;
                    while (System.nanoTime() < until) { }
                end
                """, 1, Duration.ofSeconds(10));

        assertThat(e.rule()).isEqualTo("Slow per project");
        assertThat(e.getMessage()).isEqualTo("slow.drl: rule \"Slow per project\" on mission \"climate\": ran past "
                + "engine.timeout (1 s). Make the rule cheaper (or end its loop), or raise engine.timeout.");
        assertThat(seconds).as("halted at the first firing after the timeout").isBetween(1.0, 1.6);
    }

    @Test
    void aConsequenceStuckInAJavaLoopIsStoppedAndItsThreadEnds() throws InterruptedException {
        RuleExecutionException e = evaluate("spin.drl", """
                rule "Spin"
                when
                    $m : Mission( id == "climate" )
                then
                    while (true) { }
                end
                """, 1, Duration.ofSeconds(10));

        assertThat(e.rule()).isEqualTo("Spin");
        assertThat(e.getMessage()).isEqualTo("spin.drl: rule \"Spin\" on mission \"climate\": ran past "
                + "engine.timeout (1 s). Make the rule cheaper (or end its loop), or raise engine.timeout.");
        // the timeout, then halt, interrupt and stop with a grace period each (250 ms)
        assertThat(seconds).as("stopped within the timeout and the three grace periods").isBetween(1.0, 2.2);
        assertThat(RuleThreads.awaitNoneRunning(Duration.ofSeconds(5))).as("no rule thread keeps a core busy")
                .isEmpty();
    }

    @Test
    void aRuleThatThrowsNamesItselfAndItsFacts() {
        RuleExecutionException e = evaluate("throws.drl", """
                rule "Short ids only"
                when
                    $p : Project( id == "p2" )
                then
                    String tail = $p.id().substring(10);
                end
                """, 10, Duration.ofSeconds(20));

        assertThat(e.rule()).isEqualTo("Short ids only");
        assertThat(e.getMessage()).startsWith("throws.drl: rule \"Short ids only\" on mission \"climate\": failed: "
                + "StringIndexOutOfBoundsException: begin 10, end 2, length 2 (facts: Project[id=p2, title=p2, "
                + "instrument=LOAN, recipient=builder")
                .endsWith("Fix the rule; its facts are shown above.");
    }

    @Test
    void aConditionThatThrowsNamesItsRule() {
        RuleExecutionException e = evaluate("condition.drl", """
                rule "Bad condition"
                when
                    $p : Project( id.substring(10) == "x" )
                then
                end
                """, 10, Duration.ofSeconds(20));

        assertThat(e.rule()).isEqualTo("Bad condition");
        assertThat(e.getMessage()).isEqualTo("condition.drl: rule \"Bad condition\" on mission \"climate\": failed "
                + "while matching: StringIndexOutOfBoundsException: begin 10, end 2, length 2. Fix the rule's "
                + "conditions: a method they call throws for some of this mission's facts.");
    }

    @Test
    void aRuleThatRecursesWithoutEndNamesItself() {
        RuleExecutionException e = evaluate("recursion.drl", """
                function int deeper(int n) {
                    return deeper(n + 1) + 1;
                }

                rule "Recurse"
                when
                    $m : Mission( id == "health" )
                then
                    deeper(0);
                end
                """, 10, Duration.ofSeconds(20));

        assertThat(e.rule()).isEqualTo("Recurse");
        assertThat(e.getMessage()).startsWith("recursion.drl: rule \"Recurse\" on mission \"health\": recursed too "
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
                    """.formatted(change), 10, Duration.ofSeconds(20));

            assertThat(e.rule()).isEqualTo("Tidy the portfolio");
            assertThat(e.getMessage()).as(change).startsWith("modify-portfolio.drl: rule \"Tidy the portfolio\" on "
                    + "mission \"climate\": tried to change a fact: the portfolio's facts are immutable records with "
                    + "read-only lists (facts: Mission[id=climate").endsWith("A rule cannot change the portfolio; "
                    + "insert a fact of your own (insertLogical) instead.");
        }
        // and the portfolio is as it was
        assertThat(PORTFOLIO).isEqualTo(SmallPortfolio.build());
    }

    @Test
    void theEngineEvaluatesNormallyAfterARuleMisbehaved() {
        MissionEngine engine = MissionEngine.builder().rulesText("spin.drl", HEADER + """
                rule "Spin on health"
                when
                    $m : Mission( id == "health", title == "spin" )
                then
                    while (true) { }
                end
                """).parameter("engine.timeout", 1).build();
        Portfolio spinning = PORTFOLIO.withMission(Mission.builder("health").title("spin").build());

        assertThat(catchThrowableOfType(RuleExecutionException.class, () -> engine.evaluate(spinning,
                SmallPortfolio.AS_OF)).rule()).isEqualTo("Spin on health");
        EvaluationReport after = engine.evaluate(PORTFOLIO, SmallPortfolio.AS_OF);
        EvaluationReport plain = MissionEngine.builder().build().evaluate(PORTFOLIO, SmallPortfolio.AS_OF);
        assertThat(after.missions()).isEqualTo(plain.missions());
        assertThat(after.findings()).isEqualTo(plain.findings());
    }
}
