package org.missionengine.test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.missionengine.model.ActorType;
import org.missionengine.model.Cashflow;
import org.missionengine.model.Conditionality;
import org.missionengine.model.ConditionalityType;
import org.missionengine.model.Instrument;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;

/**
 * A project for test code: a grant of 1,000,000 that is active, unless a test says otherwise. Name its recipient
 * with a type ({@code recipient("acme", ActorType.SME)}) and {@link TestMission} adds the actor to the portfolio.
 *
 * <p>The project built records its public funding, its private funding (0 unless set), whether it came from an open
 * call (false unless set), the metrics it moves (none unless added) and its conditions (none unless added): a test of
 * what happens when those are <em>not recorded</em> builds the {@link Project} itself, with {@link Project#builder}.
 */
public final class TestProject {
    private final String id;
    private String title;
    private Instrument instrument = Instrument.GRANT;
    private double publicFunding = 1_000_000;
    private double privateFunding;
    private String recipient;
    private ActorType recipientType;
    private String sector;
    private String solution;
    private boolean openCall;
    private LocalDate start;
    private LocalDate end;
    private ProjectStatus status = ProjectStatus.ACTIVE;
    private boolean preexisting;
    private final List<String> contributesTo = new ArrayList<>();
    private final List<Conditionality> conditionalities = new ArrayList<>();
    private final List<Cashflow> cashflows = new ArrayList<>();

    TestProject(String id) {
        this.id = id;
        this.title = id;
    }

    /**
     * The project's id.
     *
     * @return the id given to {@link TestPortfolios#project}
     */
    public String id() {
        return id;
    }

    /**
     * The project's title; its id until set.
     *
     * @param value the title
     * @return this project
     */
    public TestProject title(String value) { title = value; return this; }

    /**
     * A grant of an amount.
     *
     * @param amount the public funding
     * @return this project
     */
    public TestProject grant(double amount) { return instrument(Instrument.GRANT, amount); }

    /**
     * A loan of an amount.
     *
     * @param amount the public funding
     * @return this project
     */
    public TestProject loan(double amount) { return instrument(Instrument.LOAN, amount); }

    /**
     * An equity stake of an amount.
     *
     * @param amount the public funding
     * @return this project
     */
    public TestProject equity(double amount) { return instrument(Instrument.EQUITY, amount); }

    /**
     * A public contract of an amount.
     *
     * @param amount the public funding
     * @return this project
     */
    public TestProject procurement(double amount) { return instrument(Instrument.PROCUREMENT, amount); }

    /**
     * The instrument and its public funding.
     *
     * @param value  the instrument
     * @param amount the public funding, 0 or more
     * @return this project
     */
    public TestProject instrument(Instrument value, double amount) {
        instrument = value;
        publicFunding = amount;
        return this;
    }

    /**
     * The public funding, keeping the instrument.
     *
     * @param amount the amount, 0 or more
     * @return this project
     */
    public TestProject publicFunding(double amount) { publicFunding = amount; return this; }

    /**
     * The private money the project brings; 0 unless set.
     *
     * @param amount the amount, 0 or more
     * @return this project
     */
    public TestProject privateFunding(double amount) { privateFunding = amount; return this; }

    /**
     * The recipient's actor id; an actor of type BUSINESS is added to the portfolio unless declared otherwise.
     *
     * @param actorId the actor's id
     * @return this project
     */
    public TestProject recipient(String actorId) { recipient = actorId; return this; }

    /**
     * The recipient, added to the portfolio as an actor of this type (unless the mission declares it).
     *
     * @param actorId the actor's id
     * @param type    the kind of organisation
     * @return this project
     */
    public TestProject recipient(String actorId, ActorType type) {
        recipient = actorId;
        recipientType = type;
        return this;
    }

    /**
     * The sector the project works in.
     *
     * @param value the sector's name
     * @return this project
     */
    public TestProject sector(String value) { sector = value; return this; }

    /**
     * The solution path or technology the project pursues.
     *
     * @param value the solution's name
     * @return this project
     */
    public TestProject solution(String value) { solution = value; return this; }

    /**
     * The project came from an open (bottom-up) call.
     *
     * @return this project
     */
    public TestProject openCall() { openCall = true; return this; }

    /**
     * Whether the project came from an open call.
     *
     * @param value true for an open call
     * @return this project
     */
    public TestProject openCall(boolean value) { openCall = value; return this; }

    /**
     * The project was funded before the mission and relabelled.
     *
     * @return this project
     */
    public TestProject preexisting() { preexisting = true; return this; }

    /**
     * Where the project stands; ACTIVE unless set.
     *
     * @param value the status
     * @return this project
     */
    public TestProject status(ProjectStatus value) { status = value; return this; }

    /**
     * Start and end dates; either may be null.
     *
     * @param startDate an ISO-8601 date such as {@code 2024-01-01}, or null
     * @param endDate   an ISO-8601 date, or null
     * @return this project
     */
    public TestProject runs(String startDate, String endDate) {
        start = TestMission.date(startDate);
        end = TestMission.date(endDate);
        return this;
    }

    /**
     * Metric ids the project contributes to (metrics not declared are added as OUTCOME metrics).
     *
     * @param metricIds the metrics' ids, added to those set before
     * @return this project
     */
    public TestProject contributesTo(String... metricIds) {
        contributesTo.addAll(List.of(metricIds));
        return this;
    }

    /**
     * A condition with teeth: enforceable, monitored and backed by clawback.
     *
     * @param type what the condition asks
     * @return this project
     */
    public TestProject condition(ConditionalityType type) {
        return condition(new Conditionality(type, true, true, true, null));
    }

    /**
     * A condition without teeth: neither enforceable nor monitored nor backed by clawback.
     *
     * @param type what the condition asks
     * @return this project
     */
    public TestProject unenforceableCondition(ConditionalityType type) {
        return condition(new Conditionality(type, false, false, false, null));
    }

    /**
     * Adds a condition as it is.
     *
     * @param value the condition
     * @return this project
     */
    public TestProject condition(Conditionality value) {
        conditionalities.add(value);
        return this;
    }

    /**
     * Adds a year's cost and benefit, for the value view.
     *
     * @param year    the calendar year
     * @param cost    the cost, 0 or more
     * @param benefit the benefit
     * @return this project
     */
    public TestProject cashflow(int year, double cost, double benefit) {
        cashflows.add(new Cashflow(year, cost, benefit));
        return this;
    }

    String recipientId() {
        return recipient;
    }

    ActorType recipientType() {
        return recipientType;
    }

    /**
     * The project.
     *
     * @return the project, as a portfolio holds it
     */
    public Project build() {
        return new Project(id, title, instrument, recipient, sector, solution, openCall, publicFunding, privateFunding,
                start, end, status, preexisting, contributesTo, conditionalities, cashflows);
    }
}
