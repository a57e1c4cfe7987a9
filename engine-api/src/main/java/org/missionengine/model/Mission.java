package org.missionengine.model;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A bold, measurable, time-bound goal. What a weak mission leaves out (statement, deadline, budget, governance,
 * targets, projects) may be null or empty: the rules report it.
 *
 * <p>Absent is not none: {@code projects} reads as empty when the record lists no projects at all, and
 * {@link #projectsRecorded()} tells that gap in the evidence from a portfolio recorded as empty ({@code []}).
 */
public record Mission(String id, String title, String statement, String challenge, String owner, LocalDate launched,
                      LocalDate deadline, Budget budget, List<Target> targets, List<String> sectors,
                      List<String> disciplines, Governance governance, List<Project> projects, List<String> sources) {
    public Mission {
        Checks.requireId(id, "mission", "id");
        targets = Checks.list(targets, "targets");
        sectors = Checks.names(sectors, "sectors");
        disciplines = Checks.names(disciplines, "disciplines");
        projects = projects == null ? null : Checks.list(projects, "projects");
        sources = Checks.list(sources, "sources");
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The projects; empty when none are recorded (see {@link #projectsRecorded()}). */
    @Override
    public List<Project> projects() {
        return projects == null ? List.of() : projects;
    }

    /** True when the record lists the mission's projects; an empty list then says it has none. */
    public boolean projectsRecorded() {
        return projects != null;
    }

    /** Sum of the recorded public funding of the mission's projects (projects without a recorded amount add 0). */
    public double publicFunding() {
        return projects().stream().mapToDouble(Project::recordedFunding).sum();
    }

    /** The mission's own sectors and its projects' sectors, without duplicates. */
    public Set<String> allSectors() {
        Set<String> all = new LinkedHashSet<>(sectors);
        for (Project p : projects()) {
            if (p.sector() != null && !p.sector().isBlank()) {
                all.add(p.sector());
            }
        }
        return all;
    }

    /** Returns a copy with one project replaced (same id) or added. */
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

    public static final class Builder {
        private final String id;
        private String title;
        private String statement;
        private String challenge;
        private String owner;
        private LocalDate launched;
        private LocalDate deadline;
        private Budget budget;
        private List<Target> targets = List.of();
        private List<String> sectors = List.of();
        private List<String> disciplines = List.of();
        private Governance governance;
        private List<Project> projects;
        private List<String> sources = List.of();

        private Builder(String id) {
            this.id = id;
            this.title = id;
        }

        public Builder title(String value) { this.title = value; return this; }
        public Builder statement(String value) { this.statement = value; return this; }
        public Builder challenge(String value) { this.challenge = value; return this; }
        public Builder owner(String value) { this.owner = value; return this; }
        public Builder launched(LocalDate value) { this.launched = value; return this; }
        public Builder deadline(LocalDate value) { this.deadline = value; return this; }
        public Builder budget(Budget value) { this.budget = value; return this; }
        public Builder targets(Target... values) { this.targets = List.of(values); return this; }
        public Builder sectors(String... values) { this.sectors = List.of(values); return this; }
        public Builder disciplines(String... values) { this.disciplines = List.of(values); return this; }
        public Builder governance(Governance value) { this.governance = value; return this; }
        public Builder projects(Project... values) { this.projects = List.of(values); return this; }
        /** The projects; null: not recorded, empty: none. */
        public Builder projects(List<Project> values) { this.projects = values == null ? null : List.copyOf(values); return this; }
        public Builder sources(String... values) { this.sources = List.of(values); return this; }

        public Mission build() {
            return new Mission(id, title, statement, challenge, owner, launched, deadline, budget, targets, sectors,
                    disciplines, governance, projects, sources);
        }
    }
}
