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

    public String id() {
        return id;
    }

    public TestProject title(String value) { title = value; return this; }

    public TestProject grant(double amount) { return instrument(Instrument.GRANT, amount); }

    public TestProject loan(double amount) { return instrument(Instrument.LOAN, amount); }

    public TestProject equity(double amount) { return instrument(Instrument.EQUITY, amount); }

    public TestProject procurement(double amount) { return instrument(Instrument.PROCUREMENT, amount); }

    /** The instrument and its public funding. */
    public TestProject instrument(Instrument value, double amount) {
        instrument = value;
        publicFunding = amount;
        return this;
    }

    public TestProject publicFunding(double amount) { publicFunding = amount; return this; }

    public TestProject privateFunding(double amount) { privateFunding = amount; return this; }

    /** The recipient's actor id; an actor of type BUSINESS is added to the portfolio unless declared otherwise. */
    public TestProject recipient(String actorId) { recipient = actorId; return this; }

    /** The recipient, added to the portfolio as an actor of this type (unless the mission declares it). */
    public TestProject recipient(String actorId, ActorType type) {
        recipient = actorId;
        recipientType = type;
        return this;
    }

    public TestProject sector(String value) { sector = value; return this; }

    public TestProject solution(String value) { solution = value; return this; }

    /** The project came from an open (bottom-up) call. */
    public TestProject openCall() { openCall = true; return this; }

    public TestProject openCall(boolean value) { openCall = value; return this; }

    /** The project was funded before the mission and relabelled. */
    public TestProject preexisting() { preexisting = true; return this; }

    public TestProject status(ProjectStatus value) { status = value; return this; }

    /** Start and end dates, ISO-8601 ({@code "2024-01-01"}); either may be null. */
    public TestProject runs(String startDate, String endDate) {
        start = TestMission.date(startDate);
        end = TestMission.date(endDate);
        return this;
    }

    /** Metric ids the project contributes to (metrics not declared are added as OUTCOME metrics). */
    public TestProject contributesTo(String... metricIds) {
        contributesTo.addAll(List.of(metricIds));
        return this;
    }

    /** A condition with teeth: enforceable, monitored and backed by clawback. */
    public TestProject condition(ConditionalityType type) {
        return condition(new Conditionality(type, true, true, true, null));
    }

    /** A condition without teeth: neither enforceable nor monitored nor backed by clawback. */
    public TestProject unenforceableCondition(ConditionalityType type) {
        return condition(new Conditionality(type, false, false, false, null));
    }

    public TestProject condition(Conditionality value) {
        conditionalities.add(value);
        return this;
    }

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

    public Project build() {
        return new Project(id, title, instrument, recipient, sector, solution, openCall, publicFunding, privateFunding,
                start, end, status, preexisting, contributesTo, conditionalities, cashflows);
    }
}
