package org.missionengine.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import org.missionengine.EngineConfig;
import org.missionengine.InvalidPortfolioException;
import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;
import org.missionengine.Problem;
import org.missionengine.drools.SplitEvaluation;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.Finding;
import org.missionengine.tables.PortfolioTables;
import org.missionengine.tables.TableLayout;
import org.missionengine.tables.TableRows;

/**
 * Evaluates a portfolio kept as portfolio tables (docs/portfolio-tables.md) on Apache Spark, with the result a
 * single-machine evaluation gives: the missions are grouped by id and evaluated on the executors, each executor
 * building the engine once from the rule sources; the sector spillover network is computed once on the driver and
 * broadcast; the portfolio-level rules run once on the driver, over an outline of every mission collected from the
 * executors (or, for a portfolio read on the driver, over that portfolio).
 *
 * <pre>{@code
 * SparkEvaluation result = SparkMissionEvaluator.builder(spark)
 *         .engine(MissionEngine.builder().rules(Path.of("rules/agency")).parameter("crossCutting.minSectors", 4))
 *         .partitions(64)
 *         .build()
 *         .evaluate(Path.of("s3a://lake/portfolio"));
 * result.findings().show();
 * }</pre>
 */
public final class SparkMissionEvaluator {
    /** How messages name a portfolio given as tables, where a problem is not tied to a row. */
    private static final String TABLES = "the portfolio tables";
    /** A system property: true ships slices as files on a local master too (see {@link Builder#slicesAsFiles}). */
    static final String SLICES_AS_FILES = "missionengine.spark.slicesAsFiles";
    private static final ObjectMapper TREES = new ObjectMapper();
    /** The tables nested in a mission, and how their rows name their mission. */
    private static final List<String> SHARED = List.of(TableLayout.PORTFOLIO, "portfolio_sources",
            TableLayout.PARAMETERS, "metrics", "actors");

    private final SparkSession spark;
    private final EngineConfig config;
    private final int partitions;
    private final LocalDate asOf;
    private final boolean slicesAsFiles;

    private SparkMissionEvaluator(Builder builder) {
        this.spark = builder.spark;
        this.config = builder.engine.config();
        this.partitions = builder.partitions;
        this.asOf = builder.asOf;
        this.slicesAsFiles = builder.slicesAsFiles;
    }

    /**
     * The options of an evaluation on a Spark session.
     *
     * @param spark the session the missions are evaluated on
     * @return a builder with the built-in rules, Spark's default parallelism and the portfolio's own date
     */
    public static Builder builder(SparkSession spark) {
        return new Builder(spark);
    }

    /** The options of an evaluation: the engine's configuration, the number of partitions, the evaluation date. */
    public static final class Builder {
        private final SparkSession spark;
        private MissionEngineBuilder engine = MissionEngine.builder();
        private int partitions;
        private LocalDate asOf;
        private boolean slicesAsFiles = Boolean.getBoolean(SLICES_AS_FILES);

        private Builder(SparkSession spark) {
            this.spark = Objects.requireNonNull(spark, "spark");
        }

        /**
         * Ships each slice as a portfolio file even to executors in the driver's JVM, as to executors elsewhere: what
         * a cluster does, for tests and for measuring it on one machine. The default is the system property
         * {@value SparkMissionEvaluator#SLICES_AS_FILES}, else false.
         */
        Builder slicesAsFiles(boolean value) {
            this.slicesAsFiles = value;
            return this;
        }

