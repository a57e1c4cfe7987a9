package org.missionengine.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;

/**
 * A mission's projects counted, for portfolio rules:
 * {@code $m : MissionProjects( stopped == 0 ) from MissionProjects.of( $portfolio )}. Taking the missions themselves
 * {@code from $portfolio.missions()} makes Drools hash each whole Mission record, every project in it, once per
 * evaluation: the slowest part of a large portfolio's portfolio-level session.
 */
public record MissionProjects(String mission, LocalDate launched, int projects, int stopped) {

    /** One entry per mission, in the portfolio's order. */
    public static List<MissionProjects> of(Portfolio portfolio) {
        List<MissionProjects> all = new ArrayList<>(portfolio.missions().size());
        for (Mission m : portfolio.missions()) {
            int stopped = 0;
            for (Project p : m.projects()) {
                if (p.status() == ProjectStatus.STOPPED) {
                    stopped++;
                }
            }
            all.add(new MissionProjects(m.id(), m.launched(), m.projects().size(), stopped));
        }
        return all;
    }
}
