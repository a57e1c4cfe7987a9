package org.missionengine.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import org.missionengine.internal.AtomicFiles;
import org.missionengine.io.JsonReportWriter;
import org.missionengine.io.ReportFiles;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.Finding;

/**
 * The result of a Spark evaluation: the missions, their targets and the findings as data frames (in the portfolio's
 * order, then the targets' and findings' own), the portfolio-level findings, and the {@code mission-report/1} report.
 * The missions are evaluated once and kept (memory and disk), already in the portfolio's order, until
 * {@link #close()}: each table and the report read them as they are, with no sort. On a local master the driver also
 * holds, until then, the portfolio's slices and the missions' rendered reports: close each evaluation once written.
 */
public final class SparkEvaluation implements AutoCloseable {
    private final SparkSession spark;
    private final Dataset<Row> results;
    private final EngineInfo engine;
    private final LocalDate asOf;
    private final List<Finding> portfolioFindings;
    /** The key of the {@link HeldReports} the missions' reports are in, or null: they are in {@code results}. */
    private final String reportsHeldAs;
    private final Runnable release;

    /**
     * {@code results}: rows of {@link MissionResults#RESULT}, partitions and rows in the portfolio's order;
     * {@code reportsHeldAs}: where the reports are when the rows do not carry them; {@code release}: what else to let
     * go of on {@link #close()} (what the results' partitions were computed from, the held reports).
     */
    SparkEvaluation(SparkSession spark, Dataset<Row> results, EngineInfo engine, LocalDate asOf,
                    List<Finding> portfolioFindings, String reportsHeldAs, Runnable release) {
        this.spark = spark;
        this.results = results;
        this.engine = engine;
        this.asOf = asOf;
        this.portfolioFindings = List.copyOf(portfolioFindings);
        this.reportsHeldAs = reportsHeldAs;
        this.release = release;
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
        Column report = col("report");
        if (reportsHeldAs != null) {
            String key = reportsHeldAs;
            report = udf((UDF1<Long, byte[]>) position -> HeldInDriver.get(key, HeldReports.class).get(position), DataTypes.BinaryType)
                    .apply(col("pos"));
        }
        return results.select(col("pos").as("position"), col("id"), col("title"), col("rating"), col("ratingReason"),
                col("score"), col("washingRisk"), col("evidence"), col("delivery"), col("design"), col("criteria"),
                col("findings"), report.cast(DataTypes.StringType).as("report"));
    }

    /**
     * One row per target of each mission: its status and trajectory, in the missions' and targets' order.
     *
     * @return the targets' frame; a figure that cannot be computed is null
     */
    public Dataset<Row> targets() {
        return nested("targetRows", MissionResults.TARGET);
    }

    /**
     * One row per finding, the missions' in their order and then the portfolio's (mission and position empty), each
     * in the report's order; the evidence as JSON.
     *
     * @return the findings' frame
     */
    public Dataset<Row> findings() {
        List<Row> portfolio = new ArrayList<>();
        for (int i = 0; i < portfolioFindings.size(); i++) {
            Row f = MissionResults.finding(i, ReportFiles.toJson(portfolioFindings.get(i)));
            Object[] cells = new Object[f.size() + 2];
            for (int c = 0; c < f.size(); c++) {
                cells[c + 2] = f.get(c);
            }
            portfolio.add(RowFactory.create(cells));
        }
        StructType schema = new StructType().add("position", DataTypes.LongType).add("mission", DataTypes.StringType);
        for (StructField field : MissionResults.FINDING.fields()) {
            schema = schema.add(field);
        }
        // the portfolio's findings written as the report writes them, so that the table and the report agree
        return nested("findingRows", MissionResults.FINDING).union(spark.createDataFrame(portfolio, schema)
                .coalesce(1));
    }

    /** The rows of a nested list of each mission, after the mission's position and id. */
    private Dataset<Row> nested(String list, StructType row) {
        List<Column> columns = new ArrayList<>(List.of(col("position"), col("mission")));
        for (String field : row.fieldNames()) {
            columns.add(col("row." + field).as(field));
        }
        return results.select(col("pos").as("position"), col("id").as("mission"), explode(col(list)).as("row"))
                .select(columns.toArray(Column[]::new));
    }

    /**
     * Writes the report as {@code mission-report/1} JSON, atomically: the report the single-machine CLI writes.
     *
     * @param file the report file, on the driver's file system
     */
    public void writeReport(Path file) {
        AtomicFiles.write(file, out -> {
            JsonReportWriter writer = ReportFiles.jsonWriter(out, engine, asOf);
            if (reportsHeldAs != null) {
                HeldReports held = HeldInDriver.get(reportsHeldAs, HeldReports.class);
                for (int i = 0; i < held.size(); i++) {
                    writer.acceptRendered(held.get(i));
                }
            } else {
                Iterator<Row> reports = results.select(col("report")).toLocalIterator();
                while (reports.hasNext()) {
                    writer.acceptRendered((byte[]) reports.next().get(0));
                }
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
        Path reportFile = Path.of(directory, "report.json");
        Map<String, Runnable> work = new LinkedHashMap<>();
        work.put("missions", () -> writeTable(missions(), directory + "/missions"));
        work.put("targets", () -> writeTable(targets(), directory + "/targets"));
        work.put("findings", () -> writeTable(findings(), directory + "/findings"));
        if (reportsHeldAs != null) {
            // reports the driver holds are written beside the tables: file output only, no Spark job
            work.put("report", () -> writeReport(reportFile));
        }
        Exception failure = concurrently(work);
        if (failure == null && reportsHeldAs == null) {
            writeReport(reportFile);
        }
        if (failure != null) {
            throw ExecutorFailure.rethrow(failure);
        }
    }

    private static void writeTable(Dataset<Row> table, String path) {
        table.write().mode(SaveMode.Overwrite).parquet(path);
    }

    /**
     * Runs each piece of work on a thread of its own and waits for all; returns the first failure, if any. The tables
     * are written at once, each a Spark job of its own: the tasks of one fill the cores the last tasks of another leave
     * idle, and the driver commits one table while the executors write the next.
     */
    private static Exception concurrently(Map<String, Runnable> work) {
        List<FutureTask<Void>> running = new ArrayList<>();
        work.forEach((name, piece) -> {
            FutureTask<Void> task = new FutureTask<>(piece, null);
            Thread thread = new Thread(task, "mission-engine-write-" + name);
            thread.setDaemon(true);
            thread.start();
            running.add(task);
        });
        Exception failure = null;
        for (FutureTask<Void> task : running) {
            try {
                task.get();
            } catch (ExecutionException e) { // a SparkException is a checked exception thrown undeclared
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                failure = failure != null ? failure : e.getCause() instanceof Exception c ? c : e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : e;
            }
        }
        return failure;
    }

    /** Releases the missions' results kept by Spark. */
    @Override
    public void close() {
        results.unpersist();
        release.run();
    }
}
