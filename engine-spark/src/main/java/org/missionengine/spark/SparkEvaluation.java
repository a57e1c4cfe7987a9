package org.missionengine.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.missionengine.internal.AtomicFiles;
import org.missionengine.io.JsonReportWriter;
import org.missionengine.io.ReportFiles;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.Finding;

/**
 * The result of a Spark evaluation: the missions, their targets and the findings as data frames (in the portfolio's
 * order, then the targets' and findings' own), the portfolio-level findings, and the {@code mission-report/1} report.
 * The missions are evaluated once and kept (memory and disk) until {@link #close()}.
 */
public final class SparkEvaluation implements AutoCloseable {
    private static final ObjectMapper TREES = new ObjectMapper();

    static final StructType MISSIONS = new StructType()
            .add("position", DataTypes.LongType).add("ord", DataTypes.LongType).add("id", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("rating", DataTypes.StringType).add("ratingReason", DataTypes.StringType)
            .add("score", DataTypes.DoubleType).add("washingRisk", DataTypes.DoubleType)
            .add("evidence", DataTypes.DoubleType).add("delivery", DataTypes.DoubleType)
            .add("design", DataTypes.DoubleType).add("criteria", DataTypes.StringType)
            .add("findings", DataTypes.IntegerType).add("report", DataTypes.StringType);
    static final StructType TARGETS = new StructType()
            .add("position", DataTypes.LongType).add("ord", DataTypes.LongType).add("mission", DataTypes.StringType)
            .add("seq", DataTypes.IntegerType).add("target", DataTypes.StringType).add("metric", DataTypes.StringType)
            .add("unit", DataTypes.StringType).add("status", DataTypes.StringType)
            .add("latestValue", DataTypes.DoubleType).add("latestDate", DataTypes.StringType)
            .add("goalValue", DataTypes.DoubleType).add("goalDate", DataTypes.StringType)
            .add("projected", DataTypes.DoubleType).add("gapClosure", DataTypes.DoubleType)
            .add("trendPerYear", DataTypes.DoubleType).add("requiredRatePerYear", DataTypes.DoubleType);
    static final StructType FINDINGS = new StructType()
            .add("position", DataTypes.LongType).add("ord", DataTypes.LongType).add("mission", DataTypes.StringType)
            .add("seq", DataTypes.IntegerType).add("code", DataTypes.StringType)
            .add("severity", DataTypes.StringType).add("category", DataTypes.StringType)
            .add("subject", DataTypes.StringType).add("message", DataTypes.StringType)
            .add("rule", DataTypes.StringType).add("pack", DataTypes.StringType)
            .add("evidence", DataTypes.StringType);

    private final SparkSession spark;
    private final Dataset<Row> results;
    private final EngineInfo engine;
    private final LocalDate asOf;
    private final List<Finding> portfolioFindings;

    SparkEvaluation(SparkSession spark, Dataset<Row> results, EngineInfo engine, LocalDate asOf,
                    List<Finding> portfolioFindings) {
        this.spark = spark;
        this.results = results;
        this.engine = engine;
        this.asOf = asOf;
        this.portfolioFindings = List.copyOf(portfolioFindings);
    }

    /**
     * What produced the evaluation: the report's {@code engine} block.
     *
     * @return the engine, its packs by hash, the parameters in force and the limits
     */
    public EngineInfo engine() {
        return engine;
    }

    /**
     * The evaluation date.
     *
     * @return the date the portfolio was evaluated as of
     */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * The findings of the portfolio-level rules.
     *
     * @return those findings, in report order
     */
    public List<Finding> portfolioFindings() {
        return portfolioFindings;
    }

    /**
     * One row per mission: its rating, scores and criteria, and its whole report as JSON, in the portfolio's order.
     *
     * @return the missions' frame; a score that cannot be computed is null
     */
    public Dataset<Row> missions() {
        return ordered().flatMap((FlatMapFunction<Row, Row>) row -> {
            JsonNode m = TREES.readTree(row.getString(2));
            return List.of(RowFactory.create(position(row), row.getLong(1), text(m, "id"), text(m, "title"), text(m, "rating"),
                    text(m, "ratingReason"), number(m, "score"), number(m, "washingRisk"), number(m, "evidence"),
                    number(m, "delivery"), number(m, "design"), m.has("criteria") ? m.get("criteria").toString() : null,
                    m.path("findings").size(), row.getString(2))).iterator();
        }, Encoders.row(MISSIONS)).orderBy(col("position").asc_nulls_last(), col("ord")).drop("ord");
    }

    /**
     * One row per target of each mission: its status and trajectory, in the missions' and targets' order.
     *
     * @return the targets' frame; a figure that cannot be computed is null
     */
    public Dataset<Row> targets() {
        return ordered().flatMap((FlatMapFunction<Row, Row>) row -> {
            JsonNode m = TREES.readTree(row.getString(2));
            List<Row> rows = new ArrayList<>();
            int seq = 0;
            for (JsonNode t : m.path("targets")) {
                rows.add(RowFactory.create(position(row), row.getLong(1), text(m, "id"), seq++, text(t, "target"), text(t, "metric"),
                        text(t, "unit"), text(t, "status"), number(t.path("latest"), "value"),
                        text(t.path("latest"), "date"), number(t.path("goal"), "value"), text(t.path("goal"), "date"),
                        number(t, "projected"), number(t, "gapClosure"), number(t, "trendPerYear"),
                        number(t, "requiredRatePerYear")));
            }
            return rows.iterator();
        }, Encoders.row(TARGETS)).orderBy(col("position").asc_nulls_last(), col("ord"), col("seq")).drop("ord");
    }

    /**
     * One row per finding, the missions' in their order and then the portfolio's (mission and position empty), each
     * in the report's order; the evidence as JSON.
     *
     * @return the findings' frame
     */
    public Dataset<Row> findings() {
        Dataset<Row> missionFindings = ordered().flatMap((FlatMapFunction<Row, Row>) row -> {
            JsonNode m = TREES.readTree(row.getString(2));
            List<Row> rows = new ArrayList<>();
            int seq = 0;
            for (JsonNode f : m.path("findings")) {
                rows.add(finding(position(row), row.getLong(1), text(m, "id"), seq++, f));
            }
            return rows.iterator();
        }, Encoders.row(FINDINGS));
        List<Row> portfolio = new ArrayList<>();
        for (int i = 0; i < portfolioFindings.size(); i++) {
            portfolio.add(finding(null, null, null, i, portfolioFindingTree(portfolioFindings.get(i))));
        }
        return missionFindings.unionByName(spark.createDataFrame(portfolio, FINDINGS))
                .orderBy(col("position").asc_nulls_last(), col("ord").asc_nulls_last(), col("seq")).drop("ord");
    }

    private static JsonNode portfolioFindingTree(Finding finding) {
        try {
            // written as the report writes it, so that the table and the report carry the same evidence
            return TREES.readTree(ReportFiles.toJson(finding));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Long position(Row row) {
        return row.isNullAt(0) ? null : row.getLong(0);
    }

    private static Row finding(Long position, Long ord, String mission, int seq, JsonNode f) {
        return RowFactory.create(position, ord, mission, seq, text(f, "code"), text(f, "severity"), text(f, "category"),
                text(f, "subject"), text(f, "message"), text(f, "rule"), text(f, "pack"),
                f.has("evidence") ? f.get("evidence").toString() : null);
    }

    /**
     * Each mission's position (its {@code seq} in the missions table: its place in the portfolio) and report, with
     * the order in which the rows came for missions without one.
     */
    private Dataset<Row> ordered() {
        return results.select(col("pos").as("position"), col("ord"), col("report"));
    }

    /**
     * Writes the report as {@code mission-report/1} JSON, atomically: the report the single-machine CLI writes.
     *
     * @param file the report file, on the driver's file system
     */
    public void writeReport(Path file) {
        AtomicFiles.write(file, out -> {
            JsonReportWriter writer = ReportFiles.jsonWriter(out, engine, asOf);
            Iterator<Row> reports = results.select(col("report")).orderBy(col("pos").asc_nulls_last(), col("ord"))
                    .toLocalIterator();
            while (reports.hasNext()) {
                writer.acceptJson(reports.next().getString(0));
            }
            writer.finish(portfolioFindings);
        });
    }

    /**
     * Writes {@code directory/missions}, {@code directory/targets} and {@code directory/findings} as Parquet (replacing
     * them) and {@code directory/report.json}.
     *
     * @param directory the output directory: Parquet goes wherever Spark writes, the report to the driver's file system
     */
    public void write(String directory) {
        try {
            missions().write().mode(SaveMode.Overwrite).parquet(directory + "/missions");
            targets().write().mode(SaveMode.Overwrite).parquet(directory + "/targets");
            findings().write().mode(SaveMode.Overwrite).parquet(directory + "/findings");
            writeReport(Path.of(directory, "report.json"));
        } catch (Exception e) { // SparkException, a checked exception thrown undeclared
            throw ExecutorFailure.rethrow(e);
        }
    }

    /** Releases the missions' results kept by Spark. */
    @Override
    public void close() {
        results.unpersist();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
}
