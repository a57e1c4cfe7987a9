package org.missionengine.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Budget;
import org.missionengine.model.Cashflow;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.DatedValue;
import org.missionengine.model.Direction;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.Governance;
import org.missionengine.model.Instrument;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;
import org.missionengine.model.Revision;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;
import org.missionengine.model.Target;

/**
 * A deterministic synthetic portfolio: the same {@link Spec} (seed included) always gives the same portfolio, in
 * memory ({@link #build()}) or as a file ({@link #write(Path)}), on any machine.
 *
 * <p>Most missions are sound: several sectors and kinds of recipient, new money, conditions on money to business,
 * outcome targets observed since launch. A share of them ({@link Spec#washingShare()}) carries one to three
 * mission-washing patterns: rebranded programmes, no new money, a captured recipient, narrow sectors, a
 * business-as-usual target, moved goalposts, unconditioned money, a siloed or outsourced delivery, output-only targets,
 * no participation. Some of those sit exactly on a rule's threshold (a preexisting or captured share of exactly 50 %,
 * exactly three sectors), where a "greater than" and a "greater or equal" disagree. Target trajectories are drawn to
 * land on every status: on track, at risk, off track, achieved, missed, no data.
 *
 * <p>Each mission is drawn from its own random stream (seed and index), so a mission can be generated alone and the
 * file can be written one mission at a time: memory stays flat whatever the size.
 */
public final class SyntheticPortfolio {
    /** Sectors of the spillover network and of missions and projects. */
    static final List<String> SECTORS = List.of("energy", "transport", "buildings", "industry", "agriculture",
            "health", "water", "waste", "digital", "finance", "construction", "education", "research", "tourism",
            "fisheries", "forestry", "manufacturing", "retail", "logistics", "housing", "care", "culture", "defence",
            "space");
    private static final List<String> DISCIPLINES = List.of("engineering", "economics", "social sciences", "ecology",
            "medicine", "data science", "law", "design");
    private static final List<String> CHALLENGES = List.of("climate change", "public health", "inequality",
            "biodiversity loss", "ageing", "water security", "digital divide");
    private static final List<String> PARTICIPATION = List.of("CITIZEN_ASSEMBLY", "PUBLIC_CONSULTATION", "CO_DESIGN",
            "LIVING_LAB");
    private static final int METRICS = 60;

    /** What washing patterns a mission may carry. */
    enum Pattern {
        REBRANDED, NO_NEW_MONEY, CAPTURED, NARROW_SECTORS, BAU_TARGET, MOVING_GOALPOSTS, NO_CONDITIONS, SILOED,
        OUTPUTS_ONLY, NO_PARTICIPATION, OUTSOURCED
    }

    /** The intended course of a target's observations (the rules decide the status they see). */
    private enum Course { ON_TRACK, AT_RISK, OFF_TRACK, ACHIEVED, MISSED, NO_BASELINE }

