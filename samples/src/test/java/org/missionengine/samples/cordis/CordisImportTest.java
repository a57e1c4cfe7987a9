package org.missionengine.samples.cordis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.MissionEngine;
import org.missionengine.UserErrorException;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Instrument;
import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.ProjectStatus;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/** The CORDIS importer: mapping rules on a small fixture, and the real extract's copy in data/cordis. */
class CordisImportTest {
    private static final Path FIXTURE = Path.of("src/test/resources/cordis-fixture");
    private static final Path REPO_COPY = Path.of("data/cordis");
    private static final Path SAMPLE = Path.of("missions/cordis-eu-missions.json");

    private static CordisPortfolio.Result real;

    @BeforeAll
    static void importRepoCopy() {
        CordisExtract extract = CordisExtract.read(REPO_COPY);
        real = CordisPortfolio.build(extract, extract.extractDate());
    }

    @Test
    void participantsBecomeGrantsToTypedRecipients() {
        Portfolio p = CordisPortfolio.build(CordisExtract.read(FIXTURE), LocalDate.of(2025, 2, 1)).portfolio();
        assertThat(p.missions()).extracting(Mission::id)
                .containsExactly("eu-cancer", "eu-adaptation", "eu-ocean", "eu-cities", "eu-soil");
        Mission ocean = p.mission("eu-ocean").orElseThrow();
        // the associated partner and the third party receive no EC contribution; the non-mission project is not imported
        assertThat(ocean.projects()).hasSize(6).allSatisfy(project -> {
            assertThat(project.instrument()).isEqualTo(Instrument.GRANT);
            assertThat(project.openCall()).isTrue();
            assertThat(project.solution()).isEqualTo("OCEANX");
            assertThat(project.title()).isEqualTo("OCEANX: Restoring a test sea");
            assertThat(project.status()).isEqualTo(ProjectStatus.ACTIVE);
            assertThat(project.privateFunding()).isNull(); // CORDIS does not give a participant's own money
            assertThat(project.contributionsRecorded()).isFalse();
        });
        assertThat(ocean.publicFunding()).isEqualTo(1_175_000.0);
        assertThat(p.missions().stream().flatMap(m -> m.projects().stream()).map(Project::id))
                .doesNotContain("he-900002-888").contains("he-900001-111", "he-900003-111");

        Map<String, ActorType> types = p.actors().stream().collect(Collectors.toMap(Actor::name, Actor::type));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of(
                "UNIVERSITÉ DE TEST", ActorType.ACADEMIA,
                "TEST SME SARL", ActorType.SME,
                "BIG TEST COMPANY AG", ActorType.BUSINESS,
                "TEST RESEARCH LAB", ActorType.RESEARCH,
                "CITY OF TESTVILLE", ActorType.PUBLIC_AGENCY,
                "TEST SEA ASSOCIATION", ActorType.CIVIL_SOCIETY));
        // one actor per organisation (PIC), with a readable id
        Actor university = p.actors().stream().filter(a -> a.name().startsWith("UNIVERSITÉ")).findFirst().orElseThrow();
        assertThat(university.id()).isEqualTo("universite-de-test");
        assertThat(university.country()).isEqualTo("FR");

