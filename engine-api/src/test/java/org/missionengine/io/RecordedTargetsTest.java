package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.missionengine.model.DatedValue;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Revision;
import org.missionengine.model.Target;

/** Absent is not none for a mission's targets: left out is "not recorded", {@code []} is "no targets". */
class RecordedTargetsTest {
    private static final String LEFT_OUT = """
            {"format": "mission-portfolio/1", "missions": [{"id": "m1", "title": "Clean rivers"}]}
            """;
    private static final String NONE = """
            {"format": "mission-portfolio/1", "missions": [{"id": "m1", "title": "Clean rivers", "targets": []}]}
            """;

    private static Mission only(String text, String fileName) {
        return PortfolioFiles.read(text.getBytes(StandardCharsets.UTF_8), fileName).missions().get(0);
    }

    @Test
    void targetsLeftOutAreReadAsNotRecorded() {
        Mission m = only(LEFT_OUT, "p.json");

        assertThat(m.targetsRecorded()).isFalse();
        assertThat(m.targets()).isEmpty();
        assertThat(only("format: mission-portfolio/1\nmissions:\n  - {id: m1, title: Clean rivers}\n", "p.yaml")
                .targetsRecorded()).isFalse();
    }

    @Test
    void anEmptyListIsReadAsNoTargets() {
        Mission m = only(NONE, "p.json");

        assertThat(m.targetsRecorded()).isTrue();
        assertThat(m.targets()).isEmpty();
    }

    @Test
    void theWriterLeavesOutTargetsThatAreNotRecordedAndKeepsAnEmptyList() {
        Portfolio leftOut = PortfolioFiles.read(LEFT_OUT.getBytes(StandardCharsets.UTF_8), "p.json");
        Portfolio none = PortfolioFiles.read(NONE.getBytes(StandardCharsets.UTF_8), "p.json");

        String leftOutText = PortfolioFiles.toString(leftOut, "p.json");
        String noneText = PortfolioFiles.toString(none, "p.json");
        assertThat(leftOutText).doesNotContain("targets");
        assertThat(noneText).contains("\"targets\" : [ ]");
        assertThat(only(leftOutText, "p.json").targetsRecorded()).isFalse();
        assertThat(only(noneText, "p.json").targetsRecorded()).isTrue();
        assertThat(only(PortfolioFiles.toString(leftOut, "p.yaml"), "p.yaml").targetsRecorded()).isFalse();
        assertThat(only(new String(PortfolioFiles.toCompactJson(leftOut), StandardCharsets.UTF_8), "p.json")
                .targetsRecorded()).isFalse();
        assertThat(only(new String(PortfolioFiles.toCompactJson(none), StandardCharsets.UTF_8), "p.json")
                .targetsRecorded()).isTrue();
    }

    @Test
    void theBuilderRecordsTargetsOnlyWhenTold() {
        assertThat(Mission.builder("m1").build().targetsRecorded()).isFalse();
        assertThat(Mission.builder("m1").targets((List<Target>) null).build().targetsRecorded()).isFalse();
        Mission none = Mission.builder("m1").targets().build();
        assertThat(none.targetsRecorded()).isTrue();
        assertThat(none.targets()).isEmpty();
        assertThat(Mission.builder("m1").targets(List.of()).build().targetsRecorded()).isTrue();
    }

    @Test
    void copiesOfAMissionKeepTargetsThatAreNotRecorded() {
        Mission m = Mission.builder("m1").build();

        assertThat(m.asOf(LocalDate.of(2025, 1, 1))).isSameAs(m);
        assertThat(m.withProject(Project.builder("p1").build()).targetsRecorded()).isFalse();
        // and a revised target still reads as of its date
        Target revised = new Target("t1", "emissions", null, DatedValue.of(40, LocalDate.of(2030, 12, 31)),
                List.of(new Revision(LocalDate.of(2024, 1, 1), DatedValue.of(30, LocalDate.of(2030, 12, 31)), "eased")));
        Mission recorded = Mission.builder("m2").targets(revised).build();
        assertThat(recorded.asOf(LocalDate.of(2023, 1, 1)).targets().get(0).goal().value()).isEqualTo(30.0);
        assertThat(recorded.asOf(LocalDate.of(2023, 1, 1)).targetsRecorded()).isTrue();
    }
}
