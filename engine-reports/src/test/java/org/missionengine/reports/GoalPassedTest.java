package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/** "Goal passed" beside MISSED must say the goal was passed only after its date (samples/missions/emissions.json). */
class GoalPassedTest {
    private static String text;
    private static String markdown;

    @BeforeAll
    static void evaluate() {
        Portfolio portfolio = PortfolioFiles.read(Path.of("../samples/missions/emissions.json"));
        EvaluationReport report = MissionEngine.builder().build().evaluate(portfolio, portfolio.asOf());
        ReportSource source = new ReportSource("emissions.json", report, portfolio);
        text = ReportWriters.forFormat("text").render(source);
        markdown = ReportWriters.forFormat("markdown").render(source);
    }

    @Test
    void aMissedTargetPastItsGoalLaterSaysSo() {
        // de-co2-2005: 867 Mt by the goal date against 789, 759 Mt in 2018
        String klimaschutz = text.substring(text.indexOf("de-co2-2005 (metric"));
        assertThat(klimaschutz.substring(0, klimaschutz.indexOf("Findings"))).contains("MISSED")
                .contains("gap closed: goal passed after its date;");
        assertThat(markdown).contains("goal passed after its date");
    }

    @Test
    void anAchievedTargetPastItsGoalSaysGoalPassed() {
        String kyoto = text.substring(text.indexOf("gb-kyoto-ghg (metric"));
        assertThat(kyoto.substring(0, kyoto.indexOf("Findings"))).contains("ACHIEVED")
                .contains("gap closed: goal passed;").doesNotContain("after its date");
    }

    @Test
    void aSettledTargetShowsNoProjection() {
        // achieved or missed, a target is judged by its date: where its trend line would reach says nothing then
        assertThat(targetLines("gb-kyoto-ghg (metric")).contains("ACHIEVED").doesNotContain("projected");
        assertThat(targetLines("de-co2-2005 (metric")).contains("MISSED").doesNotContain("projected");
    }

    /** A target's lines in the text report: its head line and the lines indented under it. */
    private static String targetLines(String head) {
        String rest = text.substring(text.indexOf(head));
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("\n(?! {4})").matcher(rest);
        return next.find() ? rest.substring(0, next.start()) : rest;
    }
}
