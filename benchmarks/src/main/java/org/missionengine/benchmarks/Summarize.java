package org.missionengine.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the result files of {@code scripts/benchmarks.sh} (JMH JSON, {@link Measure} JSON, hyperfine JSON) into the
 * Markdown tables of docs/performance.md: medians with min and max of every measurement, sizes, threads and JVM.
 *
 * <pre>java -cp benchmarks.jar org.missionengine.benchmarks.Summarize RESULTS_DIR</pre>
 */
public final class Summarize {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Summarize() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
        StringBuilder md = new StringBuilder();
        environment(dir, md);
        build(dir.resolve("jmh-build.json"), md);
        batch(dir, md);
        heap(dir, md);
        shared(dir.resolve("jmh-shared.json"), md);
        cli(dir.resolve("barbados.json"), md);
        monitor(dir, md);
        System.out.print(md);
    }

    private static void environment(Path dir, StringBuilder md) throws IOException {
        Path env = dir.resolve("environment.txt");
        md.append("Measured on: ").append(Files.exists(env) ? Files.readString(env).strip().replace("\n", "; ") : "?")
                .append(".\n\n");
        Path load = dir.resolve("load.txt");
        if (Files.exists(load)) {
            md.append("The machine is shared with other builds; the load average each measurement started with:\n\n");
            Files.readAllLines(load).forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
    }

    private static void build(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        md.append("### Engine build, built-in packs\n\n")
                .append("| measurement | median | min | max | samples |\n|---|---|---|---|---|\n");
        for (JsonNode run : JSON.readTree(file.toFile())) {
            String name = run.get("benchmark").asText();
            double[] v = raw(run);
            String what = name.endsWith(".cold") ? "first build in a fresh JVM (cold: class loading and JIT included)"
                    : "rebuild in a warm JVM";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d %s |%n", what, ms(median(v), run),
                    ms(min(v), run), ms(max(v), run), v.length, name.endsWith(".cold") ? "JVMs" : "iterations"));
        }
        md.append('\n');
    }

    private static void batch(Path dir, StringBuilder md) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (var list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.getFileName().toString().matches("jmh-batch.*\\.json")).toList()) {
                JSON.readTree(f.toFile()).forEach(runs::add);
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        runs.sort(java.util.Comparator.comparingInt((JsonNode r) -> r.get("params").get("projects").asInt())
                .thenComparingInt(r -> r.get("params").get("threads").asInt()));
        md.append("### Batch evaluation, all built-in packs (100 projects, 3 targets × 20 observations per mission)\n\n")
                .append("| projects | missions | threads | median | min | max | per 1,000 projects (median) | iterations |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (JsonNode run : runs) {
            int projects = run.get("params").get("projects").asInt();
            int threads = run.get("params").get("threads").asInt();
            double[] v = raw(run);
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %d | %s | %s | %s | %s | %d |%n", projects,
                    projects / 100, threads, seconds(median(v), run), seconds(min(v), run), seconds(max(v), run),
                    ms(median(v) * 1000.0 / projects, run), v.length));
        }
        md.append('\n');
    }

    private static void heap(Path dir, StringBuilder md) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().startsWith("measure-") && p.toString().endsWith(".json"))
                    .sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            return;
        }
        md.append("### Whole runs and heap (`Measure`, outside JMH: one JVM, the engine built once, then several runs)\n\n")
                .append("| run | projects | threads | -Xmx | GC | portfolio | report | first run (code not yet compiled) | later runs: "
                        + "median | min | max | GC time, later runs (median) | max heap in use after a GC | the portfolio "
                        + "alone |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Path f : files) {
            JsonNode m = JSON.readTree(f.toFile());
            double[] all = doubles(m.get("seconds"));
            double[] s = all.length > 1 ? Arrays.copyOfRange(all, 1, all.length) : all;
            double[] allGc = doubles(m.get("gcSeconds"));
            double[] gc = allGc.length > 1 ? Arrays.copyOfRange(allGc, 1, allGc.length) : allGc;
            String source = m.get("source").asText().equals("generated") ? "generated in memory"
                    : String.format(Locale.ROOT, "read from the file in %.1f s", m.get("readSeconds").asDouble());
            md.append(String.format(Locale.ROOT, "| %s | %,d | %d | %s | %s | %s | %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %,d MB | %,d MB |%n",
                    f.getFileName().toString().replace("measure-", "").replace(".json", ""),
                    m.get("projects").asLong(), m.get("threads").asInt(), m.get("xmx").asText(),
                    m.get("gc").asText().replace(" Young Generation + G1 Old Generation", "")
                            .replace("PS MarkSweep + PS Scavenge", "Parallel"), source,
                    m.path("report").asText("kept"), all[0], median(s), min(s), max(s), median(gc), m.get("maxAfterGcMb").asLong(),
                    m.get("portfolioMb").asLong()));
        }
        md.append('\n');
    }

    private static void shared(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode runs = JSON.readTree(file.toFile());
        double baseline = Double.NaN;
        List<String[]> rows = new ArrayList<>();
        for (JsonNode run : runs) {
            String name = run.get("benchmark").asText();
            String method = name.substring(name.lastIndexOf('.') + 1);
            double[] v = raw(run);
            if (method.equals("baseline")) {
                baseline = median(v);
            }
            rows.add(new String[] {method, ms(median(v), run), ms(min(v), run), ms(max(v), run),
                    String.valueOf(median(v)), run.get("params").get("projects").asText()});
        }
        // from the floor up: the baseline, one rule, the shared checks, everything
        List<String> order = List.of("baseline", "engineOneRule", "engineSharedChecks", "engineAllPacks");
        rows.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r[0]) < 0 ? order.size() : order.indexOf(r[0])));
        md.append("### The engine against the hand-written baseline (MW_REBRANDED, MW_NO_NEW_MONEY, MW_CAPTURED, "
                        + "CRIT_NARROW_SECTORS, target statuses; 1 thread)\n\n")
                .append("| what | projects | median | min | max | ratio to the baseline (medians) |\n|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            double ratio = Double.parseDouble(r[4]) / baseline;
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %.1f× |%n", describe(r[0]),
                    Integer.parseInt(r[5]), r[1], r[2], r[3], ratio));
        }
        md.append('\n');
    }

    private static String describe(String method) {
        return switch (method) {
            case "baseline" -> "hand-written baseline (plain Java loops)";
            case "engineSharedChecks" -> "engine, only the rules of the shared checks";
            case "engineOneRule" -> "engine, one rule on the mission alone (MW_NO_NEW_MONEY): the per-mission floor";
            case "engineAllPacks" -> "engine, all built-in packs";
            default -> method;
        };
    }

    private static void cli(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode r = JSON.readTree(file.toFile()).get("results").get(0);
        double[] times = doubles(r.get("times"));
        md.append("### Command line, end to end\n\n| command | median | min | max | runs |\n|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| `%s` | %.2f s | %.2f s | %.2f s | %d |%n%n",
                        r.get("command").asText(), median(times), min(times), max(times), times.length));
    }

    private static void monitor(Path dir, StringBuilder md) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches("monitor-.*\\.json")).sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            return;
        }
        md.append("### The monitor: one new observation (`MonitorLatency`)\n\n")
                .append("| projects loaded | collector | -Xmx | load time | updates | median | p99 | max | updates without a collection "
                        + "| their median | their p99 | their max |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Path f : files) {
            JsonNode m = JSON.readTree(f.toFile());
            md.append(String.format(Locale.ROOT, "| %,d | %s | %,d MB | %.1f s | %,d | %.1f µs | %,.1f µs | %,.1f µs | %,d "
                            + "| %.1f µs | %,.1f µs | %,.1f µs |%n", m.get("projects").asLong(), m.get("gc").asText()
                            .replace(" Young Generation + G1 Old Generation", "").replace(" Cycles + ZGC Pauses", ""),
                    m.get("xmxMb").asLong(), m.get("loadSeconds").asDouble(), m.get("updates").asInt(),
                    m.get("medianMicros").asDouble(), m.get("p99Micros").asDouble(), m.get("maxMicros").asDouble(),
                    m.get("quietUpdates").asInt(), m.path("quietMedianMicros").asDouble(Double.NaN),
                    m.path("quietP99Micros").asDouble(Double.NaN), m.path("quietMaxMicros").asDouble(Double.NaN)));
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------ numbers

    /** Every iteration's score of every fork. */
    private static double[] raw(JsonNode run) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : run.get("primaryMetric").get("rawData")) {
            fork.forEach(v -> values.add(v.asDouble()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Measure.median(sorted);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** A score in the run's unit, shown in milliseconds. */
    private static String ms(double value, JsonNode run) {
        double millis = toMillis(value, run);
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis)
                : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static String seconds(double value, JsonNode run) {
        return String.format(Locale.ROOT, "%.2f s", toMillis(value, run) / 1000);
    }

    private static double toMillis(double value, JsonNode run) {
        String unit = run.get("primaryMetric").get("scoreUnit").asText();
        return switch (unit.substring(0, unit.indexOf('/'))) {
            case "s" -> value * 1000;
            case "us" -> value / 1000;
            case "ns" -> value / 1e6;
            default -> value;
        };
    }
}
