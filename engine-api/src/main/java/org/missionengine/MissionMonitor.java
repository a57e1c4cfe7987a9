package org.missionengine;

import org.missionengine.model.Observation;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;
import org.missionengine.report.EvaluationReport;

/**
 * Keeps a portfolio's evaluation live: feed it observations, project status changes and new projects as they happen,
 * and only the findings and target statuses they affect are re-evaluated. Listeners are told what appeared and
 * disappeared. {@link #report()} always equals a fresh {@link MissionEngine#evaluate} of the same data at the same
 * date. Not thread-safe: feed it from one thread (or synchronise). Close it to free its sessions.
 */
public interface MissionMonitor extends AutoCloseable {

    /**
     * Adds an observation; observations dated after the monitor's date are kept but, as in a batch, not used.
     *
     * @param observation the observation of a metric of the portfolio
     * @throws UserErrorException if it names an unknown metric or mission
     */
    void addObservation(Observation observation);

    /**
     * Changes the status of a project of any mission.
     *
     * @param projectId the project
     * @param status    its new status
     * @throws UserErrorException if no mission has the project
     */
    void updateProjectStatus(String projectId, ProjectStatus status);

    /**
     * Adds a project to a mission (or replaces the project with the same id).
     *
     * @param missionId the mission
     * @param project   the project
     * @throws UserErrorException if the mission is unknown or the project names an unknown actor or metric
     */
    void addProject(String missionId, Project project);

    /**
     * The evaluation as it stands now.
     *
     * @return the report, equal to a fresh evaluation of the same data
     */
    EvaluationReport report();

    /**
     * Explains a mission's findings as the portfolio stands now, as {@link MissionEngine#explain} does: a listener told
     * that a finding appeared can ask why ({@code monitor.explain(missionId, finding.code())}).
     *
     * @param missionId the mission to explain
     * @param code      a finding code, or null for every finding of the mission
     * @return the explanation, as {@link MissionEngine#explain} gives it
     * @throws UnsupportedOperationException when the implementation cannot explain
     */
    default org.missionengine.explain.Explanation explain(String missionId, String code) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot explain its findings");
    }

    /**
     * Tells {@code listener} what changes after each later update.
     *
     * @param listener the listener
     */
    void addListener(MonitorListener listener);

    /**
     * Stops telling {@code listener}.
     *
     * @param listener a listener added before
     */
    void removeListener(MonitorListener listener);

    /** Frees the monitor's sessions; the monitor cannot be used afterwards. */
    @Override
    void close();
}
