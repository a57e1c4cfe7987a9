package org.missionengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.io.ReportFiles;
import org.missionengine.model.Portfolio;

/** The command line's answers to a user's mistakes. */
class MissionEvalSparkTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MissionEvalSpark.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aNegativePartitionCountIsTheUsersMistake() {
        assertThat(run("evaluate", "portfolio.json", "--partitions", "-1", "--output", "out"))
                .isEqualTo(MissionEvalSpark.USER_ERROR);
        assertThat(err.toString()).isEqualTo("mission-eval-spark evaluate: --partitions must be 1 or more, got -1."
                + System.lineSeparator() + "Try 'mission-eval-spark evaluate --help' for more information."
                + System.lineSeparator());
    }

    @Test
    void aDateThatIsNotIsoIsTheUsersMistake() {
        assertThat(run("evaluate", "portfolio.json", "--as-of", "yesterday", "--output", "out"))
                .isEqualTo(MissionEvalSpark.USER_ERROR);
        assertThat(err.toString()).startsWith("mission-eval-spark evaluate: Invalid value for option '--as-of': "
                + "'yesterday' is not a date; write it as ISO-8601, e.g. 2030-12-31").doesNotContain("java.");
    }

    @Test
    void aMasterSparkCannotParseIsTheUsersMistake() {
        assertThat(run("evaluate", "portfolio.json", "--master", "bogus[x]", "--output", "out"))
                .isEqualTo(MissionEvalSpark.USER_ERROR);
        assertThat(err.toString()).startsWith("mission-eval-spark evaluate: --master must be a Spark master URL "
                + "(local, local[N], local[*], local[N,F], spark://HOST:PORT, yarn or k8s://URL), got 'bogus[x]'.")
                .doesNotContain("\tat ");
    }

    @Test
    void anOutputThatIsAFileIsTheUsersMistake(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results"), "not a directory");

        assertThat(run("evaluate", "portfolio.json", "--master", "local[2]", "--output", file.toString()))
                .isEqualTo(MissionEvalSpark.USER_ERROR);
        assertThat(err.toString()).startsWith("mission-eval-spark evaluate: --output must be a directory, got the file "
                + file + ": give a directory (it is created when missing).");
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void aPartitionCountThatIsNotANumberIsTheUsersMistake() {
        assertThat(run("evaluate", "portfolio.json", "--partitions", "many", "--output", "out"))
                .isEqualTo(MissionEvalSpark.USER_ERROR);
        assertThat(err.toString()).contains("'--partitions'").contains("'many'").doesNotContain("\tat ");
    }

    @Test
    @Tag("spark")
    void aBadPortfolioFoundWhileSparkStartsIsTheUsersMistakeAndSparkIsStopped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"mission-portfolio/1\", \"missions\": [{\"id\": 1}]}");

        int exit = run("evaluate", file.toString(), "--master", "local[1]", "--output", dir.resolve("out").toString());

        assertThat(exit).isEqualTo(MissionEvalSpark.USER_ERROR);
        assertThat(err.toString()).startsWith(file + ": missions[0].id: ").doesNotContain("\tat ");
        assertThat(SparkSession.getDefaultSession().isEmpty()).as("no Spark session left running").isTrue();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    @Tag("spark")
    void aSampleIsWrittenAsTablesAndTheSingleMachinesReport(@TempDir Path dir) throws IOException {
        Path sample = Path.of("..", "samples", "missions", "barbados.json");
        Path out = dir.resolve("out");
        // Hadoop keeps one file system per scheme for the JVM: the command starts with none, as in a JVM of its own
        org.apache.hadoop.fs.FileSystem.closeAll();

        int exit = run("evaluate", sample.toString(), "--master", "local[1]", "--partitions", "2", "--output",
                out.toString());

        assertThat(exit).as(err.toString()).isEqualTo(MissionEvalSpark.OK);
        Portfolio portfolio = PortfolioFiles.read(sample);
        assertThat(Files.readString(out.resolve("report.json"))).isEqualTo(ReportFiles.toJson(
                MissionEngine.builder().build().evaluate(portfolio, portfolio.asOf())));
        for (String table : List.of("missions", "targets", "findings")) {
            assertThat(out.resolve(table)).isDirectoryContaining("glob:**/part-*.parquet")
                    .isDirectoryContaining("glob:**/_SUCCESS")
                    .as("no checksum files beside the tables").isDirectoryNotContaining("glob:**.crc");
        }
        assertThat(SparkSession.getDefaultSession().isEmpty()).as("no Spark session left running").isTrue();
    }
}
