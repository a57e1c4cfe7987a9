package org.missionengine.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One intervention of a mission's portfolio. Amounts are in the portfolio's currency.
 *
 * <p>Absent is not none: {@code openCall} and {@code publicFunding} are null when the record does not say, and
 * {@code conditionalities} reads as empty when not recorded while {@link #conditionalitiesRecorded()} tells an empty
 * record ({@code []}: no conditions) from a missing one. {@code privateFunding} is null when not recorded, and
 * {@code contributesTo} reads as empty when not recorded while {@link #contributionsRecorded()} tells the two apart:
 * a check of leverage or direction counts only the projects whose record says.
 *
 * @param id               the project's id, unique across the portfolio
 * @param title            its title
 * @param instrument       how the state acts through it: money of some kind, or {@link Instrument#REGULATION}
 * @param recipient        the id of the actor who gets the money or carries the project out; null when not recorded
 * @param sector           the sector it works in, as the mission's {@code sectors} name them; null when not recorded
 * @param solution         the solution path or technology it pursues; null when not recorded
 * @param openCall         true when it came from an open (bottom-up) call, false when not; null when not recorded
 * @param publicFunding    the public money committed to it, 0 or more; null when not recorded
 * @param privateFunding   the private money it brings, 0 or more; null when not recorded
 * @param start            the day it starts; null when not recorded
 * @param end              the day it ends, not before {@code start}; null when not recorded
 * @param status           where it stands; {@link ProjectStatus#ACTIVE} when not recorded
 * @param preexisting      true when it was funded before the mission and relabelled as part of it
 * @param contributesTo    the ids of the metrics it is meant to move; null when not recorded, empty for none
 * @param conditionalities the conditions attached to its public money; null when not recorded, empty for none
 * @param cashflows        its yearly costs and benefits, for the value view; empty when none are recorded
 */
public record Project(String id, String title, Instrument instrument, String recipient, String sector, String solution,
                      Boolean openCall, Double publicFunding, Double privateFunding, LocalDate start, LocalDate end,
                      ProjectStatus status, boolean preexisting, List<String> contributesTo,
                      List<Conditionality> conditionalities, List<Cashflow> cashflows) {
    /**
     * Checks the amounts and dates and copies the lists; a null {@code status} is ACTIVE, a null {@code cashflows}
     * empty ({@code contributesTo} and {@code conditionalities} keep their null: "not recorded").
     *
     * @param id               the project's id: not empty
     * @param title            its title
     * @param instrument       how the state acts through it
     * @param recipient        the recipient actor's id, or null
     * @param sector           its sector, or null
     * @param solution         its solution path, or null
     * @param openCall         whether it came from an open call, or null
     * @param publicFunding    the public money, 0 or more, at most 1e15; or null
     * @param privateFunding   the private money, 0 or more, at most 1e15; or null
     * @param start            its first day, or null
     * @param end              its last day, not before {@code start}, or null
     * @param status           where it stands, or null for ACTIVE
     * @param preexisting      whether it was relabelled into the mission
     * @param contributesTo    metric ids, none blank; or null
     * @param conditionalities the conditions on its money, or null
     * @param cashflows        its yearly costs and benefits; null for none
     * @throws InvalidFieldException naming the field and the value when the id is empty, an amount is negative or
     *                               too large, a list holds a null or blank entry, or it ends before it starts
     */
    public Project {
        Checks.requireId(id, "project", "id");
        Checks.nonNegativeOrNull(publicFunding, "project \"" + id + "\" publicFunding", "publicFunding");
        Checks.nonNegativeOrNull(privateFunding, "project \"" + id + "\" privateFunding", "privateFunding");
        if (start != null && end != null && end.isBefore(start)) {
            throw Checks.invalid("end", "project \"" + id + "\"", "ends (" + end + ") before it starts (" + start + ")",
                    "Check the two dates: a project ends on or after its start.");
        }
        if (status == null) {
            status = ProjectStatus.ACTIVE;
        }
        contributesTo = contributesTo == null ? null : Checks.names(contributesTo, "contributesTo");
        conditionalities = conditionalities == null ? null : Checks.list(conditionalities, "conditionalities");
        cashflows = Checks.list(cashflows, "cashflows");
    }

    /**
     * A builder for code that states only the fields it cares about.
     *
     * @param id the project's id; also its title until one is set
     * @return a builder of a GRANT, ACTIVE, with nothing else recorded
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * The metrics the project is meant to move.
     *
     * @return their ids; empty when none are recorded (see {@link #contributionsRecorded()})
     */
    @Override
    public List<String> contributesTo() {
        return contributesTo == null ? List.of() : contributesTo;
    }

    /**
     * Whether the record names the metrics the project is meant to move (absent is not none).
     *
     * @return true when it does; an empty list then says it is meant to move none
     */
    public boolean contributionsRecorded() {
        return contributesTo != null;
    }

    /**
     * Whether the record gives the private money the project brings.
     *
     * @return true when {@code privateFunding} is recorded, 0 included
     */
    public boolean privateFundingRecorded() {
        return privateFunding != null;
    }

    /**
     * The conditions on the project's money.
     *
     * @return the conditions; empty when none are recorded (see {@link #conditionalitiesRecorded()})
     */
    @Override
    public List<Conditionality> conditionalities() {
        return conditionalities == null ? List.of() : conditionalities;
    }

    /**
     * Whether the record lists the project's conditions (absent is not none).
     *
     * @return true when it does; an empty list then says there are none
     */
    public boolean conditionalitiesRecorded() {
        return conditionalities != null;
    }

    /**
     * Whether the record gives the project's public funding.
     *
     * @return true when {@code publicFunding} is recorded, 0 included
     */
    public boolean fundingRecorded() {
        return publicFunding != null;
    }

    /**
     * The public funding, for sums that count only what is recorded.
     *
     * @return the public funding; 0 when not recorded
     */
    public double recordedFunding() {
        return publicFunding == null ? 0 : publicFunding;
    }

    /**
     * Whether the record says the project came from an open call.
     *
     * @return true only when {@code openCall} is recorded as true; false when it is false or not recorded
     */
    public boolean fromOpenCall() {
        return Boolean.TRUE.equals(openCall);
    }

    /**
     * Whether the project's money carries a condition of one of the given types.
     *
     * @param types the types looked for
     * @return true when a recorded condition has one of them; false when none is recorded
     */
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

    /**
     * Whether the project's money carries a condition with teeth.
     *
     * @return true when at least one condition is enforceable or backed by clawback
     */
    public boolean hasBindingCondition() {
        return conditionalities().stream().anyMatch(Conditionality::binding);
    }

    /**
     * How long the project runs.
     *
     * @return its duration in years (days / 365.25), or null unless both dates are recorded
     */
    public Double durationYears() {
        if (start == null || end == null) {
            return null;
        }
        return (end.toEpochDay() - start.toEpochDay()) / 365.25;
    }

    /**
     * A copy with another status, as when a monitored project completes or stops.
     *
     * @param newStatus the status of the copy; null for ACTIVE
     * @return the copy; everything else is unchanged
     */
    public Project withStatus(ProjectStatus newStatus) {
        return new Project(id, title, instrument, recipient, sector, solution, openCall, publicFunding, privateFunding,
                start, end, newStatus, preexisting, contributesTo, conditionalities, cashflows);
    }

    /** Builds a {@link Project}; what is not set is not recorded, except as {@link Project#builder} says. */
    public static final class Builder {
        private final String id;
        private String title;
        private Instrument instrument = Instrument.GRANT;
        private String recipient;
        private String sector;
        private String solution;
        private Boolean openCall;
        private Double publicFunding;
        private Double privateFunding;
        private LocalDate start;
        private LocalDate end;
        private ProjectStatus status = ProjectStatus.ACTIVE;
        private boolean preexisting;
        private List<String> contributesTo;
        private List<Conditionality> conditionalities;
        private List<Cashflow> cashflows = List.of();

        private Builder(String id) {
            this.id = id;
            this.title = id;
        }

        /**
         * The project's title; its id until set.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) { this.title = value; return this; }
        /**
         * How the state acts through the project; GRANT until set.
         *
         * @param value the instrument
         * @return this builder
         */
        public Builder instrument(Instrument value) { this.instrument = value; return this; }
        /**
         * Who gets the money or carries the project out.
         *
         * @param value the recipient actor's id
         * @return this builder
         */
        public Builder recipient(String value) { this.recipient = value; return this; }
        /**
         * The sector the project works in.
         *
         * @param value the sector's name
         * @return this builder
         */
        public Builder sector(String value) { this.sector = value; return this; }
        /**
         * The solution path or technology the project pursues.
         *
         * @param value the solution's name
         * @return this builder
         */
        public Builder solution(String value) { this.solution = value; return this; }
        /**
         * Records whether the project came from an open call.
         *
         * @param value true for an open call, false for none
         * @return this builder
         */
        public Builder openCall(boolean value) { this.openCall = value; return this; }
        /**
         * Whether the project came from an open call; null: not recorded.
         *
         * @param value true, false, or null for not recorded
         * @return this builder
         */
        public Builder openCall(Boolean value) { this.openCall = value; return this; }
        /**
         * Records the public funding.
         *
         * @param value the amount, 0 or more, in the portfolio's currency
         * @return this builder
         */
        public Builder publicFunding(double value) { this.publicFunding = value; return this; }
        /**
         * The public funding; null: not recorded.
         *
         * @param value the amount, 0 or more, or null for not recorded
         * @return this builder
         */
        public Builder publicFunding(Double value) { this.publicFunding = value; return this; }
        /**
         * Records the private money the project brings.
         *
         * @param value the amount, 0 or more, in the portfolio's currency
         * @return this builder
         */
        public Builder privateFunding(double value) { this.privateFunding = value; return this; }
        /**
         * The private money the project brings; null: not recorded.
         *
         * @param value the amount, 0 or more, or null for not recorded
         * @return this builder
         */
        public Builder privateFunding(Double value) { this.privateFunding = value; return this; }
        /**
         * The project's first day.
         *
         * @param value the date
         * @return this builder
         */
        public Builder start(LocalDate value) { this.start = value; return this; }
        /**
         * The project's last day.
         *
         * @param value the date, not before the start
         * @return this builder
         */
        public Builder end(LocalDate value) { this.end = value; return this; }
        /**
         * Where the project stands; ACTIVE until set.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(ProjectStatus value) { this.status = value; return this; }
        /**
         * Whether the project was funded before the mission and relabelled; false until set.
         *
         * @param value true for a relabelled project
         * @return this builder
         */
        public Builder preexisting(boolean value) { this.preexisting = value; return this; }
        /**
         * The metrics the project is meant to move; calling it with none records "none" ({@code []}).
         *
         * @param metricIds the metrics' ids
         * @return this builder
         */
        public Builder contributesTo(String... metricIds) { this.contributesTo = List.of(metricIds); return this; }
        /**
         * The metrics the project is meant to move; null: not recorded, empty: none.
         *
         * @param metricIds the metrics' ids, or null
         * @return this builder
         */
        public Builder contributesTo(List<String> metricIds) { this.contributesTo = metricIds; return this; }
        /**
         * The conditions on the money; calling it with none records "no conditions" ({@code []}).
         *
         * @param values the conditions
         * @return this builder
         */
        public Builder conditionalities(Conditionality... values) { this.conditionalities = List.of(values); return this; }
        /**
         * The conditions on the money; null: not recorded, empty: none.
         *
         * @param values the conditions, or null
         * @return this builder
         */
        public Builder conditionalities(List<Conditionality> values) { this.conditionalities = values; return this; }
        /**
         * The project's yearly costs and benefits.
         *
         * @param values the cash flows
         * @return this builder
         */
        public Builder cashflows(Cashflow... values) { this.cashflows = List.of(values); return this; }

        /**
         * Builds the project.
         *
         * @return the project
         * @throws InvalidFieldException naming the field and the value when a value is not valid
         */
        public Project build() {
            return new Project(id, title, instrument, recipient, sector, solution, openCall, publicFunding,
                    privateFunding, start, end, status, preexisting, contributesTo, conditionalities, cashflows);
        }
    }
}
