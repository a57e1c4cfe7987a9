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
 *
 * @param asOf         the default evaluation date; null when the file gives none (the caller then picks one)
 * @param currency     the currency every amount is in, such as {@code EUR}; null when not recorded
 * @param metrics      what the missions measure
 * @param actors       who receives money or carries projects out
 * @param missions     the missions, each with its projects
 * @param observations measured values of the metrics over time
 * @param spillovers   value that flows from a project or sector into another sector
 * @param parameters   rule thresholds by name, overriding the packs' defaults (e.g. {@code crossCutting.minSectors})
 * @param sources      where the portfolio's data come from
 */
public record Portfolio(LocalDate asOf, String currency, List<Metric> metrics, List<Actor> actors,
                        List<Mission> missions, List<Observation> observations, List<Spillover> spillovers,
                        Map<String, Object> parameters, List<String> sources) {

    /**
     * Copies the lists and checks every id and reference; a null list or map is empty.
     *
     * @param asOf         the default evaluation date, or null
     * @param currency     the currency of every amount, or null
     * @param metrics      the metrics; null for none
     * @param actors       the actors; null for none
     * @param missions     the missions; null for none
     * @param observations the observations; null for none
     * @param spillovers   the spillovers; null for none
     * @param parameters   rule thresholds by name; null for none
     * @param sources      the data sources; null for none
     * @throws InvalidPortfolioException listing each problem with its JSON path: a duplicate id, a reference to an id
     *                                   that does not exist, a value outside its metric's bounds, a spillover network that
     *                                   amplifies without bound, ...
     * @throws InvalidFieldException     naming the field when a list holds a null entry or a parameter has no value
     */
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

    /**
     * A builder that adds one item at a time.
     *
     * @return a builder of an empty portfolio in EUR
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A metric by id.
     *
     * @param id the metric's id
     * @return the metric, or empty when the portfolio has none of that id
     */
    public Optional<Metric> metric(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * An actor by id.
     *
     * @param id the actor's id
     * @return the actor, or empty when the portfolio has none of that id
     */
    public Optional<Actor> actor(String id) {
        return actors.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * A mission by id.
     *
     * @param id the mission's id
     * @return the mission, or empty when the portfolio has none of that id
     */
    public Optional<Mission> mission(String id) {
        return missions.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * The metrics by id, for code that looks up many.
     *
     * @return a new map from each metric's id to the metric
     */
    public Map<String, Metric> metricsById() {
        return metrics.stream().collect(Collectors.toMap(Metric::id, Function.identity()));
    }

    /**
     * The actors by id, for code that looks up many.
     *
     * @return a new map from each actor's id to the actor
     */
    public Map<String, Actor> actorsById() {
        return actors.stream().collect(Collectors.toMap(Actor::id, Function.identity()));
    }

    /**
     * A copy with more observations (for example from a CSV file).
     *
     * @param more the observations to add after the portfolio's own
     * @return the copy, checked as a new portfolio is
     */
    public Portfolio withObservations(List<Observation> more) {
        List<Observation> all = new java.util.ArrayList<>(observations);
        all.addAll(more);
        return new Portfolio(asOf, currency, metrics, actors, missions, all, spillovers, parameters, sources);
    }

    /**
     * A copy with more spillovers (for example imported from an input-output table).
     *
     * @param more the spillovers to add after the portfolio's own
     * @return the copy, checked as a new portfolio is: an amplifying network is refused
     */
    public Portfolio withSpillovers(List<Spillover> more) {
        List<Spillover> all = new java.util.ArrayList<>(spillovers);
        all.addAll(more);
        return new Portfolio(asOf, currency, metrics, actors, missions, observations, all, parameters, sources);
    }

    /**
     * A copy with one mission replaced (same id) or added at the end.
     *
     * @param mission the mission
     * @return the copy, checked as a new portfolio is
     */
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

    /**
     * Builds a {@link Portfolio}, one item at a time; the currency is EUR until set.
     */
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

        /**
         * The default evaluation date.
         *
         * @param value the date
         * @return this builder
         */
        public Builder asOf(LocalDate value) { this.asOf = value; return this; }

        /**
         * The currency of every amount; EUR until set.
         *
         * @param value the currency's code
         * @return this builder
         */
        public Builder currency(String value) { this.currency = value; return this; }

        /**
         * Adds a metric.
         *
         * @param value the metric
         * @return this builder
         */
        public Builder metric(Metric value) { metrics.add(value); return this; }

        /**
         * Adds an actor.
         *
         * @param value the actor
         * @return this builder
         */
        public Builder actor(Actor value) { actors.add(value); return this; }

        /**
         * Adds a mission.
         *
         * @param value the mission
         * @return this builder
         */
        public Builder mission(Mission value) { missions.add(value); return this; }

        /**
         * Adds an observation.
         *
         * @param value the observation
         * @return this builder
         */
        public Builder observation(Observation value) { observations.add(value); return this; }

        /**
         * Adds a spillover.
         *
         * @param value the spillover
         * @return this builder
         */
        public Builder spillover(Spillover value) { spillovers.add(value); return this; }

        /**
         * Sets a rule threshold, as a portfolio file's {@code parameters} do.
         *
         * @param name  the parameter's name, such as {@code crossCutting.minSectors}
         * @param value its value: a number, a boolean or a string
         * @return this builder
         */
        public Builder parameter(String name, Object value) { parameters.put(name, value); return this; }

        /**
         * Adds a data source.
         *
         * @param value where data come from
         * @return this builder
         */
        public Builder source(String value) { sources.add(value); return this; }

        /**
         * Builds the portfolio.
         *
         * @return the portfolio
         * @throws InvalidPortfolioException listing each problem with its JSON path
         */
        public Portfolio build() {
            return new Portfolio(asOf, currency, metrics, actors, missions, observations, spillovers, parameters, sources);
        }
    }
}
