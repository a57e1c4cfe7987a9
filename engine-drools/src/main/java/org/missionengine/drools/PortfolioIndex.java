package org.missionengine.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.missionengine.model.Actor;
import org.missionengine.model.Metric;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;

/**
 * What every mission of one evaluation looks up, indexed once per portfolio instead of searched once per mission:
 * metrics and actors by id, and the observations known on the evaluation date, as positions in the portfolio's list
 * (those narrowed to one mission by mission, the shared ones by metric). Read-only after construction, so the
 * threads of a batch share it.
 */
final class PortfolioIndex {
    private static final Comparator<Observation> BY_DATE = Comparator.comparing(Observation::date);
    private static final int[] NONE = new int[0];

    final Map<String, Metric> metrics;
    final Map<String, Actor> actors;
    private final List<Observation> observations;
    private final Map<String, int[]> byMission;
    private final Map<String, int[]> sharedByMetric;

    PortfolioIndex(Portfolio portfolio, LocalDate asOf) {
        this.metrics = portfolio.metricsById();
        this.actors = portfolio.actorsById();
        this.observations = portfolio.observations();
        Map<String, IntList> mission = new HashMap<>();
        Map<String, IntList> shared = new HashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (!o.date().isAfter(asOf)) {
                (o.mission() == null ? shared.computeIfAbsent(o.metric(), k -> new IntList())
                        : mission.computeIfAbsent(o.mission(), k -> new IntList())).add(i);
            }
        }
        this.byMission = trimmed(mission);
        this.sharedByMetric = trimmed(shared);
    }

    /**
     * The observations of these metrics that count for the mission and are known on the evaluation date, oldest
     * first; observations of the same date keep their order in the portfolio (the last one listed is the latest).
     */
    List<Observation> observations(String missionId, Set<String> metricIds) {
        int[] own = byMission.getOrDefault(missionId, NONE);
        int[] positions = new int[own.length];
        int n = 0;
        for (int position : own) {
            if (metricIds.contains(observations.get(position).metric())) {
                positions[n++] = position;
            }
        }
        boolean merged = false;
        if (!sharedByMetric.isEmpty()) {
            for (String metric : metricIds) {
                int[] shared = sharedByMetric.get(metric);
                if (shared != null) {
                    positions = Arrays.copyOf(positions, n + shared.length);
                    System.arraycopy(shared, 0, positions, n, shared.length);
                    n += shared.length;
                    merged = true;
                }
            }
        }
        if (merged) {
            Arrays.sort(positions, 0, n); // back to the portfolio's order before the stable sort by date
        }
        List<Observation> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(observations.get(positions[i]));
        }
        result.sort(BY_DATE);
        return result;
    }

    private static Map<String, int[]> trimmed(Map<String, IntList> lists) {
        Map<String, int[]> result = new HashMap<>(Math.max(16, lists.size() * 4 / 3 + 1));
        lists.forEach((key, list) -> result.put(key, Arrays.copyOf(list.values, list.size)));
        return result;
    }

    /** A growable list of ints. */
    private static final class IntList {
        int[] values = new int[8];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
