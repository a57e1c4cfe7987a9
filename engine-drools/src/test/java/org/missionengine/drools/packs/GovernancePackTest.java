package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.missionengine.drools.packs.Fixture.assertQuiet;
import static org.missionengine.drools.packs.Fixture.evaluate;
import static org.missionengine.drools.packs.Fixture.governance;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.only;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.model.Mission;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/** The governance pack: a mission board that steers the portfolio. */
class GovernancePackTest {
    private static MissionEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = Fixture.engine();
    }

    private static MissionReport eval(Mission.Builder mission) {
        return evaluate(engine, mission);
    }

    private static Mission.Builder board(boolean missionBoard) {
        return mission().governance(governance(List.of("Ministry of Energy", "Ministry of Transport"), missionBoard,
                true, List.of("CITIZEN_ASSEMBLY"), 0.5));
    }

    @Test
    void noMissionBoardFires() {
        Finding f = only(eval(board(false)), "GOV_NO_MISSION_BOARD");

        assertThat(f.subject()).isEqualTo("m1");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.category()).isEqualTo("GOVERNANCE");
        assertThat(f.pack()).isEqualTo("governance");
        assertThat(f.rule()).isEqualTo("No mission board");
        assertThat(f.criterion()).isNull();
        assertThat(f.evidence()).containsExactly(java.util.Map.entry("missionBoard", false));
    }

    @Test
    void noMissionBoardQuietWithoutGovernance() {
        MissionReport report = eval(mission().governance(null));

        assertQuiet(report, "GOV_NO_MISSION_BOARD");
        assertThat(only(report, "DATA_NO_GOVERNANCE").evidence()).containsEntry("missing",
                java.util.List.of("governance.leadBodies", "governance.missionBoard", "governance.crossMinisterial"));
    }

    @Test
    void noMissionBoardQuietWithABoard() {
        MissionReport report = eval(board(true));

        assertQuiet(report, "GOV_NO_MISSION_BOARD");
        assertThat(Fixture.ownFindings(report)).isEmpty();
    }

    @Test
    void severityCanBeOverriddenPerCode() {
        MissionEngine strict = Fixture.engineBuilder().severity("GOV_NO_MISSION_BOARD", Severity.CRITICAL).build();

        Finding f = only(evaluate(strict, board(false)), "GOV_NO_MISSION_BOARD");

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.rule()).isEqualTo("No mission board");
        assertThat(strict.catalog().ruleForCode("GOV_NO_MISSION_BOARD")).hasValueSatisfying(r ->
                assertThat(r.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(engine.catalog().ruleForCode("GOV_NO_MISSION_BOARD")).hasValueSatisfying(r ->
                assertThat(r.severity()).isEqualTo(Severity.WARNING));
        // Other codes keep their severity.
        assertThat(only(evaluate(strict, board(false).deadline(null)), "CRIT_NO_DEADLINE").severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void disablingThePackSilencesTheRule() {
        MissionEngine without = Fixture.engineBuilder().disable("governance").build();

        assertQuiet(evaluate(without, board(false)), "GOV_NO_MISSION_BOARD");
        assertThat(without.catalog().ruleForCode("GOV_NO_MISSION_BOARD")).isEmpty();
    }
}
