package org.missionengine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.missionengine.tables.TableLayout;

/**
 * What every mission may refer to, collected on the driver and broadcast: the portfolio row, its parameters and
 * sources, the metrics, the actors, the observations shared by all missions (no mission given) and the sector
 * spillovers. Cells are text in the layout's column order.
 */
final class SharedTables implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, ArrayList<String[]>> rows = new LinkedHashMap<>();
    private final LinkedHashMap<String, ArrayList<String>> labels = new LinkedHashMap<>();
    private final HashMap<String, String> sources = new HashMap<>();
    private final HashMap<String, Integer> actorRows = new HashMap<>();

    void put(TableLayout.Table table, List<String[]> tableRows, List<String> rowLabels) {
        rows.put(table.name(), new ArrayList<>(tableRows));
        labels.put(table.name(), new ArrayList<>(rowLabels));
        if (table.name().equals("actors")) {
            for (int i = 0; i < tableRows.size(); i++) {
                String id = tableRows.get(i)[1];
                actorRows.putIfAbsent(id == null ? null : id.trim(), i);
            }
        }
    }

    void source(String table, String source) {
        sources.put(table, source);
    }

    String source(TableLayout.Table table) {
        return sources.getOrDefault(table.name(), table.name());
    }

    List<String> header(TableLayout.Table table) {
        return table.allColumns().stream().map(TableLayout.Column::name).toList();
    }

    List<String[]> rows(String table) {
        return rows.getOrDefault(table, new ArrayList<>());
    }

    /** Adds the broadcast rows of a table (all of them) to a group's. */
    void addShared(TableLayout.Table table, List<String[]> groupRows, List<String> groupLabels) {
        groupRows.addAll(rows(table.name()));
        groupLabels.addAll(labels.getOrDefault(table.name(), new ArrayList<>()));
    }

    /** Adds the actors the group's projects name as recipients: the only ones its missions' sessions see. */
    void actorsOf(List<String[]> projects, List<String[]> groupRows, List<String> groupLabels) {
        Set<String> wanted = MissionGroups.recipients(projects);
        List<String[]> all = rows("actors");
        List<String> allLabels = labels.getOrDefault("actors", new ArrayList<>());
        wanted.stream().map(actorRows::get).filter(java.util.Objects::nonNull).sorted().forEach(i -> {
            groupRows.add(all.get(i));
            groupLabels.add(allLabels.get(i));
        });
    }

    /**
     * How a message names a row read from a data frame, which has no row numbers: by its keys and {@code seq}
     * ({@code row mission=m1 seq=3}), or for the tables of the portfolio itself by what identifies the row.
     */
    static String label(TableLayout.Table table, String[] cells) {
        List<TableLayout.Column> columns = table.allColumns();
        List<String> names = new ArrayList<>(table.keyColumns());
        names.add(TableLayout.SEQ);
        if (table.keyName() != null || table.parent() != null && table.parent().equals(TableLayout.PORTFOLIO)) {
            names.add("id");
        }
        if (table.name().equals(TableLayout.PARAMETERS)) {
            names.add("name"); // a parameter's row is known by its name
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (names.contains(columns.get(i).name()) && cells[i] != null) {
                parts.put(columns.get(i).name(), cells[i]);
            }
        }
        StringBuilder sb = new StringBuilder("row");
        parts.forEach((name, value) -> sb.append(' ').append(name).append('=').append(value));
        return sb.toString();
    }
}
