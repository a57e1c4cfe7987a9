package org.missionengine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;
import org.missionengine.RuleExecutionException;
import org.missionengine.benchmarks.SyntheticPortfolio;
import org.missionengine.io.JsonReportWriter;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.io.ReportFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.MissionReport;
import org.missionengine.tables.PortfolioTables;

/** On a local[2] session: the same report as the single-machine engine, whatever the partitions. */
@Tag("spark")
class SparkMissionEvaluatorTest {
    private static final Path SAMPLES = Path.of("..", "samples", "missions");
    private static final Path AGENCY = Path.of("..", "samples", "rules", "agency-example");
    private static final Path AGENCY_TABLES = Path.of("..", "samples", "rules", "agency-tables");
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("engine-spark tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** The report the single-machine engine gives, as mission-eval evaluate FILE --format json writes it. */
    private static String singleMachine(MissionEngineBuilder engine, Portfolio portfolio) {
        LocalDate asOf = portfolio.asOf() != null ? portfolio.asOf() : LocalDate.now();
        return ReportFiles.toJson(engine.build().evaluate(portfolio, asOf));
    }

    private String onSpark(MissionEngineBuilder engine, Portfolio portfolio, int partitions) throws IOException {
        try (SparkEvaluation result = SparkMissionEvaluator.builder(spark).engine(engine).partitions(partitions).build()
                .evaluate(portfolio)) {
            Path report = dir.resolve("report-" + partitions + ".json");
            result.writeReport(report);
            return Files.readString(report);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySamplePortfolioGivesTheReportOfOneMachine(Path sample) throws IOException {
        Portfolio portfolio = PortfolioFiles.read(sample);

        assertThat(onSpark(MissionEngine.builder(), portfolio, 3))
                .isEqualTo(singleMachine(MissionEngine.builder(), portfolio));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void aGeneratedPortfolioGivesTheReportOfOneMachineWhateverThePartitions(int partitions) throws IOException {
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(60, 8)).build();

        String report = onSpark(MissionEngine.builder(), portfolio, partitions);

        assertThat(report).isEqualTo(singleMachine(MissionEngine.builder(), portfolio));
        assertThat(report).contains("\"rating\" : \"MISSION_WASHING\"");
    }

    @Test
    void writeGivesTheTablesAndTheReportOfOneMachineFromTheReportsTheDriverHolds() throws IOException {
        // local[2] executors share the driver's JVM: they take held slices and leave the reports with the driver,
        // which writes the report beside the tables and gives them to the missions table
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(30, 4)).build();
        Path out = dir.resolve("write");

        try (SparkEvaluation result = SparkMissionEvaluator.builder(spark).partitions(3).build().evaluate(portfolio)) {
            result.write(out.toString());
        }

        assertThat(Files.readString(out.resolve("report.json")))
                .isEqualTo(singleMachine(MissionEngine.builder(), portfolio));
        List<Row> missions = spark.read().parquet(out.resolve("missions").toString()).orderBy("position")
                .collectAsList();
        EvaluationReport expected = MissionEngine.builder().build().evaluate(portfolio, portfolio.asOf());
        assertThat(missions).extracting(r -> (String) r.getAs("report"))
                .containsExactlyElementsOf(expected.missions().stream()
                        .map(m -> new String(JsonReportWriter.render(m), StandardCharsets.UTF_8)).toList());
    }

    @Test
    void slicesShippedAsFilesAsToAClusterGiveTheReportOfOneMachine() throws IOException {
        // the way to executors elsewhere: each slice written as a portfolio file and read again, the reports
        // returned in Spark's results
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(60, 8)).build();

        try (SparkEvaluation result = SparkMissionEvaluator.builder(spark).partitions(3).slicesAsFiles(true)
                .build().evaluate(portfolio)) {
            Path report = dir.resolve("report-files.json");
            result.writeReport(report);
            assertThat(Files.readString(report)).isEqualTo(singleMachine(MissionEngine.builder(), portfolio));
        }
    }

    @Test
    void slicesHeldForLocalExecutorsAreLetGoWhenTheEvaluationCloses() {
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(30, 2)).build();
        List<PortfolioSlices.Slice> slices = PortfolioSlices.of(portfolio, 3, true);
        List<String> keys = slices.stream().map(PortfolioSlices.Slice::heldAs).toList();

        assertThat(slices).allSatisfy(s -> assertThat(s.file()).isNull());
        assertThat(HeldInDriver.get(keys.get(1), Portfolio.class).missions()).extracting(m -> m.id())
                .startsWith(portfolio.missions().get((int) slices.get(1).first()).id());
        HeldInDriver.release(keys);
        assertThatThrownBy(() -> HeldInDriver.get(keys.get(1), Portfolio.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not held in this JVM");
    }

    @Test
    void byDefaultEachSliceOfAtMost500MissionsIsAPartition() throws IOException {
        // 1,100 missions: 3 slices (500, 500 and 100 at most), more than local[2]'s default parallelism
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(1100, 1)).build();

        try (SparkEvaluation result = SparkMissionEvaluator.builder(spark).build().evaluate(portfolio)) {
            assertThat(result.missions().rdd().getNumPartitions()).isEqualTo(3);
            Path report = dir.resolve("report-default.json");
            result.writeReport(report);
            assertThat(Files.readString(report)).isEqualTo(singleMachine(MissionEngine.builder(), portfolio));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void theTablesHoldTheReportOfOneMachineInThePortfoliosOrder(int partitions) {
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(40, 5)).build();
        EvaluationReport expected = fewMissionsPerOwner().build().evaluate(portfolio, portfolio.asOf());

        try (SparkEvaluation result = SparkMissionEvaluator.builder(spark).engine(fewMissionsPerOwner())
                .partitions(partitions).build()
                .evaluate(portfolio)) {
            assertTablesHold(result, expected);
        }
    }

    @Test
    void generatedTablesGiveTheReportOfOneMachineAndTheTablesInThePortfoliosOrder() throws IOException {
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(40, 5)).build();
        PortfolioTables.writeCsv(portfolio, dir.resolve("csv"));
        EvaluationReport expected = fewMissionsPerOwner().build().evaluate(portfolio, portfolio.asOf());

        try (SparkEvaluation result = SparkMissionEvaluator.builder(spark).engine(fewMissionsPerOwner())
                .partitions(3).build()
                .evaluate(SparkMissionEvaluator.read(spark, dir.resolve("csv").toString()))) {
            result.writeReport(dir.resolve("report.json"));
            assertThat(Files.readString(dir.resolve("report.json")))
                    .isEqualTo(singleMachine(fewMissionsPerOwner(), portfolio));
            assertTablesHold(result, expected);
        }
    }

    /** Every owner of the synthetic portfolios (five missions each) runs too many: portfolio-level findings. */
    private static MissionEngineBuilder fewMissionsPerOwner() {
        return MissionEngine.builder().parameter("portfolio.maxMissionsPerOwner", 3);
    }

    /** Row by row, in order: each mission's rating and score, its targets' statuses, every finding, the portfolio's last. */
    private static void assertTablesHold(SparkEvaluation result, EvaluationReport expected) {
        List<Row> missions = result.missions().collectAsList();
        assertThat(missions).extracting(r -> (String) r.getAs("id"))
                .containsExactlyElementsOf(expected.missions().stream().map(MissionReport::id).toList());
        assertThat(missions).extracting(r -> (Long) r.getAs("position"))
                .containsExactlyElementsOf(LongStream.range(0, missions.size()).boxed().toList());
        assertThat(missions).extracting(r -> (String) r.getAs("rating"))
                .containsExactlyElementsOf(expected.missions().stream().map(m -> m.rating().name()).toList());
        assertThat(missions).extracting(r -> (Double) r.getAs("score"))
                .containsExactlyElementsOf(expected.missions().stream().map(MissionReport::score).toList());
        assertThat(missions).extracting(r -> (String) r.getAs("report"))
                .containsExactlyElementsOf(expected.missions().stream()
                        .map(m -> new String(JsonReportWriter.render(m), StandardCharsets.UTF_8)).toList());

        assertThat(result.targets().collectAsList())
                .extracting(r -> r.getAs("mission") + "/" + r.getAs("seq") + " " + r.getAs("target") + " "
                        + r.getAs("status"))
                .containsExactlyElementsOf(expected.missions().stream().flatMap(m -> IntStream
                        .range(0, m.targets().size()).mapToObj(i -> m.id() + "/" + i + " " + m.targets().get(i).target()
                                + " " + m.targets().get(i).status())).toList());

        List<String> findings = new ArrayList<>();
        expected.missions().forEach(m -> m.findings().forEach(f -> findings.add(m.id() + " " + f.code() + " "
                + f.subject() + " " + f.message())));
        expected.findings().forEach(f -> findings.add("null " + f.code() + " " + f.subject() + " " + f.message()));
        assertThat(expected.findings()).isNotEmpty();
        assertThat(result.findings().collectAsList())
                .extracting(r -> r.getAs("mission") + " " + r.getAs("code") + " " + r.getAs("subject") + " "
                        + r.getAs("message"))
                .containsExactlyElementsOf(findings);
    }

    @Test
    void anAgencyRulePackGivesTheReportOfOneMachine() throws IOException {
        Portfolio portfolio = PortfolioFiles.read(SAMPLES.resolve("recovery-2020.json"));
        MissionEngineBuilder engine = MissionEngine.builder().rules(AGENCY);

        String report = onSpark(MissionEngine.builder().rules(AGENCY), portfolio, 2);

        assertThat(report).isEqualTo(singleMachine(engine, portfolio));
        assertThat(report).contains("\"pack\" : \"agency-example\"");
    }

    @Test
    void anAgencysDecisionTablesGiveTheReportOfOneMachine() throws IOException {
        // in the EU missions one rule reports two member states of one mission: the same code and subject twice, which
        // must come out in the same order from a partition's session as from the whole portfolio's
        Portfolio portfolio = PortfolioFiles.read(SAMPLES.resolve("cordis-eu-missions.json"));
        MissionEngineBuilder engine = MissionEngine.builder().rules(AGENCY_TABLES);

        String report = onSpark(MissionEngine.builder().rules(AGENCY_TABLES), portfolio, 2);

        assertThat(report).isEqualTo(singleMachine(engine, portfolio));
        assertThat(report).contains("Recipients in IE hold 24% of the mission's public funding",
                "Recipients in NL hold 20.24% of the mission's public funding");
    }

    @Test
    void aRuleFailingOnAnExecutorIsTheRuleExecutionExceptionOfOneMachine() throws IOException {
        Path rules = dir.resolve("failing.drl");
        Files.writeString(rules, """
                package agency.failing;
                import org.missionengine.model.*;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Divides by zero for one mission"
                when
                    $m : Mission( id == "M000007" )
                then
                    int zero = $m.projects().size() - $m.projects().size();
                    int broken = 1 / zero;
                end
                """);
        Portfolio portfolio = new SyntheticPortfolio(SyntheticPortfolio.Spec.of(20, 3)).build();
        RuleExecutionException one = catchThrowableOfType(RuleExecutionException.class,
                () -> singleMachine(MissionEngine.builder().rules(rules), portfolio));

        RuleExecutionException spread = catchThrowableOfType(RuleExecutionException.class,
                () -> onSpark(MissionEngine.builder().rules(rules), portfolio, 3));

        assertThat(one).isNotNull();
        assertThat(spread).isNotNull();
        assertThat(spread.rule()).isEqualTo("Divides by zero for one mission");
        assertThat(spread.getMessage()).startsWith(rules + ":5: rule \"Divides by zero for one mission\" on mission "
                + "\"M000007\": failed: ");
        assertThat(spread.getMessage()).isEqualTo(one.getMessage());
    }

    @Test
    void parquetTablesGiveTheReportOfTheFileTheyCameFrom() throws IOException {
        Portfolio portfolio = PortfolioFiles.read(SAMPLES.resolve("format-example.json"));
        PortfolioTables.writeCsv(portfolio, dir.resolve("csv"));
        Map<String, Dataset<Row>> csv = SparkMissionEvaluator.read(spark, dir.resolve("csv").toString());
        // the tables as a data lake keeps them: Parquet, one directory per table
        csv.forEach((name, frame) -> frame.write().parquet(dir.resolve("lake").resolve(name).toString()));

        SparkEvaluation result = SparkMissionEvaluator.builder(spark).partitions(2).build()
                .evaluate(SparkMissionEvaluator.read(spark, dir.resolve("lake").toString()));
        result.write(dir.resolve("out").toString());

        assertThat(Files.readString(dir.resolve("out").resolve("report.json")))
                .isEqualTo(singleMachine(MissionEngine.builder(), portfolio));
        List<Row> missions = spark.read().parquet(dir.resolve("out").resolve("missions").toString()).collectAsList();
        assertThat(missions).extracting(r -> r.getAs("id")).containsExactly("net-zero-city");
        List<Row> findings = spark.read().parquet(dir.resolve("out").resolve("findings").toString())
                .orderBy("position", "seq").collectAsList();
        assertThat(findings).extracting(r -> (String) r.getAs("code")).contains("CRIT_NARROW_ACTORS");
    }

    @Test
    void aRowOfAMissingMissionIsRefusedNamingTheTableRowAndColumn() throws IOException {
        Portfolio portfolio = PortfolioFiles.read(SAMPLES.resolve("format-example.json"));
        PortfolioTables.writeCsv(portfolio, dir);
        Path cashflows = dir.resolve("cashflows.csv");
        Files.writeString(cashflows, Files.readString(cashflows).replaceFirst("\"net-zero-city\"", "\"net-zero-town\""));

        InvalidPortfolioException refused = catchThrowableOfType(InvalidPortfolioException.class,
                () -> SparkMissionEvaluator.builder(spark).partitions(2).build()
                        .evaluate(SparkMissionEvaluator.read(spark, dir.toString())));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.describe()).isEqualTo(
                "cashflows: row mission=net-zero-town project=retrofit-1 seq=0, column project: project \"retrofit-1\" "
                        + "of mission \"net-zero-town\" is not in the projects table. Add it to projects, or correct "
                        + "the id."));
    }

    @Test
    void aParameterOrLoopTheDriverRefusesIsToldAtItsTableRow() throws IOException {
        Portfolio portfolio = PortfolioFiles.read(SAMPLES.resolve("format-example.json"));
        PortfolioTables.writeCsv(portfolio, dir);
        Files.writeString(dir.resolve("parameters.csv"), "name,value\nengine.timeout,5\n");

        InvalidPortfolioException limit = refusedTables();

        assertThat(limit).isNotNull();
        assertThat(limit.problems()).singleElement().satisfies(p -> assertThat(p.describe()).startsWith(
                "parameters: row name=engine.timeout: \"engine.timeout\" is an engine limit"));

        Files.writeString(dir.resolve("parameters.csv"), "name,value\n");
        Files.writeString(dir.resolve("spillovers.csv"), "seq,fromProject,fromSector,toSector,kind,intensity,"
                + "lagYears,evidence\n1,,A,B,,1.0,,\n2,,B,A,,1.0,,\n");

        InvalidPortfolioException loop = refusedTables();

        assertThat(loop).isNotNull();
        assertThat(loop.problems()).singleElement().satisfies(p -> assertThat(p.describe()).startsWith(
                "spillovers: row seq=2: the sector spillovers amplify without bound"));
    }

    /** What evaluating the tables in {@code dir} is refused with, or null when it is not. */
    private InvalidPortfolioException refusedTables() {
        return catchThrowableOfType(InvalidPortfolioException.class, () -> SparkMissionEvaluator.builder(spark)
                .partitions(2).build().evaluate(SparkMissionEvaluator.read(spark, dir.toString())));
    }
}