        /**
         * The engine's configuration (rule files, disabled rules, parameters, severities), as for one machine.
         *
         * @param value the builder the engine would be built with
         * @return this builder
         */
        public Builder engine(MissionEngineBuilder value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * The number of partitions the missions are spread over; 0 (the default): for a portfolio read on the driver, one
         * per slice of consecutive missions (at least Spark's default parallelism, at most 500 missions each), for
         * portfolio tables Spark's default parallelism.
         *
         * @param value 0 or more
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is negative
         */
        public Builder partitions(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("partitions must be 0 (Spark's default) or more, got " + value);
            }
            this.partitions = value;
            return this;
        }

        /**
         * The evaluation date; by default the portfolio's asOf, else today.
         *
         * @param value the date, or null for the default
         * @return this builder
         */
        public Builder asOf(LocalDate value) {
            this.asOf = value;
            return this;
        }

        /**
         * Builds the evaluator; its rules are compiled on each executor as it first evaluates.
         *
         * @return the evaluator
         */
        public SparkMissionEvaluator build() {
            return new SparkMissionEvaluator(this);
        }
    }

    /**
     * Evaluates a portfolio read on the driver (from a portfolio file, say): cut into slices of consecutive missions,
     * each shipped with what its missions refer to, so that nothing is shuffled or sorted; the portfolio-level rules
     * run on the driver over the portfolio itself, as on one machine.
     *
     * @param portfolio the portfolio
     * @return the evaluation, whose frames Spark computes when they are used
     */
    public SparkEvaluation evaluate(Portfolio portfolio) {
        LocalDate date = asOf != null ? asOf : portfolio.asOf() != null ? portfolio.asOf() : LocalDate.now();
        RuleSources rules = new RuleSources(config);
        SplitEvaluation driver = ExecutorEngines.get(rules); // in local mode the executors share it
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SplitEvaluation.Network> network = context.broadcast(SplitEvaluation.network(portfolio));
        // executors in this JVM take the slices' records as they are; others get each as a portfolio file
        boolean held = spark.sparkContext().isLocal() && !slicesAsFiles;
        List<PortfolioSlices.Slice> slices = PortfolioSlices.of(portfolio, partitions(), held);
        // and their reports stay here for the report file and the missions table
        String reports = held ? HeldInDriver.hold(new HeldReports(portfolio.missions().size())) : null;
        List<String> heldKeys = Stream.concat(slices.stream().map(PortfolioSlices.Slice::heldAs), Stream.of(reports))
                .filter(Objects::nonNull).toList();
        Runnable release = () -> HeldInDriver.release(heldKeys);
        // by default a partition per slice: a task then holds one slice (500 missions at most), not its share of the
        // portfolio, which kept the heap full at 1M projects (107 s on local[2] with 2 partitions, 84 s with 20)
        int n = partitions > 0 ? partitions : slices.size();
        JavaRDD<Row> rows = context.parallelize(slices, n)
                .mapPartitions(new PortfolioSlices(network, rules, date, reports));
        Dataset<Row> results = spark.createDataFrame(rows, MissionResults.RESULT)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            results.count(); // the missions evaluated now: a failing rule fails evaluate(), as on one machine
            List<Finding> portfolioFindings = driver.portfolioFindings(portfolio, date);
            return new SparkEvaluation(spark, results, driver.info(portfolio), date, portfolioFindings, reports,
                    release);
        } catch (Exception e) { // SparkException, a checked exception thrown undeclared
            results.unpersist();
            release.run();
            throw ExecutorFailure.rethrow(e);
        }
    }

    private int partitions() {
        return partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
    }

    /**
     * Evaluates the tables in a directory: {@code NAME.csv} (with a header), else {@code NAME.parquet} or a Parquet
     * directory {@code NAME}; a table with none of them has no rows.
     *
     * @param directory the directory of the portfolio tables
     * @return the evaluation
     * @throws InvalidPortfolioException naming the directory, or the table, row and column of a bad cell
     */
    public SparkEvaluation evaluate(Path directory) {
        return evaluate(read(spark, directory.toString()));
    }

