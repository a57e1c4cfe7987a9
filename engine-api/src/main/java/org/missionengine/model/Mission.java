package org.missionengine.model;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A bold, measurable, time-bound goal. What a weak mission leaves out (statement, deadline, budget, governance,
 * targets, projects) may be null or empty: the rules report it.
 *
 * <p>Absent is not none: {@code targets}, {@code projects}, {@code sectors} and {@code disciplines} read as empty when
 * the record leaves them out, and {@link #targetsRecorded()}, {@link #projectsRecorded()}, {@link #sectorsRecorded()}
 * and {@link #disciplinesRecorded()} tell that gap in the evidence from a list recorded as empty ({@code []}).
 *
 * @param id          the mission's id, unique in the portfolio
 * @param title       its title
 * @param statement   the public mission statement; null when not recorded
 * @param challenge   the societal challenge it tackles (climate change, dementia, ...); null when not recorded
 * @param owner       who owns it (a government, ministry or city); null when not recorded
 * @param launched    the day it was launched; observations before it give the business-as-usual trend; null when
 *                    not recorded
 * @param deadline    the day it is to be achieved by; null when not recorded
 * @param budget      its money; null when not recorded (not the same as a budget of 0)
 * @param targets     its commitments, one per metric (or more, each with its own id); null when not recorded, empty
 *                    for none
 * @param sectors     the sectors it says it spans; projects' sectors count too (see {@link #allSectors()}); null
 *                    when not recorded, empty for none
 * @param disciplines the disciplines it draws on (engineering, economics, ...); null when not recorded, empty for none
 * @param governance  how it is steered; null when not recorded
 * @param projects    its interventions; null when not recorded, empty for none
 * @param sources     where the mission's record comes from (documents, web pages)
 */
public record Mission(String id, String title, String statement, String challenge, String owner, LocalDate launched,
                      LocalDate deadline, Budget budget, List<Target> targets, List<String> sectors,
                      List<String> disciplines, Governance governance, List<Project> projects, List<String> sources) {
    /**
     * Checks the id and copies the lists; a null list is empty, except {@code targets}, {@code projects},
     * {@code sectors} and {@code disciplines}, whose null stays "not recorded".
     *
     * @param id          the mission's id: not empty
     * @param title       its title
     * @param statement   its statement, or null
     * @param challenge   its challenge, or null
     * @param owner       its owner, or null
     * @param launched    its launch day, or null
     * @param deadline    its deadline, or null
     * @param budget      its money, or null
     * @param targets     its targets; null when not recorded
     * @param sectors     its sectors, none blank; null when not recorded
     * @param disciplines its disciplines, none blank; null when not recorded
     * @param governance  its governance, or null
     * @param projects    its projects, or null
     * @param sources     its sources; null for none
     * @throws InvalidFieldException naming the field and the value when the id is empty or a list holds a null or
     *                              blank entry
     */
    public Mission {
        Checks.requireId(id, "mission", "id");
        targets = targets == null ? null : Checks.list(targets, "targets");
        sectors = sectors == null ? null : Checks.names(sectors, "sectors");
        disciplines = disciplines == null ? null : Checks.names(disciplines, "disciplines");
        projects = projects == null ? null : Checks.list(projects, "projects");
        sources = Checks.list(sources, "sources");
    }

    /**
     * A builder for code that states only the fields it cares about.
     *
     * @param id the mission's id; also its title until one is set
     * @return a builder of a mission with nothing else recorded
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * The mission's targets.
     *
     * @return the targets; empty when none are recorded (see {@link #targetsRecorded()})
     */
    @Override
    public List<Target> targets() {
        return targets == null ? List.of() : targets;
    }

    /**
     * Whether the record lists the mission's targets (absent is not none).
     *
     * @return true when it does; an empty list then says the mission has none
     */
    public boolean targetsRecorded() {
        return targets != null;
    }

    /**
     * The mission's projects.
     *
     * @return the projects; empty when none are recorded (see {@link #projectsRecorded()})
     */
    @Override
    public List<Project> projects() {
        return projects == null ? List.of() : projects;
    }

    /**
     * Whether the record lists the mission's projects (absent is not none).
     *
     * @return true when it does; an empty list then says the mission has none
     */
    public boolean projectsRecorded() {
        return projects != null;
    }

    /**
     * The sectors the mission says it spans.
     *
     * @return the sectors; empty when none are recorded (see {@link #sectorsRecorded()})
     */
    @Override
    public List<String> sectors() {
        return sectors == null ? List.of() : sectors;
    }

    /**
     * Whether the record names the sectors the mission says it spans (absent is not none).
     *
     * @return true when it does; an empty list then says it names none
     */
    public boolean sectorsRecorded() {
        return sectors != null;
    }

    /**
     * The disciplines the mission draws on.
     *
     * @return the disciplines; empty when none are recorded (see {@link #disciplinesRecorded()})
     */
    @Override
    public List<String> disciplines() {
        return disciplines == null ? List.of() : disciplines;
    }

    /**
     * Whether the record names the disciplines the mission draws on (absent is not none).
     *
     * @return true when it does; an empty list then says the mission draws on none
     */
    public boolean disciplinesRecorded() {
        return disciplines != null;
    }

    /**
     * The public money committed to the mission's projects.
     *
     * @return the sum of the projects' recorded public funding (a project without a recorded amount adds 0)
     */
    public double publicFunding() {
        return projects().stream().mapToDouble(Project::recordedFunding).sum();
    }

    /**
     * Every sector the mission spans.
     *
     * @return the mission's own sectors, then its projects' sectors, without duplicates, in that order
     */
    public Set<String> allSectors() {
        Set<String> all = new LinkedHashSet<>(sectors());
        for (Project p : projects()) {
            if (p.sector() != null && !p.sector().isBlank()) {
                all.add(p.sector());
            }
        }
        return all;
    }

    /**
     * The listed projects whose sector is not recorded: each might add one sector to {@link #allSectors()}.
     *
     * @return their number; 0 when the projects are not recorded
     */
    public int projectsWithoutSector() {
        int count = 0;
        for (Project p : projects()) {
            if (p.sector() == null || p.sector().isBlank()) {
                count++;
            }
        }
        return count;
    }

    /**
     * The mission as it stood on a date: each target with the goal in force then ({@link Target#asOf}).
     *
     * @param date the evaluation date
     * @return this mission when no target was revised after {@code date}, otherwise a copy with the targets of then
     */
    public Mission asOf(LocalDate date) {
        List<Target> then = null;
        List<Target> current = targets();
        for (int i = 0; i < current.size(); i++) {
            Target target = current.get(i).asOf(date);
            if (target != current.get(i)) {
                if (then == null) {
                    then = new java.util.ArrayList<>(current);
                }
                then.set(i, target);
            }
        }
        return then == null ? this : new Mission(id, title, statement, challenge, owner, launched, deadline, budget,
                then, sectors, disciplines, governance, projects, sources);
    }

    /**
     * A copy with one project replaced (same id) or added at the end.
     *
     * @param project the project
     * @return the copy; a mission whose projects were not recorded gets a list of this one
     */
    public Mission withProject(Project project) {
        List<Project> next = new java.util.ArrayList<>(projects());
        int at = -1;
        for (int i = 0; i < next.size() && at < 0; i++) {
            if (next.get(i).id().equals(project.id())) {
                at = i;
            }
        }
        if (at >= 0) {
            next.set(at, project); // keep the order: reports list projects as the file does
        } else {
            next.add(project);
        }
        return new Mission(id, title, statement, challenge, owner, launched, deadline, budget, targets, sectors,
                disciplines, governance, next, sources);
    }

    /**
     * Builds a {@link Mission}; what is not set is not recorded.
     */
    public static final class Builder {
        private final String id;
        private String title;
        private String statement;
        private String challenge;
        private String owner;
        private LocalDate launched;
        private LocalDate deadline;
        private Budget budget;
        private List<Target> targets;
        private List<String> sectors;
        private List<String> disciplines;
        private Governance governance;
        private List<Project> projects;
        private List<String> sources = List.of();

        private Builder(String id) {
            this.id = id;
            this.title = id;
        }

        /**
         * The mission's title; its id until set.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) { this.title = value; return this; }

        /**
         * The public mission statement.
         *
         * @param value the statement
         * @return this builder
         */
        public Builder statement(String value) { this.statement = value; return this; }

        /**
         * The societal challenge the mission tackles.
         *
         * @param value the challenge
         * @return this builder
         */
        public Builder challenge(String value) { this.challenge = value; return this; }

        /**
         * Who owns the mission.
         *
         * @param value the owner's name
         * @return this builder
         */
        public Builder owner(String value) { this.owner = value; return this; }

        /**
         * The day the mission was launched.
         *
         * @param value the date
         * @return this builder
         */
        public Builder launched(LocalDate value) { this.launched = value; return this; }

        /**
         * The day the mission is to be achieved by.
         *
         * @param value the date
         * @return this builder
         */
        public Builder deadline(LocalDate value) { this.deadline = value; return this; }

        /**
         * The mission's money.
         *
         * @param value the budget
         * @return this builder
         */
        public Builder budget(Budget value) { this.budget = value; return this; }

        /**
         * The mission's targets; calling it with none records "no targets" ({@code []}).
         *
         * @param values the targets
         * @return this builder
         */
        public Builder targets(Target... values) { this.targets = List.of(values); return this; }

        /**
         * The targets; null: not recorded, empty: none.
         *
         * @param values the targets, or null
         * @return this builder
         */
        public Builder targets(List<Target> values) { this.targets = values == null ? null : List.copyOf(values); return this; }

        /**
         * The sectors the mission says it spans.
         *
         * @param values the sectors' names
         * @return this builder
         */
        public Builder sectors(String... values) { this.sectors = List.of(values); return this; }

        /**
         * The sectors; null: not recorded, empty: none.
         *
         * @param values the sectors' names, or null
         * @return this builder
         */
        public Builder sectors(List<String> values) {
            this.sectors = values == null ? null : List.copyOf(values);
            return this;
        }

        /**
         * The disciplines the mission draws on.
         *
         * @param values the disciplines' names
         * @return this builder
         */
        public Builder disciplines(String... values) { this.disciplines = List.of(values); return this; }

        /**
         * The disciplines; null: not recorded, empty: none.
         *
         * @param values the disciplines' names, or null
         * @return this builder
         */
        public Builder disciplines(List<String> values) {
            this.disciplines = values == null ? null : List.copyOf(values);
            return this;
        }

        /**
         * How the mission is steered.
         *
         * @param value the governance
         * @return this builder
         */
        public Builder governance(Governance value) { this.governance = value; return this; }

        /**
         * The mission's projects; calling it with none records "no projects" ({@code []}).
         *
         * @param values the projects
         * @return this builder
         */
        public Builder projects(Project... values) { this.projects = List.of(values); return this; }

        /**
         * The projects; null: not recorded, empty: none.
         *
         * @param values the projects, or null
         * @return this builder
         */
        public Builder projects(List<Project> values) { this.projects = values == null ? null : List.copyOf(values); return this; }

        /**
         * Where the mission's record comes from.
         *
         * @param values the sources
         * @return this builder
         */
        public Builder sources(String... values) { this.sources = List.of(values); return this; }

        /**
         * Builds the mission.
         *
         * @return the mission
         * @throws InvalidFieldException naming the field and the value when a value is not valid
         */
        public Mission build() {
            return new Mission(id, title, statement, challenge, owner, launched, deadline, budget, targets, sectors,
                    disciplines, governance, projects, sources);
        }
    }
}
