package org.missionengine.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;

class PortfolioTablesTest {
    private static final Path SAMPLES = Path.of("..", "samples", "missions");

    @TempDir
    Path dir;

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void jsonToTablesToJsonGivesTheSamePortfolio(Path sample) {
        Portfolio original = PortfolioFiles.read(sample);

        PortfolioTables.writeCsv(original, dir);
        Portfolio back = PortfolioTables.readCsv(dir);

        assertThat(back).isEqualTo(original);
        assertThat(PortfolioFiles.toString(back, "back.json")).isEqualTo(PortfolioFiles.toString(original, "o.json"));
    }

    @Test
    void theSamplesAreThere() throws IOException {
        assertThat(samples().count()).isGreaterThanOrEqualTo(9);
    }

    private String example() throws IOException {
        PortfolioTables.writeCsv(PortfolioFiles.read(SAMPLES.resolve("format-example.json")), dir);
        return dir.toString();
    }

    private List<String> problems() {
        try {
            PortfolioTables.readCsv(dir);
        } catch (InvalidPortfolioException e) {
            return e.problems().stream().map(Problem::describe).toList();
        }
        throw new AssertionError("the tables were accepted");
    }

    private void replaceIn(String table, String from, String to) throws IOException {
        Path file = dir.resolve(table + ".csv");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    @Test
    void aMissingColumnIsRefusedNamingTheTable() throws IOException {
        example();
        Path file = dir.resolve("cashflows.csv");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());

        assertThat(problems()).containsExactly(file + ": header: the column \"benefit\" is missing. Add it (its cells "
                + "may be empty): the table's columns are mission, project, seq, year, cost, benefit "
                + "(docs/portfolio-tables.md).");
    }

    @Test
    void aCellOfTheWrongTypeIsRefusedAtItsRowAndColumn() throws IOException {
        example();
        replaceIn("projects", "\"3000000\"", "\"3 million\"");

        assertThat(problems()).containsExactly(dir.resolve("projects.csv") + ": row 1, column publicFunding: expected "
                + "a number, found \"3 million\". Write a plain number such as 1250000 or 0.35 (a dot for decimals, "
                + "no thousands separators), or leave the cell empty when it is not recorded.");
    }

    @Test
    void aDanglingMissionIdIsRefused() throws IOException {
        example();
        replaceIn("cashflows", "\"net-zero-city\"", "\"net-zero-town\"");

        assertThat(problems()).containsExactly(dir.resolve("cashflows.csv") + ": row 1, column project: project "
                + "\"retrofit-1\" of mission \"net-zero-town\" is not in the projects table. Add it to projects, or "
                + "correct the id.");
    }

    @Test
    void aDuplicateIdIsRefusedAtTheSecondRow() throws IOException {
        example();
        Path file = dir.resolve("missions.csv");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(1).replace("\"0\"", "\"1\"")));

        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith(file + ": row 2, column id: duplicate id "
                + "\"net-zero-city\" (also row 1)"));
    }

    @Test
    void aProblemOfThePortfolioIsToldAtTheRowAndColumnItCameFrom() throws IOException {
        example();
        replaceIn("metrics", "\"OUTCOME\"", "\"OUTCOMES\"");

        assertThat(problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith(dir.resolve("metrics.csv") + ": row 1, column kind: \"OUTCOMES\" is not one of"));
    }

    @Test
    void aListMarkedNotRecordedKeepsNoRows() throws IOException {
        example();
        Path file = dir.resolve("missions.csv");
        // the marker is the last column: the list of sources before it is recorded too
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).endsWith(",sectorsRecorded,disciplinesRecorded,projectsRecorded,sourcesRecorded");
        int sectors = lines.get(1).length() - "\"true\",\"true\",\"true\",\"true\"".length();
        assertThat(lines.get(1).substring(sectors)).isEqualTo("\"true\",\"true\",\"true\",\"true\"");
        Files.write(file, List.of(lines.get(0), lines.get(1).substring(0, sectors)
                + "\"false\",\"true\",\"true\",\"true\""));

        assertThat(problems()).containsExactly(dir.resolve("mission_sectors.csv") + ": row 1, column mission: the row "
                + "belongs to a list marked as not recorded (sectorsRecorded is false in " + file + ", row 1). Set "
                + "sectorsRecorded to true, or remove the rows of that list.");
    }

    @Test
    void anEmptyListStaysEmptyAndAnAbsentOneAbsent() throws IOException {
        example();
        // the example records its sectors: with their rows gone, the list is recorded as empty
        Files.write(dir.resolve("mission_sectors.csv"), List.of("mission,seq,sector"));
        assertThat(PortfolioTables.readCsv(dir).missions().get(0).sectors()).isEmpty();
        assertThat(PortfolioTables.rows(PortfolioTables.readCsv(dir)).get("missions").get(0)[
                TableLayout.table("missions").allColumns().stream().map(TableLayout.Column::name).toList()
                        .indexOf("sectorsRecorded")]).isEqualTo("true");
    }

    @Test
    void targetsLeftOutStayNotRecordedAndAnEmptyListEmpty() throws IOException {
        Portfolio example = PortfolioFiles.read(SAMPLES.resolve("format-example.json"));
        Mission mission = example.missions().get(0);
        // the example records every list of its mission: copied as they are, only the targets differ
        assertThat(mission.sectorsRecorded() && mission.disciplinesRecorded() && mission.projectsRecorded()).isTrue();
        Mission leftOut = new Mission(mission.id(), mission.title(), mission.statement(), mission.challenge(),
                mission.owner(), mission.launched(), mission.deadline(), mission.budget(), null, mission.sectors(),
                mission.disciplines(), mission.governance(), mission.projects(), mission.sources());
        Mission none = new Mission("no-targets", mission.title(), mission.statement(), mission.challenge(),
                mission.owner(), mission.launched(), mission.deadline(), mission.budget(), List.of(), mission.sectors(),
                mission.disciplines(), mission.governance(), List.of(), mission.sources());
        Portfolio original = new Portfolio(example.asOf(), example.currency(), example.metrics(), example.actors(),
                List.of(leftOut, none), example.observations(), example.spillovers(), example.parameters(),
                example.sources());

        PortfolioTables.writeCsv(original, dir);
        Portfolio back = PortfolioTables.readCsv(dir);

        assertThat(back).isEqualTo(original);
        assertThat(back.missions().get(0).targetsRecorded()).isFalse();
        assertThat(back.missions().get(1).targetsRecorded()).isTrue();
        assertThat(back.missions().get(1).targets()).isEmpty();
        List<String> header = TableLayout.table("missions").allColumns().stream().map(TableLayout.Column::name)
                .toList();
        List<String[]> rows = PortfolioTables.rows(back).get("missions");
        assertThat(rows.get(0)[header.indexOf("targetsRecorded")]).isEqualTo("false");
        assertThat(rows.get(1)[header.indexOf("targetsRecorded")]).isEqualTo("true");
    }

    @Test
    void anUnknownTableFileIsRefusedWithTheClosestName() throws IOException {
        example();
        Files.move(dir.resolve("projects.csv"), dir.resolve("project.csv"));

        assertThat(problems()).first().satisfies(p -> assertThat(p).startsWith(dir.resolve("project.csv")
                + ": not a portfolio table. Did you mean \"projects\"?"));
    }
}
