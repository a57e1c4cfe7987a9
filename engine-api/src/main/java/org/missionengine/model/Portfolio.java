package org.missionengine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.missionengine.InvalidPortfolioException;

/**
 * Everything evaluated together: missions with their projects, and the metrics, actors, observations and spillovers
 * they refer to by id. Construction checks every reference and id, and throws {@link InvalidPortfolioException}
 * listing each problem with its JSON path, so a {@code Portfolio} instance is always consistent.
 * {@code parameters} override rule thresholds by name.
 */
public record Portfolio(LocalDate asOf, String currency, List<Metric> metrics, List<Actor> actors,
                        List<Mission> missions, List<Observation> observations, List<Spillover> spillovers,
                        Map<String, Object> parameters, List<String> sources) {

    public Portfolio {
        metrics = Checks.list(metrics, "metrics");
        actors = Checks.list(actors, "actors");
        missions = Checks.list(missions, "missions");
        observations = Checks.list(observations, "observations");
        spillovers = Checks.list(spillovers, "spillovers");
        parameters = Checks.map(parameters, "parameters");
        sources = Checks.list(sources, "sources");
        var problems = new PortfolioChecks(metrics, actors, missions, observations, spillovers).problems();
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Metric> metric(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Actor> actor(String id) {
        return actors.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Mission> mission(String id) {
        return missions.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Map<String, Metric> metricsById() {
        return metrics.stream().collect(Collectors.toMap(Metric::id, Function.identity()));
    }

    public Map<String, Actor> actorsById() {
        return actors.stream().collect(Collectors.toMap(Actor::id, Function.identity()));
    }

    /** Returns a copy with more observations (for example from a CSV file). */
    public Portfolio withObservations(List<Observation> more) {
        List<Observation> all = new java.util.ArrayList<>(observations);
        all.addAll(more);
        return new Portfolio(asOf, currency, metrics, actors, missions, all, spillovers, parameters, sources);
    }

    /** Returns a copy with more spillovers (for example imported from an input-output table). */
    public Portfolio withSpillovers(List<Spillover> more) {
        List<Spillover> all = new java.util.ArrayList<>(spillovers);
        all.addAll(more);
        return new Portfolio(asOf, currency, metrics, actors, missions, observations, all, parameters, sources);
    }

    /** Returns a copy with one mission replaced (same id) or added. */
    public Portfolio withMission(Mission mission) {
        List<Mission> all = new java.util.ArrayList<>(missions);
        int i = indexOf(mission.id());
        if (i >= 0) {
            all.set(i, mission);
        } else {
            all.add(mission);
        }
        return new Portfolio(asOf, currency, metrics, actors, all, observations, spillovers, parameters, sources);
    }

    private int indexOf(String missionId) {
        for (int i = 0; i < missions.size(); i++) {
            if (missions.get(i).id().equals(missionId)) {
                return i;
            }
        }
        return -1;
    }

    public static final class Builder {
        private LocalDate asOf;
        private String currency = "EUR";
        private final List<Metric> metrics = new java.util.ArrayList<>();
        private final List<Actor> actors = new java.util.ArrayList<>();
        private final List<Mission> missions = new java.util.ArrayList<>();
        private final List<Observation> observations = new java.util.ArrayList<>();
        private final List<Spillover> spillovers = new java.util.ArrayList<>();
        private final Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        private final List<String> sources = new java.util.ArrayList<>();

        private Builder() {
        }

        public Builder asOf(LocalDate value) { this.asOf = value; return this; }
        public Builder currency(String value) { this.currency = value; return this; }
        public Builder metric(Metric value) { metrics.add(value); return this; }
        public Builder actor(Actor value) { actors.add(value); return this; }
        public Builder mission(Mission value) { missions.add(value); return this; }
        public Builder observation(Observation value) { observations.add(value); return this; }
        public Builder spillover(Spillover value) { spillovers.add(value); return this; }
        public Builder parameter(String name, Object value) { parameters.put(name, value); return this; }
        public Builder source(String value) { sources.add(value); return this; }

        public Portfolio build() {
            return new Portfolio(asOf, currency, metrics, actors, missions, observations, spillovers, parameters, sources);
        }
    }
}
