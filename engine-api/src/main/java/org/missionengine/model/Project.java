package org.missionengine.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One intervention of a mission's portfolio. Amounts are in the portfolio's currency.
 *
 * <p>Absent is not none: {@code openCall} and {@code publicFunding} are null when the record does not say, and
 * {@code conditionalities} reads as empty when not recorded while {@link #conditionalitiesRecorded()} tells an empty
 * record ({@code []}: no conditions) from a missing one. {@code privateFunding} counts as 0 when not recorded: private
 * money is only ever credited to a mission, never held against it.
 */
public record Project(String id, String title, Instrument instrument, String recipient, String sector, String solution,
                      Boolean openCall, Double publicFunding, double privateFunding, LocalDate start, LocalDate end,
                      ProjectStatus status, boolean preexisting, List<String> contributesTo,
                      List<Conditionality> conditionalities, List<Cashflow> cashflows) {
    public Project {
        Checks.requireId(id, "project", "id");
        Checks.nonNegativeOrNull(publicFunding, "project \"" + id + "\" publicFunding", "publicFunding");
        Checks.nonNegative(privateFunding, "project \"" + id + "\" privateFunding", "privateFunding");
        if (start != null && end != null && end.isBefore(start)) {
            throw Checks.invalid("end", "project \"" + id + "\"", "ends (" + end + ") before it starts (" + start + ")",
                    "Check the two dates: a project ends on or after its start.");
        }
        if (status == null) {
            status = ProjectStatus.ACTIVE;
        }
        contributesTo = Checks.names(contributesTo, "contributesTo");
        conditionalities = conditionalities == null ? null : Checks.list(conditionalities, "conditionalities");
        cashflows = Checks.list(cashflows, "cashflows");
    }

    /** A builder for code that states only the fields it cares about. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The conditions on the project's money; empty when none are recorded (see {@link #conditionalitiesRecorded()}). */
    @Override
    public List<Conditionality> conditionalities() {
        return conditionalities == null ? List.of() : conditionalities;
    }

    /** True when the record lists the project's conditions; an empty list then says there are none. */
    public boolean conditionalitiesRecorded() {
        return conditionalities != null;
    }

    /** True when the record gives the project's public funding. */
    public boolean fundingRecorded() {
        return publicFunding != null;
    }

    /** The public funding, 0 when not recorded: for sums that count only what is recorded. */
    public double recordedFunding() {
        return publicFunding == null ? 0 : publicFunding;
    }

    /** True when the record says the project came from an open call. */
    public boolean fromOpenCall() {
        return Boolean.TRUE.equals(openCall);
    }

    /** True when the project has a condition of one of the given types. */
    public boolean hasCondition(ConditionalityType... types) {
        for (Conditionality c : conditionalities()) {
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
        return conditionalities().stream().anyMatch(Conditionality::binding);
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
        private Boolean openCall;
        private Double publicFunding;
        private double privateFunding;
        private LocalDate start;
        private LocalDate end;
        private ProjectStatus status = ProjectStatus.ACTIVE;
        private boolean preexisting;
        private List<String> contributesTo = List.of();
        private List<Conditionality> conditionalities;
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
        /** Whether the project came from an open call; null: not recorded. */
        public Builder openCall(Boolean value) { this.openCall = value; return this; }
        public Builder publicFunding(double value) { this.publicFunding = value; return this; }
        /** The public funding; null: not recorded. */
        public Builder publicFunding(Double value) { this.publicFunding = value; return this; }
        public Builder privateFunding(double value) { this.privateFunding = value; return this; }
        public Builder start(LocalDate value) { this.start = value; return this; }
        public Builder end(LocalDate value) { this.end = value; return this; }
        public Builder status(ProjectStatus value) { this.status = value; return this; }
        public Builder preexisting(boolean value) { this.preexisting = value; return this; }
        public Builder contributesTo(String... metricIds) { this.contributesTo = List.of(metricIds); return this; }
        /** The conditions on the money; calling it with none records "no conditions" ({@code []}). */
        public Builder conditionalities(Conditionality... values) { this.conditionalities = List.of(values); return this; }
        /** The conditions on the money; null: not recorded, empty: none. */
        public Builder conditionalities(List<Conditionality> values) { this.conditionalities = values; return this; }
        public Builder cashflows(Cashflow... values) { this.cashflows = List.of(values); return this; }

        public Project build() {
            return new Project(id, title, instrument, recipient, sector, solution, openCall, publicFunding,
                    privateFunding, start, end, status, preexisting, contributesTo, conditionalities, cashflows);
        }
    }
}
