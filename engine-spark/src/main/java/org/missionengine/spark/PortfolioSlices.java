package org.missionengine.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

import org.missionengine.UserErrorException;
import org.missionengine.drools.SplitEvaluation;
import org.missionengine.io.JsonReportWriter;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Actor;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Spillover;

/**
 * A portfolio read on the driver, evaluated slice by slice on the executors. The driver cuts the missions, in the
 * portfolio's order, into slices of consecutive missions, each a portfolio of its own with what its missions refer
 * to (the metrics, parameters and sources, the actors their projects name, their observations and those shared by
 * all missions, the sector spillovers and those from their projects). To executors elsewhere it ships the slice as the
 * portfolio file it would be (on one line); executors in the driver's JVM (a local master) take the slice's records
 * from {@link HeldInDriver}. The slices need no shuffle (each holds its missions whole) and no sort (partition by partition, slice by slice,
 * they come back in the portfolio's order).
 */
final class PortfolioSlices implements FlatMapFunction<Iterator<PortfolioSlices.Slice>, Row> {
    private static final long serialVersionUID = 1L;
    /** Missions evaluated together at most: bounds what an executor holds at once, whatever its partition's size. */
    static final int MISSIONS_PER_SLICE = 500;
    private static final String NAME = "the portfolio slice.json";

    /**
     * Consecutive missions of the portfolio, from its {@code first}: as a portfolio file (UTF-8 JSON), or, for
     * executors in the driver's JVM, as the key it is held by ({@code file} null).
     */
    record Slice(long first, byte[] file, String heldAs) implements Serializable {
    }

    private final Broadcast<SplitEvaluation.Network> network;
    private final RuleSources rules;
    private final LocalDate asOf;
    /** The key of the {@link HeldReports} the rendered reports go to, or null: they go in the result rows. */
    private final String reportsHeldAs;

    PortfolioSlices(Broadcast<SplitEvaluation.Network> network, RuleSources rules, LocalDate asOf,
                    String reportsHeldAs) {
        this.network = network;
        this.rules = rules;
        this.asOf = asOf;
        this.reportsHeldAs = reportsHeldAs;
    }

    /**
     * Cuts a portfolio into at least {@code partitions} slices (more when that keeps each within
     * {@link #MISSIONS_PER_SLICE} missions), of about the same number of projects; none is empty. Held slices
     * ({@code held}) stay in {@link HeldInDriver} until released.
     */
    static List<Slice> of(Portfolio portfolio, int partitions, boolean held) {
        List<Mission> missions = portfolio.missions();
        long total = 0;
        for (Mission m : missions) {
            total += weight(m);
        }
        int count = Math.max(1, Math.max(partitions, (missions.size() + MISSIONS_PER_SLICE - 1) / MISSIONS_PER_SLICE));
        List<List<Mission>> cut = new ArrayList<>();
        List<Mission> current = new ArrayList<>();
        int index = 0;
        long before = 0;
        for (Mission m : missions) {
            int at = (int) Math.min(count - 1, before * count / Math.max(1, total));
            if (at > index && !current.isEmpty() || current.size() == MISSIONS_PER_SLICE) {
                cut.add(current);
                current = new ArrayList<>();
            }
            index = Math.max(index, at);
            current.add(m);
            before += weight(m);
        }
        if (!current.isEmpty() || cut.isEmpty()) {
            cut.add(current);
        }
        return slices(portfolio, cut, held);
    }

    /** A mission's share of the work: its projects, and one for the mission itself. */
    private static long weight(Mission m) {
        return 1L + m.projects().size();
    }

    private static List<Slice> slices(Portfolio portfolio, List<List<Mission>> cut, boolean held) {
        Map<String, Integer> sliceOfMission = new HashMap<>();
        Map<String, Integer> sliceOfProject = new HashMap<>();
        List<Set<Integer>> actorsOfSlice = new ArrayList<>();
        Map<String, Integer> actorIndex = new HashMap<>();
        for (int i = 0; i < portfolio.actors().size(); i++) {
            actorIndex.putIfAbsent(portfolio.actors().get(i).id(), i);
        }
        for (int s = 0; s < cut.size(); s++) {
            Set<Integer> actors = new TreeSet<>();
            for (Mission m : cut.get(s)) {
                sliceOfMission.put(m.id(), s);
                for (Project p : m.projects()) {
                    sliceOfProject.put(p.id(), s);
                    Integer actor = p.recipient() == null ? null : actorIndex.get(p.recipient());
                    if (actor != null) {
                        actors.add(actor);
                    }
                }
            }
            actorsOfSlice.add(actors);
        }
        // one pass each, keeping the portfolio's order: what all missions share goes to every slice
        List<List<Observation>> observations = lists(cut.size());
        for (Observation o : portfolio.observations()) {
            addTo(observations, o.mission() == null ? null : sliceOfMission.get(o.mission()), o);
        }
        List<List<Spillover>> spillovers = lists(cut.size());
        for (Spillover s : portfolio.spillovers()) {
            addTo(spillovers, s.fromProject() == null ? null : sliceOfProject.get(s.fromProject()), s);
        }
        long[] first = new long[cut.size()];
        for (int s = 1; s < cut.size(); s++) {
            first[s] = first[s - 1] + cut.get(s - 1).size();
        }
        // files written on the driver's cores at once: the executors wait for every slice before they start
        return IntStream.range(0, cut.size()).parallel().mapToObj(s -> {
            List<Actor> actors = new ArrayList<>();
            actorsOfSlice.get(s).forEach(i -> actors.add(portfolio.actors().get(i)));
            Portfolio slice = new Portfolio(portfolio.asOf(), portfolio.currency(), portfolio.metrics(), actors,
                    cut.get(s), observations.get(s), spillovers.get(s), portfolio.parameters(), portfolio.sources());
            return held ? new Slice(first[s], null, HeldInDriver.hold(slice))
                    : new Slice(first[s], PortfolioFiles.toCompactJson(slice), null);
        }).toList();
    }

    private static <T> List<List<T>> lists(int count) {
        List<List<T>> lists = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /** Adds to one slice's list, or to every slice's when {@code slice} is null (shared by all missions). */
    private static <T> void addTo(List<List<T>> lists, Integer slice, T value) {
        if (slice != null) {
            lists.get(slice).add(value);
        } else {
            lists.forEach(list -> list.add(value));
        }
    }

    /** Evaluates the slices of a partition one after the other, handing on each mission's result in order. */
    @Override
    public Iterator<Row> call(Iterator<Slice> slices) {
        SplitEvaluation engine = ExecutorEngines.get(rules);
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && slices.hasNext()) {
                    current = evaluate(engine, slices.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private List<Row> evaluate(SplitEvaluation engine, Slice slice) {
        try {
            Portfolio portfolio = slice.file() != null ? PortfolioFiles.read(slice.file(), NAME)
                    : HeldInDriver.get(slice.heldAs(), Portfolio.class);
            HeldReports reports = reportsHeldAs == null ? null : HeldInDriver.get(reportsHeldAs, HeldReports.class);
            List<Row> results = new ArrayList<>(portfolio.missions().size());
            engine.missions(portfolio, asOf, network.value(), report -> {
                long position = slice.first() + results.size();
                byte[] rendered = JsonReportWriter.render(report);
                if (reports != null) {
                    reports.put(position, rendered);
                }
                results.add(MissionResults.of(position, position, report, rendered, null, reports == null));
            });
            return results;
        } catch (UserErrorException e) {
            throw new ExecutorFailure(e);
        }
    }
}
