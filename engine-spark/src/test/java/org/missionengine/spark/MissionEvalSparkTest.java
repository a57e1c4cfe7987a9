package org.missionengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The command line's answers to a user's mistakes, given before Spark starts. */
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
        assertThat(err.toString()).startsWith("--partitions must be 1 or more, got -1.").doesNotContain("\tat ");
    }

    @Test
    void aPartitionCountThatIsNotANumberIsTheUsersMistake() {
        assertThat(run("evaluate", "portfolio.json", "--partitions", "many", "--output", "out"))
                .isEqualTo(MissionEvalSpark.USER_ERROR);
        assertThat(err.toString()).contains("'--partitions'").contains("'many'").doesNotContain("\tat ");
    }
}