        assertThat(ocean.disciplines()).containsExactly("biological sciences", "sociology");
        Mission cities = p.mission("eu-cities").orElseThrow();
        Project platform = cities.projects().get(0);
        assertThat(platform.openCall()).as("a specific grant agreement is not an open call").isFalse();
        assertThat(platform.status()).isEqualTo(ProjectStatus.PLANNED);
        assertThat(platform.recipient()).isEqualTo("universite-de-test");
        assertThat(cities.disciplines()).containsExactly("civil engineering");
        assertThat(p.sources()).anyMatch(s -> s.contains(CordisPortfolio.ATTRIBUTION));
        assertThat(p.asOf()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void readsCordisNumbersAndQuoting() {
        CordisExtract extract = CordisExtract.read(FIXTURE);
        assertThat(extract.extractDate()).isEqualTo(LocalDate.of(2025, 1, 31));
        CordisExtract.Project oceanx = extract.projects().get(0);
        assertThat(oceanx.totalCost()).as("decimal comma").isEqualTo(1_234_567.5);
        assertThat(extract.projects()).hasSize(3); // the quoted objective with a pipe and a line break is one field
        assertThat(extract.participations()).filteredOn(p -> p.name().equals("ASSOCIATED TEST FIRM"))
                .singleElement().satisfies(p -> {
                    assertThat(p.ecContribution()).isNull();
                    assertThat(p.sme()).isNull();
                    assertThat(p.pic()).isEqualTo("777");
                });
    }

    @Test
    void missionTopicsAndDisciplineLevels() {
        assertThat(EuMission.ofTopic("HORIZON-MISS-2023-CLIMA-CITIES-01-01")).contains(EuMission.CLIMA);
        assertThat(EuMission.ofTopic("HORIZON-MISS-2021-UNCAN-01-01")).contains(EuMission.CANCER);
        assertThat(EuMission.ofTopic("HORIZON-MISS-2022-NEB-01-01")).contains(EuMission.NEB);
        assertThat(EuMission.ofTopic("HORIZON-MISS-2021-COOR-01-01")).isEmpty();
        assertThat(EuMission.ofTopic("HORIZON-CL5-2023-D1-01")).isEmpty();
        assertThat(CordisPortfolio.discipline("/medical and health sciences/clinical medicine/oncology"))
                .contains("clinical medicine");
        assertThat(CordisPortfolio.discipline("/humanities")).contains("humanities");
        assertThat(CordisPortfolio.actorType("PRC", null)).isEqualTo(ActorType.BUSINESS);
        assertThat(CordisPortfolio.actorType("XYZ", false)).isNull();
    }

    @Test
    void theSampleFileIsTheImportersOutputAndValidates() throws IOException {
        String expected = PortfolioFiles.toString(real.portfolio(), SAMPLE.toString());
        assertThat(Files.readString(SAMPLE))
                .as("missions/cordis-eu-missions.json is out of date: run `mvn -q -pl samples compile exec:java`")
                .isEqualTo(expected);

        Portfolio sample = PortfolioFiles.read(SAMPLE);
        List<Project> projects = sample.missions().stream().flatMap(m -> m.projects().stream()).toList();
        assertThat(real.grants()).isEqualTo(36);
        assertThat(projects).hasSize(563);
        assertThat(projects.stream().map(Project::solution).distinct()).hasSize(36);
        assertThat(sample.missions()).extracting(Mission::id)
                .containsExactly("eu-cancer", "eu-adaptation", "eu-ocean", "eu-cities", "eu-soil");
        assertThat(sample.sources()).first().asString().startsWith(CordisPortfolio.ATTRIBUTION);
        assertThat(sample.actors()).extracting(Actor::name).contains("AARHUS UNIVERSITET", "CLIMATE-KIC HOLDING BV");
        assertThat(sample.actors()).extracting(Actor::type).doesNotContainNull();
    }

    @Test
    void evaluationNamesRealRecipientsAndDisciplines() {
        EvaluationReport report = MissionEngine.builder().build().evaluate(PortfolioFiles.read(SAMPLE));
        Map<String, Actor> actors = real.portfolio().actorsById();

        MissionReport cities = report.mission("eu-cities");
        // CLIMATE-KIC HOLDING BV, a business, receives grants whose conditions CORDIS does not record
        assertThat(actors.get("climate-kic-holding-bv").type()).isEqualTo(ActorType.BUSINESS);
        Finding unrecorded = cities.findings("DATA_NO_CONDITIONS").get(0);
        assertThat(unrecorded.message()).contains("are not recorded");
        // the Mission Platform's grant dominates the Cities Mission's money in this extract
        assertThat(cities.findings("CRIT_SINGLE_SOLUTION")).anySatisfy(f ->
                assertThat(f.evidence("largestPath")).isEqualTo("SGA2-NZC"));
        // CORDIS does not record the conditions attached to a grant: a gap in the evidence (DATA_NO_CONDITIONS),
        // never read as "no conditions" (no FIN_NO_REWARD_SHARING or MW_NO_CONDITIONS on the extract)
        assertThat(report.allFindings()).filteredOn(f -> f.code().equals("DATA_NO_CONDITIONS")).isNotEmpty();
        assertThat(report.allFindings()).noneMatch(f -> f.code().equals("FIN_NO_REWARD_SHARING")
                || f.code().equals("MW_NO_CONDITIONS"));
        // the Missions' targets are not CORDIS data: not recorded (DATA_NO_TARGETS), never read as "no targets"
        assertThat(real.portfolio().missions()).noneMatch(Mission::targetsRecorded);
        assertThat(report.missions()).allSatisfy(m -> {
            assertThat(m.hasFinding("MW_NO_MEASURABLE_TARGET")).as(m.id()).isFalse();
            assertThat(m.hasFinding("CRIT_NO_OUTCOME_METRIC")).as(m.id()).isFalse();
            assertThat(m.findings("DATA_NO_TARGETS")).as(m.id()).hasSize(1);
        });

        // disciplines: quiet where EuroSciVoc gives two or more, reported (with the one found) where it does not
        for (Mission m : real.portfolio().missions()) {
            MissionReport mission = report.mission(m.id());
            if (!m.disciplinesRecorded()) {
                // no grant of the mission carries a EuroSciVoc field: a gap in the record, not a narrow mission
                assertThat(mission.hasFinding("CRIT_NARROW_DISCIPLINES")).as(m.id()).isFalse();
                assertThat(mission.findings("DATA_NO_DISCIPLINES")).as(m.id()).hasSize(1);
            } else if (m.disciplines().size() >= 2) {
                assertThat(mission.hasFinding("CRIT_NARROW_DISCIPLINES")).as(m.id()).isFalse();
            } else {
                assertThat(mission.findings("CRIT_NARROW_DISCIPLINES")).singleElement()
                        .satisfies(f -> assertThat(f.evidence("disciplines")).isEqualTo(m.disciplines()));
            }
        }
        assertThat(real.portfolio().mission("eu-cancer").orElseThrow().disciplines())
                .contains("clinical medicine", "basic medicine");
        assertThat(real.portfolio().mission("eu-cities").orElseThrow().disciplines()).containsExactly("sociology");
        // universities, research organisations, public bodies, firms and NGOs: no mission is narrow in actors
        assertThat(report.missions()).noneMatch(m -> m.hasFinding("CRIT_NARROW_ACTORS"));
    }

    @Test
    void filterCopiesOnlyTheMissionsRows(@TempDir Path out) throws IOException {
        Map<String, Integer> written = CordisFilter.filter(FIXTURE, out);
        assertThat(written).containsEntry("he_projects_2025-01-31.psv", 2).containsEntry("he_orgs_2025-01-31.psv", 9)
                .containsEntry("he_topics_2026-04.csv", 2).containsEntry("he_euroSciVoc_2026-04.csv", 3);
        List<String> projects = Files.readAllLines(out.resolve("he_projects_2025-01-31.psv"));
        assertThat(projects.get(0)).isEqualTo(String.join("|", CordisFilter.PROJECT_COLUMNS));
        assertThat(String.join("\n", projects)).doesNotContain("900002", "Cluster", "objective");
        // what the importer makes of the copy is what it makes of the original
        LocalDate asOf = LocalDate.of(2025, 2, 1);
        assertThat(PortfolioFiles.toString(CordisPortfolio.build(CordisExtract.read(out), asOf).portfolio(), "x.json"))
                .isEqualTo(PortfolioFiles.toString(CordisPortfolio.build(CordisExtract.read(FIXTURE), asOf).portfolio(),
                        "x.json"));
    }

    @Test
    void theRepositoryCopyIsWhatTheFilterWrites(@TempDir Path out) throws IOException {
        CordisFilter.filter(REPO_COPY, out);
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.getFileName().toString())
                        .isEqualTo(Files.readString(REPO_COPY.resolve(file.getFileName())));
            }
        }
    }

    @Test
    void commandLineWritesThePortfolioAndExplainsMistakes(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("cordis.yaml");
        Run ok = run("--data", FIXTURE.toString(), "--as-of", "2025-02-01", "--output", output.toString());
        assertThat(ok.code).isZero();
        assertThat(ok.err).contains("2 grants of the EU Missions (OCEAN 1, CIT 1)", "left out: 2 participations");
        assertThat(PortfolioFiles.read(output).missions()).hasSize(5);

        Run noDir = run("--data", dir.resolve("missing").toString());
        assertThat(noDir.code).isEqualTo(2);
        assertThat(noDir.err).contains("missing: not a directory").doesNotContain("Exception", "\tat ");

        Run badOption = run("--date", "2025-01-01");
        assertThat(badOption.code).isEqualTo(2);
        assertThat(badOption.err).contains("unknown option --date", "Usage:");

        Run badDate = run("--data", FIXTURE.toString(), "--as-of", "31/01/2025");
        assertThat(badDate.code).isEqualTo(2);
        assertThat(badDate.err).contains("--as-of \"31/01/2025\" is not a date");
    }

    @Test
    void dataMistakesNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Path broken = copyFixture(dir.resolve("column"), Map.of("he_orgs_2025-01-31.psv",
                text -> text.replaceFirst("ecContribution", "euContribution")));
        assertThatThrownBy(() -> CordisExtract.read(broken)).isInstanceOf(UserErrorException.class)
                .hasMessageContaining("he_orgs_2025-01-31.psv:1: missing column(s) [ecContribution]");

        Path amount = copyFixture(dir.resolve("amount"), Map.of("he_orgs_2025-01-31.psv",
                text -> text.replace("|300000.0", "|300.000,0")));
        assertThatThrownBy(() -> CordisExtract.read(amount)).isInstanceOf(UserErrorException.class)
                .hasMessageContaining("he_orgs_2025-01-31.psv:3: ecContribution \"300.000,0\" is not an amount");

        Path twoFiles = copyFixture(dir.resolve("two"), Map.of());
        Files.copy(twoFiles.resolve("he_topics_2026-04.csv"), twoFiles.resolve("he_topics_2025-01.csv"));
        assertThatThrownBy(() -> CordisExtract.read(twoFiles)).isInstanceOf(UserErrorException.class)
                .hasMessageContaining("2 files matching he_topics_*.csv");
    }

    private static Path copyFixture(Path to, Map<String, Function<String, String>> edits) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                Files.writeString(to.resolve(name), edits.getOrDefault(name, Function.identity()).apply(text));
            }
        }
        return to;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CordisImport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
