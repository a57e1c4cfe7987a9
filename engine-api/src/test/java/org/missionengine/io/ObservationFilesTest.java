package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;

class ObservationFilesTest {
    @TempDir
    Path dir;

    static Portfolio portfolio() {
        return Portfolio.builder()
                .metric(new Metric("co2", "CO2 emissions", "Mt", MetricKind.IMPACT, Direction.DECREASE, false))
                .metric(new Metric("renewables", "Renewable share", "%", MetricKind.OUTCOME, Direction.INCREASE, false))
                .mission(Mission.builder("net-zero").build())
                .observation(new Observation("co2", null, LocalDate.parse("2017-12-31"), 387.4, "inline"))
                .build();
    }

    Path csv(String text) throws IOException {
        Path file = dir.resolve("observations.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsRowsWithOptionalMissionAndSource() throws IOException {
        Path file = csv("""
                metric,mission,date,value,source
                co2,,2018-12-31,379.04,"Our World in Data, co2-data"
                renewables,net-zero,2019-12-31, 37.1 ,
                """);

        List<Observation> read = ObservationFiles.read(file, portfolio());

        assertThat(read).containsExactly(
                new Observation("co2", null, LocalDate.parse("2018-12-31"), 379.04, "Our World in Data, co2-data"),
                new Observation("renewables", "net-zero", LocalDate.parse("2019-12-31"), 37.1, null));
        Portfolio merged = portfolio().withObservations(read);
        assertThat(merged.observations()).extracting(Observation::value).containsExactly(387.4, 379.04, 37.1);
    }

    @Test
    void columnsMayComeInAnyOrder() throws IOException {
        Path file = csv("""
                date,value,metric,source,mission
                2018-12-31,379.04,co2,OWID,
                """);

        assertThat(ObservationFiles.read(file, portfolio())).extracting(Observation::metric).containsExactly("co2");
    }

    @Test
    void everyBadRowIsReportedWithItsLineNumberAtOnce() throws IOException {
        Path file = csv("""
                metric,mission,date,value,source
                co2,,2018-12-31,379.04,OWID
                co2,,2019-13-31,370,OWID
                co2,,2020-12-31,n/a,OWID
                c02,,2021-12-31,350,OWID
                renewables,net-zer0,2021-12-31,40,OWID
                co2,,2022-12-31,340,OWID
                """);

        assertThatThrownBy(() -> ObservationFiles.read(file, portfolio()))
                .isInstanceOf(InvalidPortfolioException.class)
                .isInstanceOf(UserErrorException.class)
                .satisfies(e -> {
                    List<Problem> problems = ((UserErrorException) e).problems();
                    assertThat(problems).extracting(Problem::location).containsExactly("3", "4", "5", "6");
                    assertThat(problems).extracting(Problem::file).containsOnly(file.toString());
                    assertThat(problems.get(0).message()).isEqualTo("not a date: \"2019-13-31\"");
                    assertThat(problems.get(0).hint()).contains("2030-12-31");
                    assertThat(problems.get(1).message()).isEqualTo("not a finite number: \"n/a\"");
                    assertThat(problems.get(2).message()).isEqualTo("unknown metric \"c02\"");
                    assertThat(problems.get(2).hint()).isEqualTo("Did you mean \"co2\"?");
                    assertThat(problems.get(3).message()).isEqualTo("unknown mission \"net-zer0\"");
                    assertThat(problems.get(3).hint()).isEqualTo("Did you mean \"net-zero\"?");
                })
                // the message lists every problem the way editors and CI logs read them
                .hasMessageContaining(file + ":3: not a date: \"2019-13-31\"")
                .hasMessageContaining(file + ":4: not a finite number: \"n/a\"")
                .hasMessageContaining(file + ":5: unknown metric \"c02\". Did you mean \"co2\"?");
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() throws IOException {
        Path file = csv("""
                metric,mission,date,value,source

                co2,,2018-12-31,379.04,"Our World in Data,
                co2-data"
                co2,,2019-12-3,370,OWID
                """);

        assertThatThrownBy(() -> ObservationFiles.read(file, portfolio()))
                .isInstanceOfSatisfying(InvalidPortfolioException.class, e ->
                        assertThat(e.problems()).extracting(Problem::location).containsExactly("5"));
    }

    @Test
    void aRowWithTooFewColumnsIsReportedAtItsLine() throws IOException {
        Path file = csv("""
                metric,mission,date,value,source
                co2,,2018-12-31,379.04,OWID
                co2,,2019-12-31
                """);

        assertThatThrownBy(() -> ObservationFiles.read(file, portfolio()))
                .isInstanceOfSatisfying(InvalidPortfolioException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::location).containsExactly("3");
                    assertThat(e.problems().get(0).message()).isEqualTo("the value is empty");
                });
    }

    @Test
    void anUnclosedQuoteIsUnreadableFromTheLineItOpensOn() throws IOException {
        Path file = csv("""
                metric,mission,date,value,source
                co2,,2018-12-31,379.04,OWID
                co2,,2019-12-31,370,"OWID
                """);

        assertThatThrownBy(() -> ObservationFiles.read(file, portfolio()))
                .isInstanceOfSatisfying(InvalidPortfolioException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::location).containsExactly("3");
                    assertThat(e.problems().get(0).message()).startsWith("unreadable row");
                });
    }

    @Test
    void infiniteAndNotANumberAreRefused() throws IOException {
        Path file = csv("""
                metric,mission,date,value,source
                co2,,2018-12-31,NaN,OWID
                co2,,2019-12-31,Infinity,OWID
                """);

        assertThatThrownBy(() -> ObservationFiles.read(file, portfolio()))
                .isInstanceOfSatisfying(InvalidPortfolioException.class, e ->
                        assertThat(e.problems()).extracting(Problem::location).containsExactly("2", "3"));
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderLine() throws IOException {
        Path file = csv("""
                metric,date,value
                co2,2018-12-31,379.04
                """);

        assertThatThrownBy(() -> ObservationFiles.read(file, portfolio()))
                .isInstanceOfSatisfying(InvalidPortfolioException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).location()).isEqualTo("1");
                    assertThat(e.problems().get(0).message()).contains("[mission, source]");
                });
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThatThrownBy(() -> ObservationFiles.read(dir.resolve("nope.csv"), portfolio()))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("nope.csv")
                .hasMessageContaining("file not found");
    }
}