    /**
     * Reads the portfolio tables of a directory (any file system Spark reads) as data frames, by table name.
     *
     * @param spark     the session
     * @param directory the directory, as Spark names it ({@code hdfs://...}, {@code s3a://...} or a local path)
     * @return each table found, by name
     * @throws InvalidPortfolioException when the directory is missing, unreadable or holds no portfolio table
     */
    public static Map<String, Dataset<Row>> read(SparkSession spark, String directory) {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(directory);
        Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
        try {
            org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.isDirectory(dir)) {
                throw new InvalidPortfolioException(List.of(new Problem(directory, null, fs.exists(dir)
                        ? "not a directory" : "directory not found", "Give the directory holding the portfolio "
                        + "tables (missions.parquet, projects.parquet, ... or missions.csv, projects.csv, ...).")));
            }
            for (TableLayout.Table table : TableLayout.tables()) {
                org.apache.hadoop.fs.Path csv = new org.apache.hadoop.fs.Path(dir, table.name() + ".csv");
                org.apache.hadoop.fs.Path parquet = new org.apache.hadoop.fs.Path(dir, table.name() + ".parquet");
                org.apache.hadoop.fs.Path plain = new org.apache.hadoop.fs.Path(dir, table.name());
                if (fs.exists(csv)) {
                    frames.put(table.name(), spark.read().option("header", "true").option("multiLine", "true")
                            .option("escape", "\"").csv(csv.toString()));
                } else if (fs.exists(parquet)) {
                    frames.put(table.name(), spark.read().parquet(parquet.toString()));
                } else if (fs.exists(plain)) {
                    frames.put(table.name(), spark.read().parquet(plain.toString()));
                }
            }
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(new Problem(directory, null, "cannot read the directory: "
                    + e.getMessage(), "Check the path and that Spark can read it.")));
        }
        if (frames.isEmpty()) {
            throw new InvalidPortfolioException(List.of(new Problem(directory, null, "no portfolio table in the "
                    + "directory", "Write the tables as docs/portfolio-tables.md describes: missions, projects, ...")));
        }
        return frames;
    }

    /**
     * Evaluates portfolio tables given as data frames, by table name (a table left out has no rows). Columns are
     * read as text, so any column type that prints as the layout's values will do (Parquet's own types, or text).
     *
     * @param tables the portfolio tables, by table name
     * @return the evaluation
     * @throws InvalidPortfolioException for a bad table, naming the table, the row and the column
     * @throws org.missionengine.RuleExecutionException when a rule fails, as on one machine
     */
    public SparkEvaluation evaluate(Map<String, Dataset<Row>> tables) {
        List<Problem> problems = new ArrayList<>();
        tables.forEach((name, frame) -> {
            if (!TableLayout.tables().stream().anyMatch(t -> t.name().equals(name))) {
                problems.add(new Problem(name, null, "not a portfolio table", "The tables are " + String.join(", ",
                        TableLayout.tables().stream().map(TableLayout.Table::name).toList()) + "."));
            } else {
                problems.addAll(PortfolioTables.headerProblems(TableLayout.table(name), name,
                        Arrays.asList(frame.columns())));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems);
        }
        Map<String, Dataset<Row>> text = new LinkedHashMap<>();
        tables.forEach((name, frame) -> text.put(name, asText(TableLayout.table(name), frame)));

        SharedTables shared = collectShared(text);
        Map<String, TableRows> sharedTables = sharedTables(shared);
        Portfolio base = PortfolioTables.read(sharedTables, TABLES);
        LocalDate date = asOf != null ? asOf : base.asOf() != null ? base.asOf() : LocalDate.now();
        RuleSources rules = new RuleSources(config);
        SplitEvaluation driver = ExecutorEngines.get(rules); // in local mode the executors share it
        SplitEvaluation.Network network;
        try { // what the driver refuses is told at the table row it comes from, as a bad cell is
            driver.checkParameters(base, date);
            network = SplitEvaluation.network(base);
        } catch (InvalidPortfolioException e) {
            throw new InvalidPortfolioException(PortfolioTables.locate(e.problems(), sharedTables, TABLES));
        }
        refuseAcrossMissions(text);

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SharedTables> sharedBroadcast = context.broadcast(shared);
        Broadcast<SplitEvaluation.Network> networkBroadcast = context.broadcast(network);
        int n = partitions();
        Dataset<Row> evaluated = missionRows(text).repartition(n, col("mission"))
                .sortWithinPartitions(col("mission"), col("tbl"), col("ord"))
                .mapPartitions(new MissionGroups(sharedBroadcast, networkBroadcast, rules, date),
                        Encoders.row(MissionResults.RESULT))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> results = null;
        try {
            Portfolio outline = outline(base, evaluated);
            List<Finding> portfolioFindings = driver.portfolioFindings(outline, date);
            // put in the portfolio's order once, into as many partitions, for every output to read as it is
            Column[] order = {col("pos").asc_nulls_last(), col("ord").asc()};
            results = evaluated.drop("outline").repartitionByRange(n, order).sortWithinPartitions(order)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            results.count();
            return new SparkEvaluation(spark, results, driver.info(base), date, portfolioFindings, null, () -> { });
        } catch (Exception e) { // SparkException, a checked exception thrown undeclared
            if (results != null) {
                results.unpersist();
            }
            throw ExecutorFailure.rethrow(e);
        } finally {
            evaluated.unpersist();
        }
    }

    /** Every column cast to text, in the layout's order. */
    private static Dataset<Row> asText(TableLayout.Table table, Dataset<Row> frame) {
        Column[] columns = table.allColumns().stream().map(c -> col("`" + c.name() + "`").cast(DataTypes.StringType)
                .as(c.name())).toArray(Column[]::new);
        return frame.select(columns);
    }

    /** Collects the tables every mission may refer to; observations and spillovers only their shared part. */
    private static SharedTables collectShared(Map<String, Dataset<Row>> tables) {
        SharedTables shared = new SharedTables();
        for (TableLayout.Table table : TableLayout.tables()) {
            Dataset<Row> frame = tables.get(table.name());
            if (frame == null) {
                shared.put(table, List.of(), List.of());
                continue;
            }
            shared.source(table.name(), table.name());
            if (table.name().equals("observations")) {
                frame = frame.filter(col("mission").isNull());
            } else if (table.name().equals("spillovers")) {
                frame = frame.filter(col("fromProject").isNull());
            } else if (!SHARED.contains(table.name())) {
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            for (Row row : frame.collectAsList()) {
                String[] cells = new String[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = row.isNullAt(i) ? null : row.getString(i);
                }
                rows.add(cells);
            }
            List<String> labels = new ArrayList<>();
            rows.forEach(r -> labels.add(SharedTables.label(table, r)));
            shared.put(table, rows, labels);
        }
        return shared;
    }

    private static Map<String, TableRows> sharedTables(SharedTables shared) {
        Map<String, TableRows> tables = new LinkedHashMap<>();
        for (String name : List.of(TableLayout.PORTFOLIO, "portfolio_sources", TableLayout.PARAMETERS, "metrics",
                "actors", "observations", "spillovers")) {
            TableLayout.Table table = TableLayout.table(name);
            List<String[]> rows = shared.rows(name);
            List<String> labels = new ArrayList<>();
            rows.forEach(r -> labels.add(SharedTables.label(table, r)));
            tables.put(name, new TableRows(table, shared.source(table), shared.header(table), rows, labels));
        }
        return tables;
    }

    /**
     * What no group of missions can see alone: a project id used twice across missions, a spillover from a project
     * that is not in the projects table.
     */
    private static void refuseAcrossMissions(Map<String, Dataset<Row>> tables) {
        List<Problem> problems = new ArrayList<>();
        Dataset<Row> projects = tables.get("projects");
        if (projects != null) {
            for (Row row : projects.filter(col("id").isNotNull()).groupBy(col("id")).count()
                    .filter(col("count").gt(1)).orderBy(col("id"))
                    .limit(20).collectAsList()) {
                problems.add(new Problem("projects", "row id=" + row.getString(0) + ", column id",
                        "duplicate project id \"" + row.getString(0) + "\" (" + row.getLong(1) + " rows)",
                        "Give each project its own id across the portfolio: spillovers name projects by id."));
            }
        }
        Dataset<Row> spillovers = tables.get("spillovers");
        if (spillovers != null) {
            Dataset<Row> fromProjects = spillovers.filter(col("fromProject").isNotNull());
            Dataset<Row> dangling = projects == null ? fromProjects : fromProjects.join(projects.select(col("id")
                    .as("project_id")), col("fromProject").equalTo(col("project_id")), "left_anti");
            for (Row row : dangling.limit(20).collectAsList()) {
                String from = row.getString(row.fieldIndex("fromProject"));
                problems.add(new Problem("spillovers", SharedTables.label(TableLayout.table("spillovers"),
                        cells(row)) + ", column fromProject", "unknown project \"" + from + "\"",
                        "Name a project of the projects table, or give the spillover a fromSector instead."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems);
        }
    }

    private static String[] cells(Row row) {
        String[] cells = new String[row.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = row.isNullAt(i) ? null : String.valueOf(row.get(i));
        }
        return cells;
    }

    /**
     * The rows of every table nested in a mission, each with its mission's id, and the observations and project
     * spillovers of a mission, in one frame: grouped by mission, they are what a mission's evaluation reads.
     */
    private static Dataset<Row> missionRows(Map<String, Dataset<Row>> tables) {
        List<Dataset<Row>> parts = new ArrayList<>();
        for (TableLayout.Table table : TableLayout.tables()) {
            Dataset<Row> frame = tables.get(table.name());
            if (frame == null) {
                continue;
            }
            Column mission;
            if (table.name().equals("missions")) {
                mission = col("id");
            } else if (table.keyColumns().contains("mission")) {
                mission = col("mission");
            } else if (table.name().equals("observations")) {
                frame = frame.filter(col("mission").isNotNull());
                mission = col("mission");
            } else if (table.name().equals("spillovers")) {
                Dataset<Row> projects = tables.get("projects");
                if (projects == null) {
                    continue; // refused above if any spillover names a project
                }
                frame = frame.filter(col("fromProject").isNotNull()).join(projects.select(col("id").as("of_project"),
                        col("mission").as("of_mission")), col("fromProject").equalTo(col("of_project")), "inner");
                mission = col("of_mission");
            } else {
                continue;
            }
            Column[] cells = table.allColumns().stream().map(c -> col("`" + c.name() + "`")).toArray(Column[]::new);
            parts.add(frame.select(mission.as("mission"), lit(table.name()).as("tbl"),
                    monotonically_increasing_id().as("ord"), array(cells).as("cells")));
        }
        Dataset<Row> all = parts.get(0);
        for (Dataset<Row> part : parts.subList(1, parts.size())) {
            all = all.unionByName(part);
        }
        // a row without a mission id is refused by the group that holds it
        return all.na().fill("", new String[] {"mission"});
    }

    /**
     * The portfolio the portfolio-level rules see: the shared tables' records, and every mission in the portfolio's
     * order as the executors outlined it.
     */
    private static Portfolio outline(Portfolio base, Dataset<Row> results) {
        try {
            ObjectNode tree = (ObjectNode) TREES.readTree(PortfolioFiles.toString(base, "base.json"));
            ArrayNode missions = tree.putArray("missions");
            // collected at once: the tree holds every outline anyway, and a job that fails (a bad row, a failing rule)
            // then leaves no partition fetch behind to be refused while Spark stops; put in order here, not by a
            // sort in Spark, whose shuffle would cost more than the outlines
            List<Row> outlines = new ArrayList<>(results.select(col("pos"), col("ord"), col("outline")).collectAsList());
            outlines.sort(Comparator.comparing((Row r) -> r.isNullAt(0) ? null : r.getLong(0),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(r -> r.getLong(1)));
            for (Row row : outlines) {
                missions.add(TREES.readTree(row.getString(2)));
            }
            return PortfolioFiles.read(TREES.writeValueAsBytes(tree), "the portfolio tables.json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot outline the portfolio: " + e.getMessage(), e);
        }
    }
}
