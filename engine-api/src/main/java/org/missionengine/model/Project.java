package org.missionengine.model;

import java.time.LocalDate;
import java.util.List;

/** One intervention of a mission's portfolio. Amounts are in the portfolio's currency. */
public record Project(String id, String title, Instrument instrument, String recipient, String sector, String solution,
                      boolean openCall, double publicFunding, double privateFunding, LocalDate start, LocalDate end,
                      ProjectStatus status, boolean preexisting, List<String> contributesTo,
                      List<Conditionality> conditionalities, List<Cashflow> cashflows) {
    public Project {
        Checks.requireId(id, "project", "id");
        Checks.nonNegative(publicFunding, "project \"" + id + "\" publicFunding", "publicFunding");
        Checks.nonNegative(privateFunding, "project \"" + id + "\" privateFunding", "privateFunding");
        if (start != null && end != null && end.isBefore(start)) {
            throw Checks.invalid("end", "project \"" + id + "\"", "ends (" + end + ") before it starts (" + start + ")",
                    "Check the two dates: a project ends on or after its start.");
        }
        if (status == null) {
            status = ProjectStatus.ACTIVE;
        }
        contributesTo = Checks.names(contributesTo, "contributesTo");
        conditionalities = Checks.list(conditionalities, "conditionalities");
        cashflows = Checks.list(cashflows, "cashflows");
    }

    /** A builder for code that states only the fields it cares about. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** True when the project has a condition of one of the given types. */
    public boolean hasCondition(ConditionalityType... types) {
        for (Conditionality c : conditionalities) {
            for (ConditionalityType t : types) {
                if (c.type() == t) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when at least one condition is enforceable or backed by clawback. */
    public boolean hasBindingCondition() {
        return conditionalities.stream().anyMatch(Conditionality::binding);
    }

    /** Duration in years (days / 365.25), or null without both dates. */
    public Double durationYears() {
        if (start == null || end == null) {
            return null;
        }
        return (end.toEpochDay() - start.toEpochDay()) / 365.25;
    }

    /** Returns a copy with another status. */
    public Project withStatus(ProjectStatus newStatus) {
        return new Project(id, title, instrument, recipient, sector, solution, openCall, publicFunding, privateFunding,
                start, end, newStatus, preexisting, contributesTo, conditionalities, cashflows);
    }

    public static final class Builder {
        private final String id;
        private String title;
        private Instrument instrument = Instrument.GRANT;
        private String recipient;
        private String sector;
        private String solution;
        private boolean openCall;
        private double publicFunding;
        private double privateFunding;
        private LocalDate start;
        private LocalDate end;
        private ProjectStatus status = ProjectStatus.ACTIVE;
        private boolean preexisting;
        private List<String> contributesTo = List.of();
        private List<Conditionality> conditionalities = List.of();
        private List<Cashflow> cashflows = List.of();

        private Builder(String id) {
            this.id = id;
            this.title = id;
        }

        public Builder title(String value) { this.title = value; return this; }
        public Builder instrument(Instrument value) { this.instrument = value; return this; }
        public Builder recipient(String value) { this.recipient = value; return this; }
        public Builder sector(String value) { this.sector = value; return this; }
        public Builder solution(String value) { this.solution = value; return this; }
        public Builder openCall(boolean value) { this.openCall = value; return this; }
        public Builder publicFunding(double value) { this.publicFunding = value; return this; }
        public Builder privateFunding(double value) { this.privateFunding = value; return this; }
        public Builder start(LocalDate value) { this.start = value; return this; }
        public Builder end(LocalDate value) { this.end = value; return this; }
        public Builder status(ProjectStatus value) { this.status = value; return this; }
        public Builder preexisting(boolean value) { this.preexisting = value; return this; }
        public Builder contributesTo(String... metricIds) { this.contributesTo = List.of(metricIds); return this; }
        public Builder conditionalities(Conditionality... values) { this.conditionalities = List.of(values); return this; }
        public Builder cashflows(Cashflow... values) { this.cashflows = List.of(values); return this; }

        public Project build() {
            return new Project(id, title, instrument, recipient, sector, solution, openCall, publicFunding,
                    privateFunding, start, end, status, preexisting, contributesTo, conditionalities, cashflows);
        }
    }
}
