package org.missionengine.samples.cordis;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;

/**
 * Turns a CORDIS Horizon Europe extract into a portfolio of the EU Missions' projects.
 *
 * <ul>
 *   <li>A project belongs to the Mission of its {@code HORIZON-MISS-<year>-<code>-...} call topic (see
 *       {@link EuMission}); projects without such a topic are not imported.</li>
 *   <li>Each participation with an EC contribution becomes one portfolio project: the grant's share paid to that
 *       participant ({@code publicFunding} = its {@code ecContribution}), instrument GRANT, the participant as
 *       recipient. Associated partners and third parties without a contribution receive no EC money and are left
 *       out. The extract does not give a participant's own contribution, so {@code privateFunding} is left out (not
 *       recorded), as is {@code contributesTo}: the Missions' targets are not CORDIS data.</li>
 *   <li>Recipients become actors, typed from CORDIS's activity type: HES higher education &rarr; ACADEMIA, PRC private
 *       company &rarr; SME when flagged as one, else BUSINESS, REC research organisation &rarr; RESEARCH, PUB public
 *       body &rarr; PUBLIC_AGENCY, OTH other &rarr; CIVIL_SOCIETY.</li>
 *   <li>The solution path of a project is its grant (acronym): each grant from a call is one bottom-up answer to
 *       it. {@code openCall} is true, except for specific grant agreements ({@code -SGA-} topics), which are awarded
 *       to a framework partner without a call.</li>
 *   <li>A Mission's disciplines are the EuroSciVoc fields (second level of the path, such as "clinical medicine")
 *       of its projects.</li>
 *   <li>Status from the dates against the evaluation date: PLANNED before the start, COMPLETED after the end,
 *       ACTIVE between. The extract has no sector, so none is set.</li>
 * </ul>
 * Missions are shells: the ids and titles of the EU Missions (as in {@code eu-missions.json}) with their projects and
 * disciplines; their targets, budgets and governance are not CORDIS data.
 */
public final class CordisPortfolio {
    /** The attribution CORDIS's licence asks for. */
    public static final String ATTRIBUTION = "Source: CORDIS, European Commission (CC BY 4.0)";

    private CordisPortfolio() {
    }

