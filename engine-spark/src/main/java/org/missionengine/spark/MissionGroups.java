package org.missionengine.spark;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.missionengine.UserErrorException;
import org.missionengine.drools.SplitEvaluation;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.tables.PortfolioTables;
import org.missionengine.tables.TableLayout;
import org.missionengine.tables.TableRows;

/**
 * Evaluates the missions of one partition on an executor. The partition holds the rows of its missions from every
 * table nested in a mission (and the observations and project spillovers that belong to them), sorted by mission;
 * the tables every mission may refer to (metrics, actors, shared observations, parameters) come broadcast. Missions
 * are evaluated a group at a time, each group read as a portfolio of its own and checked as a portfolio file is.
 */
final class MissionGroups implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Missions read and evaluated together: bounds the memory a partition takes whatever its size. */
    private static final int GROUP_SIZE = 500;
    private static final ObjectMapper TREES = new ObjectMapper();

    /** A row of the tables nested in missions: its mission, table, place in the input, and cells as text. */
    static final StructType INPUT = new StructType()
            .add("mission", DataTypes.StringType)
            .add("tbl", DataTypes.StringType)
            .add("ord", DataTypes.LongType)
            .add("cells", DataTypes.createArrayType(DataTypes.StringType));

    private final Broadcast<SharedTables> shared;
    private final Broadcast<SplitEvaluation.Network> network;
    private final RuleSources rules;
    private final LocalDate asOf;

    MissionGroups(Broadcast<SharedTables> shared, Broadcast<SplitEvaluation.Network> network, RuleSources rules,
                  LocalDate asOf) {
        this.shared = shared;
        this.network = network;
        this.rules = rules;
        this.asOf = asOf;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        try {
            SplitEvaluation engine = ExecutorEngines.get(rules);
            List<Row> results = new ArrayList<>();
            Map<String, List<Row>> group = new LinkedHashMap<>();
            String current = null;
            while (rows.hasNext()) {
                Row row = rows.next();
                String mission = row.getString(0);
                if (!mission.equals(current) && group.size() >= GROUP_SIZE) {
                    evaluate(engine, group, results);
                    group.clear();
                }
                current = mission;
                group.computeIfAbsent(mission, k -> new ArrayList<>()).add(row);
            }
            if (!group.isEmpty()) {
                evaluate(engine, group, results);
            }
            return results.iterator();
        } catch (UserErrorException e) {
            throw new ExecutorFailure(e);
        }
    }

    private void evaluate(SplitEvaluation engine, Map<String, List<Row>> group, List<Row> results) {
        SharedTables tables = shared.value();
        Map<String, List<String[]>> cells = new HashMap<>();
        Map<String, List<Long>> ords = new HashMap<>();
        for (List<Row> missionRows : group.values()) {
            for (Row row : missionRows) {
                String table = row.getString(1);
                cells.computeIfAbsent(table, k -> new ArrayList<>()).add(row.<String>getList(3).toArray(String[]::new));
                ords.computeIfAbsent(table, k -> new ArrayList<>()).add(row.getLong(2));
            }
        }
        Map<String, TableRows> portfolioTables = new LinkedHashMap<>();
        for (TableLayout.Table table : TableLayout.tables()) {
            List<String[]> rows = new ArrayList<>(cells.getOrDefault(table.name(), List.of()));
            List<String> labels = new ArrayList<>();
            rows.forEach(r -> labels.add(SharedTables.label(table, r)));
            switch (table.name()) {
                case "actors" -> tables.actorsOf(cells.getOrDefault("projects", List.of()), rows, labels);
                case "observations", "spillovers", "portfolio", "portfolio_sources", "parameters", "metrics" ->
                        tables.addShared(table, rows, labels);
                default -> {
                }
            }
            portfolioTables.put(table.name(), new TableRows(table, tables.source(table), tables.header(table), rows,
                    labels));
        }
        Portfolio portfolio = PortfolioTables.read(portfolioTables, "the portfolio tables");
        Map<String, Long> positions = new HashMap<>();
        Map<String, Long> order = new HashMap<>();
        List<String[]> missions = cells.getOrDefault("missions", List.of());
        for (int i = 0; i < missions.size(); i++) {
            String[] row = missions.get(i);
            positions.put(row[1], row[0] == null ? null : Long.parseLong(row[0].trim()));
            order.put(row[1], ords.get("missions").get(i));
        }
        Map<String, String> outlines = outlines(portfolio);
        engine.missions(portfolio, asOf, network.value(), report -> results.add(MissionResults.of(
                positions.get(report.id()), order.get(report.id()), report, outlines.get(report.id()))));
    }

    /**
     * Each mission as the portfolio-level rules see it: every field, its projects by id and status only (what the
     * built-in portfolio rules count), so that the driver holds one small record per project.
     */
    private static Map<String, String> outlines(Portfolio portfolio) {
        try {
            JsonNode tree = TREES.readTree(PortfolioFiles.toString(portfolio, "group.json"));
            Map<String, String> outlines = new HashMap<>();
            for (JsonNode mission : tree.path("missions")) {
                ObjectNode outline = ((ObjectNode) mission).deepCopy();
                if (mission.get("projects") instanceof ArrayNode projects) {
                    ArrayNode slim = outline.putArray("projects");
                    for (JsonNode project : projects) {
                        ObjectNode p = slim.addObject();
                        p.set("id", project.get("id"));
                        if (project.has("status")) {
                            p.set("status", project.get("status"));
                        }
                    }
                }
                outlines.put(mission.get("id").asText(), TREES.writeValueAsString(outline));
            }
            return outlines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot outline the missions: " + e.getMessage(), e);
        }
    }

    /** The ids of the actors the given projects' rows name as recipients. */
    static Set<String> recipients(List<String[]> projects) {
        int at = TableLayout.table("projects").allColumns().stream().map(TableLayout.Column::name).toList()
                .indexOf("recipient");
        Set<String> ids = new HashSet<>();
        projects.forEach(p -> {
            if (p[at] != null) {
                ids.add(p[at].trim());
            }
        });
        return ids;
    }
}