    /**
     * The size and shape of a synthetic portfolio.
     *
     * @param missions              number of missions
     * @param projectsPerMission    projects in each mission
     * @param targetsPerMission     targets in each mission (1..{@value #MAX_TARGETS})
     * @param observationsPerTarget observations of each target's metric for its mission, spread over the four years
     *                              before launch and the years since
     * @param spilloversPerMission  project-to-sector spillovers from each mission's projects (a fixed sector-to-sector
     *                              network of the 24 sectors comes on top)
     * @param washingShare          share of missions (0..1) carrying one to three washing patterns
     * @param seed                  random seed: the same spec gives the same portfolio
     * @param asOf                  the portfolio's evaluation date
     */
    public record Spec(int missions, int projectsPerMission, int targetsPerMission, int observationsPerTarget,
                       int spilloversPerMission, double washingShare, long seed, LocalDate asOf) {
        public static final int MAX_TARGETS = 12;

        public Spec {
            require(missions >= 1, "missions must be at least 1");
            require(projectsPerMission >= 0, "projects per mission must be 0 or more");
            require(targetsPerMission >= 1 && targetsPerMission <= MAX_TARGETS,
                    "targets per mission must be 1.." + MAX_TARGETS);
            require(observationsPerTarget >= 0, "observations per target must be 0 or more");
            require(spilloversPerMission >= 0, "spillovers per mission must be 0 or more");
            require(spilloversPerMission == 0 || projectsPerMission > 0, "spillovers need projects to come from");
            require(washingShare >= 0 && washingShare <= 1, "washing share must be within 0..1");
            require(asOf != null, "asOf is required");
        }

        /** The reference shape: 3 targets × 20 observations, 2 spillovers, 20 % washing, seed 42. */
        public static Spec of(int missions, int projectsPerMission) {
            return new Spec(missions, projectsPerMission, 3, 20, 2, 0.2, 42, LocalDate.of(2026, 6, 30));
        }

        public long projects() {
            return (long) missions * projectsPerMission;
        }

        public Spec withSeed(long value) {
            return new Spec(missions, projectsPerMission, targetsPerMission, observationsPerTarget,
                    spilloversPerMission, washingShare, value, asOf);
        }

        public Spec withWashingShare(double value) {
            return new Spec(missions, projectsPerMission, targetsPerMission, observationsPerTarget,
                    spilloversPerMission, value, seed, asOf);
        }

        String describe() {
            return String.format("synthetic portfolio: %d missions x %d projects, %d targets x %d observations, "
                            + "%d spillovers per mission, washing share %s, seed %d", missions, projectsPerMission,
                    targetsPerMission, observationsPerTarget, spilloversPerMission, washingShare, seed);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** One mission with the top-level records that belong to it. */
    public record MissionData(Mission mission, List<Observation> observations, List<Spillover> spillovers) {
    }

    private final Spec spec;
    private final List<Metric> metrics;
    private final List<Actor> actors;
    private final List<Spillover> sectorNetwork;
    private final int owners;

    public SyntheticPortfolio(Spec spec) {
        this.spec = spec;
        SplittableRandom random = new SplittableRandom(mix(spec.seed(), -1));
        this.metrics = metrics(random);
        this.actors = actors(random, Math.max(200, spec.missions() * 4));
        this.sectorNetwork = sectorNetwork(random);
        this.owners = Math.max(1, (spec.missions() + 4) / 5);
    }

    public Spec spec() {
        return spec;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public List<Actor> actors() {
        return actors;
    }

    /** The whole portfolio in memory. */
    public Portfolio build() {
        List<Mission> missions = new ArrayList<>(spec.missions());
        List<Observation> observations = new ArrayList<>();
        List<Spillover> spillovers = new ArrayList<>(sectorNetwork);
        for (int i = 0; i < spec.missions(); i++) {
            MissionData data = mission(i);
            missions.add(data.mission());
            observations.addAll(data.observations());
            spillovers.addAll(data.spillovers());
        }
        return new Portfolio(spec.asOf(), "EUR", metrics, actors, missions, observations, spillovers, null,
                List.of(spec.describe()));
    }

    /**
     * Writes the portfolio as a compact {@code mission-portfolio/1} JSON file, one mission at a time. The lists come
     * in the order metrics, actors, observations, spillovers, missions: everything a mission refers to before the
     * missions.
     */
    public void write(Path file) {
        ObjectMapper mapper = writer();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", PortfolioFiles.FORMAT);
            json.writeStringField("asOf", spec.asOf().toString());
            json.writeStringField("currency", "EUR");
            json.writeArrayFieldStart("sources");
            json.writeString(spec.describe());
            json.writeEndArray();
            json.writeFieldName("metrics");
            mapper.writeValue(json, metrics);
            json.writeFieldName("actors");
            mapper.writeValue(json, actors);
            List<Spillover> spillovers = new ArrayList<>(sectorNetwork);
            json.writeArrayFieldStart("observations");
            for (int i = 0; i < spec.missions(); i++) {
                MissionData data = mission(i);
                for (Observation o : data.observations()) {
                    mapper.writeValue(json, o);
                }
                spillovers.addAll(data.spillovers());
            }
            json.writeEndArray();
            json.writeFieldName("spillovers");
            mapper.writeValue(json, spillovers);
            json.writeArrayFieldStart("missions");
            for (int i = 0; i < spec.missions(); i++) {
                mapper.writeValue(json, mission(i).mission());
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The same settings as the library's portfolio writer (engine-api's Json), without indentation. */
    private static ObjectMapper writer() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
    }

    // ------------------------------------------------------------------ shared lists

    private static List<Metric> metrics(SplittableRandom random) {
        List<Metric> metrics = new ArrayList<>(METRICS);
        for (int j = 0; j < METRICS; j++) {
            MetricKind kind = switch (j % 10) {
                case 0, 1, 2, 3, 4, 5 -> MetricKind.OUTCOME;
                case 6, 7 -> MetricKind.IMPACT;
                case 8 -> MetricKind.OUTPUT;
                default -> MetricKind.INPUT;
            };
            boolean binary = j % 20 == 13;
            Direction direction = binary || random.nextBoolean() ? Direction.INCREASE : Direction.DECREASE;
            String unit = binary ? "yes/no" : switch (kind) {
                case OUTPUT -> "units";
                case INPUT -> "EUR";
                default -> direction == Direction.DECREASE ? "per 100,000" : "%";
            };
            metrics.add(new Metric(String.format("k%02d", j), "Synthetic " + kind.name().toLowerCase() + " metric " + j,
                    unit, kind, direction, binary));
        }
        return List.copyOf(metrics);
    }

    private static List<Actor> actors(SplittableRandom random, int count) {
        ActorType[] types = {ActorType.BUSINESS, ActorType.BUSINESS, ActorType.BUSINESS, ActorType.SME, ActorType.SME,
                ActorType.ACADEMIA, ActorType.RESEARCH, ActorType.PUBLIC_AGENCY, ActorType.CIVIL_SOCIETY,
                ActorType.CONSULTANCY};
        String[] countries = {"AT", "BE", "DE", "DK", "ES", "FI", "FR", "IE", "IT", "NL", "PT", "SE"};
        List<Actor> actors = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            ActorType type = types[random.nextInt(types.length)];
            actors.add(new Actor("a" + pad(j, 6), "Actor " + j, type, countries[random.nextInt(countries.length)]));
        }
        return List.copyOf(actors);
    }

    /** Two links out of each sector, intensities 0.02..0.12: row sums stay under 0.25, so does the spectral radius. */
    private static List<Spillover> sectorNetwork(SplittableRandom random) {
        List<Spillover> links = new ArrayList<>();
        SpilloverKind[] kinds = {SpilloverKind.DEMAND, SpilloverKind.KNOWLEDGE, SpilloverKind.TECHNOLOGY,
                SpilloverKind.SKILLS};
        for (int from = 0; from < SECTORS.size(); from++) {
            int first = (from + 1 + random.nextInt(SECTORS.size() - 1)) % SECTORS.size();
            int second = (first + 1 + random.nextInt(SECTORS.size() - 2)) % SECTORS.size();
            if (second == from) {
                second = (second + 1) % SECTORS.size();
            }
            for (int to : new int[] {first, second}) {
                links.add(new Spillover(null, SECTORS.get(from), SECTORS.get(to), kinds[random.nextInt(kinds.length)],
                        round(0.02 + 0.10 * random.nextDouble(), 3), (double) (1 + random.nextInt(4)),
                        EvidenceLevel.ESTIMATED));
            }
        }
        return List.copyOf(links);
    }

    // ------------------------------------------------------------------ one mission

    /** Mission {@code index} (0-based) with its observations and project spillovers. */
    public MissionData mission(int index) {
        SplittableRandom random = new SplittableRandom(mix(spec.seed(), index));
        String id = "M" + pad(index, 6);
        Set<Pattern> patterns = EnumSet.noneOf(Pattern.class);
        if (random.nextDouble() < spec.washingShare()) {
            Pattern[] all = Pattern.values();
            int count = 1 + random.nextInt(3);
            while (patterns.size() < count) {
                patterns.add(all[random.nextInt(all.length)]);
            }
        }
        boolean exactly = random.nextInt(4) == 0; // sit on the threshold rather than beyond it

        LocalDate launched = LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1);
        LocalDate deadline = launched.plusYears(8 + random.nextInt(5)).withDayOfMonth(1).minusDays(1);
        LocalDate asOf = spec.asOf();

        // sectors: three or four, or one to three for narrow missions (three is exactly the minimum: no finding)
        int sectorCount = patterns.contains(Pattern.NARROW_SECTORS) ? (exactly ? 3 : 1 + random.nextInt(2))
                : 3 + random.nextInt(2);
        List<String> sectors = pick(random, SECTORS, sectorCount);
        List<String> disciplines = pick(random, DISCIPLINES, 2 + random.nextInt(2));

        Budget budget;
        double total = 1e6 * (50 + random.nextInt(950));
        if (patterns.contains(Pattern.NO_NEW_MONEY)) {
            budget = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> new Budget(total, null, true);
                default -> new Budget(total, 0.0, true);
            };
        } else {
            budget = new Budget(total, Math.rint(total * (0.3 + 0.5 * random.nextDouble())), random.nextInt(5) > 0);
        }

        List<String> leads = patterns.contains(Pattern.SILOED) ? List.of("Ministry " + random.nextInt(20))
                : List.of("Ministry " + random.nextInt(20), "Agency " + random.nextInt(40));
        Governance governance = new Governance(leads, random.nextInt(10) > 0, !patterns.contains(Pattern.SILOED),
                patterns.contains(Pattern.NO_PARTICIPATION) ? List.of() : pick(random, PARTICIPATION, 1 + random.nextInt(2)),
                patterns.contains(Pattern.OUTSOURCED) ? round(0.05 + 0.2 * random.nextDouble(), 2)
                        : round(0.35 + 0.5 * random.nextDouble(), 2));

        // targets and their observations
        List<Metric> targetMetrics = targetMetrics(random, patterns.contains(Pattern.OUTPUTS_ONLY));
        List<Target> targets = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        for (int t = 0; t < targetMetrics.size(); t++) {
            Metric metric = targetMetrics.get(t);
            boolean bau = t == 0 && patterns.contains(Pattern.BAU_TARGET);
            boolean moved = t == targetMetrics.size() - 1 && patterns.contains(Pattern.MOVING_GOALPOSTS);
            targets.add(target(random, id, metric, launched, deadline, asOf, bau, moved, observations));
        }

        // projects
        List<Actor> partners = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            partners.add(actors.get(random.nextInt(actors.size())));
        }
        List<String> solutions = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            solutions.add("solution path " + random.nextInt(200));
        }
        int n = spec.projectsPerMission();
        List<Project> projects = new ArrayList<>(n);
        double[] funding = new double[n];
        for (int j = 0; j < n; j++) {
            funding[j] = Math.rint(Math.exp(Math.log(1e5) + random.nextDouble() * Math.log(50)));
        }
        boolean rebranded = patterns.contains(Pattern.REBRANDED);
        boolean captured = patterns.contains(Pattern.CAPTURED);
        Actor captor = partners.get(0);
        if ((rebranded || captured) && exactly && n >= 2) {
            // mirror the fundings so that the first half holds exactly 50 %: whole euros sum exactly in any order
            for (int j = 0; j < n / 2; j++) {
                funding[n / 2 + j] = funding[j];
            }
            if (n % 2 == 1) {
                funding[n - 1] = 0;
            }
        }
        double capturedShare = 0.55 + 0.3 * random.nextDouble();
        double rebrandedShare = 0.55 + 0.4 * random.nextDouble();
        for (int j = 0; j < n; j++) {
            Actor recipient;
            if (captured && (exactly ? j < n / 2 : random.nextDouble() < capturedShare)) {
                recipient = captor;
            } else {
                recipient = partners.get(captured ? 1 + random.nextInt(partners.size() - 1) : random.nextInt(partners.size()));
            }
            boolean old = rebranded && (exactly ? j < n / 2 : random.nextDouble() < rebrandedShare);
            projects.add(project(random, id, j, recipient, funding[j], sectors, solutions, targetMetrics, launched,
                    asOf, old, patterns.contains(Pattern.NO_CONDITIONS), patterns.contains(Pattern.NARROW_SECTORS)));
        }

        List<Spillover> spillovers = new ArrayList<>();
        SpilloverKind[] kinds = SpilloverKind.values();
        for (int k = 0; k < spec.spilloversPerMission(); k++) {
            Project from = projects.get(random.nextInt(n));
            spillovers.add(new Spillover(from.id(), null, SECTORS.get(random.nextInt(SECTORS.size())),
                    kinds[random.nextInt(kinds.length)], round(0.05 + 0.25 * random.nextDouble(), 2),
                    (double) random.nextInt(5), random.nextInt(4) == 0 ? EvidenceLevel.OBSERVED : EvidenceLevel.ESTIMATED));
        }

        String challenge = CHALLENGES.get(random.nextInt(CHALLENGES.size()));
        Mission mission = new Mission(id, "Synthetic mission " + index + " on " + challenge,
                "By " + deadline.getYear() + ", measurably reduce " + challenge + " in " + String.join(", ", sectors) + ".",
                challenge, "Owner " + (index % owners), launched, deadline, budget, targets, sectors, disciplines,
                governance, projects, List.of());
        return new MissionData(mission, observations, spillovers);
    }

    private List<Metric> targetMetrics(SplittableRandom random, boolean outputsOnly) {
        List<Metric> pool = new ArrayList<>();
        for (Metric m : metrics) {
            if (outputsOnly != m.isOutcome()) {
                pool.add(m);
            }
        }
        List<Metric> chosen = new ArrayList<>();
        if (!outputsOnly) {
            // the first target is on an outcome metric that is not yes/no; the others anywhere but outputs mostly
            List<Metric> outcomes = pool.stream().filter(m -> !m.binary()).toList();
            chosen.add(outcomes.get(random.nextInt(outcomes.size())));
            pool = new ArrayList<>(metrics);
        }
        while (chosen.size() < Math.min(spec.targetsPerMission(), pool.size())) {
            Metric m = pool.get(random.nextInt(pool.size()));
            if (!chosen.contains(m)) {
                chosen.add(m);
            }
        }
        return chosen;
    }

    private Target target(SplittableRandom random, String missionId, Metric metric, LocalDate launched,
                          LocalDate deadline, LocalDate asOf, boolean bau, boolean moved, List<Observation> out) {
        int sign = metric.direction() == Direction.DECREASE ? -1 : 1;
        Course course = switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> Course.ON_TRACK;
            case 8, 9, 10, 11 -> Course.AT_RISK;
            case 12, 13, 14 -> Course.OFF_TRACK;
            case 15 -> Course.ACHIEVED;
            case 16, 17 -> Course.MISSED;
            default -> Course.NO_BASELINE;
        };
        LocalDate baselineDate = launched.minusYears(1);
        LocalDate goalDate = course == Course.MISSED
                ? max(baselineDate.plusYears(2), asOf.minusMonths(3 + random.nextInt(30)))
                : deadline;
        double v0 = metric.binary() ? 0 : round(20 + 80 * random.nextDouble(), 1);
        double goal = metric.binary() ? 1 : round(v0 + sign * v0 * (0.3 + 0.4 * random.nextDouble()), 1);
        double years = years(baselineDate, goalDate);
        double need = (goal - v0) / years; // signed change per year that reaches the goal exactly on time
        double before = need * (bau ? 1.3 + 0.5 * random.nextDouble() : 0.1 + 0.3 * random.nextDouble());
        double after = need * switch (course) {
            case ON_TRACK -> 1.15 + 0.5 * random.nextDouble();
            case AT_RISK -> 0.8 + 0.12 * random.nextDouble();
            case OFF_TRACK, MISSED -> 0.1 + 0.4 * random.nextDouble();
            case ACHIEVED -> 1.2 * years / Math.max(0.5, years(baselineDate, asOf));
            case NO_BASELINE -> 1.0;
        };
        double noise = Math.abs(goal - v0) * 0.015;
        int count = spec.observationsPerTarget();
        LocalDate first = launched.minusYears(4);
        long span = asOf.minusMonths(1).toEpochDay() - first.toEpochDay();
        double launchValue = v0 + before * years(baselineDate, launched);
        for (int k = 0; k < count; k++) {
            LocalDate date = LocalDate.ofEpochDay(first.toEpochDay() + (count == 1 ? span : span * k / (count - 1)));
            double value;
            if (metric.binary()) {
                value = course == Course.ACHIEVED && !date.isBefore(launched.plusYears(1)) ? 1 : 0;
            } else {
                double trend = date.isBefore(launched) ? v0 + before * years(baselineDate, date)
                        : launchValue + after * years(launched, date);
                value = round(trend + noise * (2 * random.nextDouble() - 1), 3);
            }
            out.add(new Observation(metric.id(), missionId, date, value, "synthetic"));
        }
        DatedValue baseline = course == Course.NO_BASELINE ? null : new DatedValue(v0, baselineDate);
        List<Revision> revisions = List.of();
        if (moved) {
            // the earlier goal asked for more, or sooner
            DatedValue earlier = random.nextBoolean()
                    ? new DatedValue(metric.binary() ? goal : round(goal + sign * Math.abs(goal - v0) * 0.3, 1), goalDate)
                    : new DatedValue(goal, goalDate.minusYears(2));
            revisions = List.of(new Revision(launched.plusYears(1), earlier, "revised after a review"));
        }
        return new Target(metric.id(), metric.id(), baseline, new DatedValue(goal, goalDate), revisions);
    }

    private Project project(SplittableRandom random, String missionId, int j, Actor recipient, double publicFunding,
                            List<String> sectors, List<String> solutions, List<Metric> targets, LocalDate launched,
                            LocalDate asOf, boolean old, boolean noConditions, boolean narrow) {
        boolean business = recipient.isBusiness();
        Instrument instrument = switch (recipient.type()) {
            case BUSINESS, SME -> switch (random.nextInt(8)) {
                case 0, 1 -> Instrument.GRANT;
                case 2, 3 -> Instrument.LOAN;
                case 4 -> Instrument.EQUITY;
                case 5 -> Instrument.GUARANTEE;
                case 6 -> Instrument.TAX_CREDIT;
                default -> Instrument.PROCUREMENT;
            };
            case ACADEMIA, RESEARCH, CIVIL_SOCIETY -> random.nextInt(6) == 0 ? Instrument.PRIZE : Instrument.GRANT;
            case CONSULTANCY -> Instrument.PROCUREMENT;
            default -> random.nextBoolean() ? Instrument.PROCUREMENT : Instrument.GRANT;
        };
        double privateFunding = business ? Math.rint(publicFunding * (0.1 + 0.9 * random.nextDouble())) : 0;
        LocalDate start = old && random.nextBoolean() ? launched.minusDays(30 + random.nextInt(1000))
                : launched.plusDays(random.nextInt(1100));
        LocalDate end = start.plusDays(365 * 2 + random.nextInt(365 * 6));
        ProjectStatus status = random.nextInt(25) == 0 ? ProjectStatus.STOPPED
                : start.isAfter(asOf) ? ProjectStatus.PLANNED
                : end.isBefore(asOf) ? ProjectStatus.COMPLETED : ProjectStatus.ACTIVE;
        String sector = narrow || random.nextInt(7) > 0 ? sectors.get(random.nextInt(sectors.size()))
                : SECTORS.get(random.nextInt(SECTORS.size()));

        List<Conditionality> conditions = new ArrayList<>();
        if (!noConditions || !business) {
            if (business && instrument != Instrument.PROCUREMENT && instrument != Instrument.TAX_CREDIT
                    && random.nextInt(7) > 0) {
                conditions.add(new Conditionality(random.nextBoolean() ? ConditionalityType.PROFIT_SHARING
                        : ConditionalityType.REINVESTMENT, true, true, random.nextBoolean(), null));
            }
            if (instrument == Instrument.PROCUREMENT && random.nextInt(7) > 0) {
                conditions.add(new Conditionality(ConditionalityType.EMISSIONS, true, true, false, null));
                if (random.nextBoolean()) {
                    conditions.add(new Conditionality(ConditionalityType.FAIR_LABOUR, true, random.nextBoolean(), false, null));
                }
            }
            if (random.nextInt(20) == 0) {
                conditions.add(new Conditionality(ConditionalityType.KNOWLEDGE_SHARING, false, false, false,
                        "best effort"));
            }
        }

        List<String> contributes = new ArrayList<>();
        if (random.nextInt(30) > 0) {
            contributes.add(targets.get(random.nextInt(targets.size())).id());
            if (targets.size() > 1 && random.nextInt(3) == 0) {
                String second = targets.get(random.nextInt(targets.size())).id();
                if (!contributes.contains(second)) {
                    contributes.add(second);
                }
            }
        }

        // cash flows over up to five years: costs spread evenly, benefits ramping up
        int years = Math.min(5, Math.max(1, end.getYear() - start.getYear()));
        double cost = publicFunding + privateFunding;
        double benefitRatio = 0.5 + 1.5 * random.nextDouble();
        List<Cashflow> cashflows = new ArrayList<>(years);
        for (int y = 0; y < years; y++) {
            double c = Math.rint(cost / years);
            double b = Math.rint(cost * benefitRatio * 2 * (y + 1) / ((double) years * (years + 1)));
            cashflows.add(new Cashflow(start.getYear() + y, c, b));
        }

        String solution = solutions.get(random.nextInt(solutions.size()));
        return new Project(missionId + "-P" + pad(j, 4), solution + " " + j, instrument, recipient.id(),
                sector, solution, random.nextInt(5) < 3, publicFunding, privateFunding, start, end, status, old,
                contributes, conditions, cashflows);
    }

    // ------------------------------------------------------------------ helpers

    private static <T> List<T> pick(SplittableRandom random, List<T> from, int count) {
        List<T> chosen = new ArrayList<>(count);
        while (chosen.size() < Math.min(count, from.size())) {
            T item = from.get(random.nextInt(from.size()));
            if (!chosen.contains(item)) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    /** The number with leading zeros to at least {@code width} digits (String.format is slow for a million ids). */
    static String pad(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static double years(LocalDate from, LocalDate to) {
        return (to.toEpochDay() - from.toEpochDay()) / 365.25;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.rint(value * scale) / scale;
    }

    /** SplitMix64 of the seed and the index: independent streams per mission. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