    /** What an import produced and what it left out, for the user. */
    public record Result(Portfolio portfolio, int grants, int participations, int withoutContribution,
                         int otherMissionTopics, Map<EuMission, Integer> grantsByMission) {

        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(grants).append(" grants of the EU Missions (");
            List<String> parts = new ArrayList<>();
            grantsByMission.forEach((m, n) -> parts.add(m.name() + " " + n));
            sb.append(String.join(", ", parts)).append("), ").append(participations)
                    .append(" participations with an EC contribution, ").append(portfolio.actors().size())
                    .append(" recipients; left out: ").append(withoutContribution)
                    .append(" participations without an EC contribution");
            if (otherMissionTopics > 0) {
                sb.append(", ").append(otherMissionTopics).append(" projects of other HORIZON-MISS topics");
            }
            return sb.toString();
        }
    }

    /** Builds the portfolio, evaluated as of {@code asOf} (project status and the portfolio's asOf). */
    public static Result build(CordisExtract extract, LocalDate asOf) {
        Map<String, List<CordisExtract.Topic>> topicsByProject = new HashMap<>();
        extract.topics().forEach(t -> topicsByProject.computeIfAbsent(t.projectId(), k -> new ArrayList<>()).add(t));
        Map<String, List<CordisExtract.Participation>> participantsByProject = new HashMap<>();
        extract.participations().forEach(p ->
                participantsByProject.computeIfAbsent(p.projectId(), k -> new ArrayList<>()).add(p));
        Map<String, Set<String>> disciplinesByProject = new HashMap<>();
        extract.disciplines().forEach(d -> discipline(d.path()).ifPresent(name ->
                disciplinesByProject.computeIfAbsent(d.projectId(), k -> new TreeSet<>()).add(name)));

        Map<EuMission, List<Project>> projects = new EnumMap<>(EuMission.class);
        Map<EuMission, Set<String>> disciplines = new EnumMap<>(EuMission.class);
        Map<EuMission, List<String>> grantNotes = new EnumMap<>(EuMission.class);
        Map<EuMission, Integer> grants = new EnumMap<>(EuMission.class);
        Map<String, Actor> actorsByKey = new LinkedHashMap<>();
        Set<String> actorIds = new HashSet<>();
        Set<String> projectIds = new HashSet<>();
        int participations = 0;
        int withoutContribution = 0;
        int otherMissionTopics = 0;

        for (CordisExtract.Project grant : extract.projects()) {
            Optional<String> topic = missionTopic(grant, topicsByProject.getOrDefault(grant.id(), List.of()));
            if (topic.isEmpty()) {
                continue;
            }
            Optional<EuMission> mission = EuMission.ofTopic(topic.get());
            if (mission.isEmpty()) {
                otherMissionTopics++;
                continue;
            }
            EuMission m = mission.get();
            grants.merge(m, 1, Integer::sum);
            disciplines.computeIfAbsent(m, k -> new TreeSet<>())
                    .addAll(disciplinesByProject.getOrDefault(grant.id(), Set.of()));
            String acronym = grant.acronym().isEmpty() ? grant.id() : grant.acronym();
            boolean openCall = !topic.get().contains("-SGA-");
            int shares = 0;
            double contributions = 0;
            for (CordisExtract.Participation p : participantsByProject.getOrDefault(grant.id(), List.of())) {
                if (p.ecContribution() == null || p.ecContribution() <= 0) {
                    withoutContribution++;
                    continue;
                }
                Actor actor = actorsByKey.computeIfAbsent(actorKey(p), k -> actor(p, actorIds));
                String id = uniqueId("he-" + grant.id() + "-" + (p.pic() != null ? p.pic() : slug(p.name(), 40)),
                        projectIds);
                projects.computeIfAbsent(m, k -> new ArrayList<>()).add(Project.builder(id)
                        .title(acronym + ": " + grant.title())
                        .instrument(Instrument.GRANT)
                        .recipient(actor.id())
                        .solution(acronym)
                        .openCall(openCall)
                        .publicFunding(p.ecContribution())
                        .start(grant.start())
                        .end(grant.end())
                        .status(status(grant, asOf))
                        .build());
                participations++;
                shares++;
                contributions += p.ecContribution();
            }
            grantNotes.computeIfAbsent(m, k -> new ArrayList<>()).add(acronym + " (CORDIS " + grant.id() + ", "
                    + topic.get() + (grant.fundingScheme().isEmpty() ? "" : ", " + grant.fundingScheme())
                    + (grant.totalCost() == null ? "" : String.format(Locale.ROOT, ", total cost %.2f EUR", grant.totalCost()))
                    + String.format(Locale.ROOT, ", EC contribution %.2f EUR to %d participants", contributions, shares)
                    + (openCall ? "" : ", not an open call: a "
                    + "specific grant agreement under a framework partnership") + ")");
        }

        Portfolio.Builder portfolio = Portfolio.builder()
                .asOf(asOf)
                .currency("EUR")
                .source(ATTRIBUTION + ". Horizon Europe projects, organisations, topics and EuroSciVoc disciplines"
                        + " (extract of " + (extract.extractDate() == null ? "unknown date" : extract.extractDate())
                        + "), filtered to the EU Missions' projects in samples/data/cordis/ (see its README)")
                .source("Made by org.missionengine.samples.cordis.CordisImport: one project per participation with an EC "
                        + "contribution (publicFunding = ecContribution; privateFunding and contributesTo left out because the "
                        + "extract gives neither participants' own contributions nor the metrics a grant serves); recipients typed from activityType (HES ACADEMIA, PRC SME or "
                        + "BUSINESS, REC RESEARCH, PUB PUBLIC_AGENCY, OTH CIVIL_SOCIETY); the Mission from the "
                        + "HORIZON-MISS-* call topic; disciplines from EuroSciVoc (second level); no sector (CORDIS has "
                        + "none); status from the dates as of " + asOf)
                .source("Missions are shells (ids and titles of eu-missions.json): targets, budgets and governance are not "
                        + "CORDIS data, so the rules report them as missing here");
        actorsByKey.values().stream().sorted(java.util.Comparator.comparing(Actor::id)).forEach(portfolio::actor);
        for (EuMission m : EuMission.values()) {
            List<Project> list = projects.getOrDefault(m, List.of());
            if (!m.isOneOfTheFive() && grants.getOrDefault(m, 0) == 0) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            notes.add(ATTRIBUTION);
            notes.add(grants.getOrDefault(m, 0) + " grants in the extract under HORIZON-MISS-*-" + m.name()
                    + " topics" + (m == EuMission.CLIMA ? " (joint CLIMA-CITIES topics count for Adaptation)" : ""));
            notes.addAll(grantNotes.getOrDefault(m, List.of()));
            // targets, budget and governance are not CORDIS data: left out (not recorded), never recorded as none
            portfolio.mission(Mission.builder(m.missionId())
                    .title(m.title())
                    .owner("European Commission")
                    // no EuroSciVoc field on any grant is CORDIS being silent, not a mission of no discipline
                    .disciplines(disciplines.getOrDefault(m, Set.of()).isEmpty() ? null : List.copyOf(disciplines.get(m)))
                    .projects(list)
                    .sources(notes.toArray(String[]::new))
                    .build());
        }
        Map<EuMission, Integer> ordered = new TreeMap<>(grants);
        return new Result(portfolio.build(), grants.values().stream().mapToInt(Integer::intValue).sum(), participations,
                withoutContribution, otherMissionTopics, ordered);
    }

    /** The actor type of a CORDIS activity type; null for an unknown or empty one. */
    public static ActorType actorType(String activityType, Boolean sme) {
        return switch (activityType == null ? "" : activityType.strip()) {
            case "HES" -> ActorType.ACADEMIA;
            case "PRC" -> Boolean.TRUE.equals(sme) ? ActorType.SME : ActorType.BUSINESS;
            case "REC" -> ActorType.RESEARCH;
            case "PUB" -> ActorType.PUBLIC_AGENCY;
            case "OTH" -> ActorType.CIVIL_SOCIETY;
            default -> null;
        };
    }

    /** The discipline of a EuroSciVoc path: its second level ("/natural sciences/biological sciences/ecology"). */
    public static Optional<String> discipline(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String[] levels = path.strip().split("/");
        // "" / field / discipline / ...
        if (levels.length > 2 && !levels[2].isBlank()) {
            return Optional.of(levels[2].strip());
        }
        if (levels.length > 1 && !levels[1].isBlank()) {
            return Optional.of(levels[1].strip());
        }
        return Optional.empty();
    }

    /** The project's Mission topic: from the topics file, else from the project's own topics column. */
    private static Optional<String> missionTopic(CordisExtract.Project grant, List<CordisExtract.Topic> topics) {
        for (CordisExtract.Topic t : topics) {
            if (EuMission.isMissionTopic(t.topic())) {
                return Optional.of(t.topic().strip());
            }
        }
        for (String t : grant.topics().split("[;,]")) {
            if (EuMission.isMissionTopic(t)) {
                return Optional.of(t.strip());
            }
        }
        return Optional.empty();
    }

    private static ProjectStatus status(CordisExtract.Project grant, LocalDate asOf) {
        if (grant.start() != null && asOf.isBefore(grant.start())) {
            return ProjectStatus.PLANNED;
        }
        if (grant.end() != null && asOf.isAfter(grant.end())) {
            return ProjectStatus.COMPLETED;
        }
        return ProjectStatus.ACTIVE;
    }

    /** The same organisation across projects: by its PIC, else by name and country. */
    private static String actorKey(CordisExtract.Participation p) {
        return p.pic() != null ? "pic:" + p.pic() : "name:" + p.name().toLowerCase(Locale.ROOT) + "|" + p.country();
    }

    private static Actor actor(CordisExtract.Participation p, Set<String> taken) {
        String base = slug(p.name(), 60);
        String id = taken.contains(base) && p.pic() != null ? base + "-" + p.pic() : base;
        id = uniqueId(id, taken);
        return new Actor(id, p.name(), actorType(p.activityType(), p.sme()), p.country().isEmpty() ? null : p.country());
    }

    private static String uniqueId(String candidate, Set<String> taken) {
        String id = candidate;
        for (int n = 2; !taken.add(id); n++) {
            id = candidate + "-" + n;
        }
        return id;
    }

    /** A readable id: lower case ASCII letters and digits separated by hyphens, at most {@code max} characters. */
    static String slug(String text, int max) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > max) {
            int cut = slug.lastIndexOf('-', max);
            slug = slug.substring(0, cut > max / 2 ? cut : max).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "organisation" : slug;
    }
}
