package org.missionengine.drools.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.missionengine.drools.packs.Fixture.mission;
import static org.missionengine.drools.packs.Fixture.number;
import static org.missionengine.drools.packs.Fixture.only;
import static org.missionengine.drools.packs.Fixture.portfolio;
import static org.missionengine.drools.packs.Fixture.project;
import static org.missionengine.drools.packs.Fixture.years;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.missionengine.MissionEngine;
import org.missionengine.model.Mission;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.report.Severity;

/** The portfolio pack: rules over the whole portfolio, reported at portfolio level. */
class PortfolioPackTest {
    private static MissionEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = Fixture.engine();
    }

    private static EvaluationReport eval(Mission... missions) {
        return eval(Map.of(), missions);
    }

    private static EvaluationReport eval(Map<String, Object> parameters, Mission... missions) {
        return engine.evaluate(portfolio(parameters, missions), Fixture.AS_OF);
    }

    private static void assertQuiet(EvaluationReport report, String code) {
        assertThat(report.allFindings()).as("%s should stay quiet", code).noneMatch(f -> f.code().equals(code));
    }

    @Test
    void healthyPortfolioHasNoPortfolioFindings() {
        EvaluationReport report = eval(mission().build());

        assertThat(report.findings()).isEmpty();
    }

    // ------------------------------------------------------------ PORT_TOO_MANY_MISSIONS

    @Nested
    class TooManyMissions {
        /** {@code n} healthy missions m1..mn, all owned by the fixture's owner unless renamed by {@code owners}. */
        private Mission[] missions(int n, String... owners) {
            Mission[] missions = new Mission[n];
            for (int i = 0; i < n; i++) {
                String owner = i < owners.length ? owners[i] : Fixture.OWNER;
                missions[i] = mission("m" + (i + 1)).owner(owner).build();
            }
            return missions;
        }

        @Test
        void firesForEightMissionsOfOneOwner() {
            EvaluationReport report = eval(missions(8));
            Finding f = only(report.findings(), "PORT_TOO_MANY_MISSIONS");

            assertThat(f.subject()).isEqualTo(Fixture.OWNER);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.category()).isEqualTo("PORTFOLIO");
            assertThat(f.pack()).isEqualTo("portfolio");
            assertThat(f.evidence()).containsExactly(Map.entry("owner", Fixture.OWNER), Map.entry("missions", 8),
                    Map.entry("maximum", 7));
            // A portfolio-level finding, not a mission's.
            assertThat(report.missions()).allSatisfy(m -> assertThat(m.findings("PORT_TOO_MANY_MISSIONS")).isEmpty());
        }

        @Test
        void quietForExactlySevenMissions() {
            assertQuiet(eval(missions(7)), "PORT_TOO_MANY_MISSIONS");
        }

        @Test
        void countsPerOwner() {
            // Six for the ministry, two for the city.
            assertQuiet(eval(missions(8, "City of Vienna", "City of Vienna")), "PORT_TOO_MANY_MISSIONS");
        }

        @Test
        void missionsWithoutOwnerDoNotCount() {
            Mission[] missions = missions(8);
            missions[0] = mission("m1").owner(null).build();
            assertQuiet(eval(missions), "PORT_TOO_MANY_MISSIONS");
        }

        @Test
        void onlyTheOwnerOverTheMaximumIsNamed() {
            Mission[] nine = missions(9, "City of Vienna");
            Finding f = only(eval(nine).findings(), "PORT_TOO_MANY_MISSIONS");

            assertThat(f.evidence()).containsEntry("owner", Fixture.OWNER).containsEntry("missions", 8);
        }

        @Test
        void followsTheMaximumFromThePortfolioFile() {
            assertQuiet(eval(Map.of("portfolio.maxMissionsPerOwner", 8), missions(8)), "PORT_TOO_MANY_MISSIONS");
            Finding f = only(eval(Map.of("portfolio.maxMissionsPerOwner", 2), missions(3)).findings(),
                    "PORT_TOO_MANY_MISSIONS");
            assertThat(f.evidence()).containsEntry("missions", 3).containsEntry("maximum", 2);
        }
    }

    // ------------------------------------------------------------ PORT_NO_SUNSET

    @Nested
    class NoSunset {
        /** {@code n} projects, the first {@code stopped} of them STOPPED. */
        private List<Project> projects(int n, int stopped) {
            List<Project> projects = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                projects.add(project("q" + i).recipient("uni").sector("energy").solution("path " + (i % 4))
                        .openCall(true).publicFunding(1e6)
                        .status(i <= stopped ? ProjectStatus.STOPPED : ProjectStatus.ACTIVE).build());
            }
            return projects;
        }

        private Mission oldMission(int projects, int stopped, LocalDate launched) {
            return mission().launched(launched).projects(projects(projects, stopped)).build();
        }

        @Test
        void firesForAnOldMissionWithElevenProjectsAndNoneStopped() {
            // Launched 2022-01-01: 1096 days before 2025-01-01, just over three years of 365.25 days.
            EvaluationReport report = eval(oldMission(11, 0, Fixture.LAUNCHED));
            Finding f = only(report.mission("m1").findings(), "PORT_NO_SUNSET");

            assertThat(f.subject()).isEqualTo("m1");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.category()).isEqualTo("PORTFOLIO");
            assertThat(f.evidence()).containsOnlyKeys("ageYears", "projects").containsEntry("projects", 11);
            assertThat(number(f, "ageYears")).isCloseTo(years(Fixture.LAUNCHED, Fixture.AS_OF), within(1e-8))
                    .isCloseTo(3.0007, within(1e-4));
            // about one mission: among its findings, not the portfolio's
            assertThat(report.findings()).noneMatch(x -> x.code().equals("PORT_NO_SUNSET"));
            assertThat(f.message()).isEqualTo("Mission m1 is 3.0 years old with 11 projects and has stopped none: a "
                    + "portfolio that learns ends what does not work.");
        }

        @Test
        void quietWithExactlyTenProjects() {
            assertQuiet(eval(oldMission(10, 0, Fixture.LAUNCHED)), "PORT_NO_SUNSET");
        }

        @Test
        void quietWhenOneProjectWasStopped() {
            assertQuiet(eval(oldMission(11, 1, Fixture.LAUNCHED)), "PORT_NO_SUNSET");
        }

        @Test
        void quietForAMissionNotYetThreeYearsOld() {
            // Launched 2022-01-02: 1095 days, 2.998 years.
            assertQuiet(eval(oldMission(11, 0, LocalDate.of(2022, 1, 2))), "PORT_NO_SUNSET");
        }

        @Test
        void quietWithoutLaunchDate() {
            assertQuiet(eval(oldMission(11, 0, null)), "PORT_NO_SUNSET");
        }

        @Test
        void completedProjectsAreNotStopped() {
            Mission m = mission().projects(projects(11, 0).stream()
                    .map(p -> p.id().equals("q1") ? p.withStatus(ProjectStatus.COMPLETED) : p).toList()).build();
            assertThat(only(eval(m).mission("m1").findings(), "PORT_NO_SUNSET").subject()).isEqualTo("m1");
        }

        @Test
        void followsTheParametersFromThePortfolioFile() {
            assertQuiet(eval(Map.of("portfolio.sunsetMinProjects", 11), oldMission(11, 0, Fixture.LAUNCHED)),
                    "PORT_NO_SUNSET");
            Finding f = only(eval(Map.of("portfolio.sunsetAfterYears", 2), oldMission(11, 0,
                    LocalDate.of(2022, 1, 2))).mission("m1").findings(), "PORT_NO_SUNSET");
            assertThat(number(f, "ageYears")).isCloseTo(1095 / 365.25, within(1e-8));
        }

        @Test
        void oneFindingPerMission() {
            Mission m1 = oldMission(11, 0, Fixture.LAUNCHED);
            Mission m2 = mission("m2").projects(projects(12, 0).stream().map(p -> project("m2-" + p.id())
                    .publicFunding(1e6).build()).toList()).build();
            Mission m3 = mission("m3").build();

            EvaluationReport report = eval(m1, m2, m3);
            assertThat(report.missions()).flatExtracting(MissionReport::findings)
                    .filteredOn(f -> f.code().equals("PORT_NO_SUNSET"))
                    .extracting(Finding::subject).containsExactlyInAnyOrder("m1", "m2");
        }
    }
}
