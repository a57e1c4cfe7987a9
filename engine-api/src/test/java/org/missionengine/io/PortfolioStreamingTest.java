package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.Actor;
import org.missionengine.model.ActorType;
import org.missionengine.model.Cashflow;
import org.missionengine.model.Direction;
import org.missionengine.model.Metric;
import org.missionengine.model.MetricKind;
import org.missionengine.model.Mission;
import org.missionengine.model.Observation;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;
import org.missionengine.model.Target;

/**
 * The record-by-record reader, the library's only one: it reads what the plain tree reader of the tests
 * ({@link TreeReader}) reads, equal to the last field, and refuses what it refuses.
 */
class PortfolioStreamingTest {
    private static final Path SAMPLES = Path.of("../samples/missions");
    private static final Path SCENARIO_PORTFOLIOS = Path.of("../samples/scenarios/portfolios");

    static Stream<Path> samples() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(SAMPLES, SCENARIO_PORTFOLIOS, BadPortfolioCorpusTest.ACCEPTED)) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.toString().matches(".*\\.(json|yaml|yml)$")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleReadsRecordByRecordAsTheTreeReaderReadsIt(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Portfolio tree = TreeReader.read(bytes, file.toString());

        assertThat(PortfolioFiles.read(bytes, file.toString())).isEqualTo(tree);
        assertThat(PortfolioFiles.read(file)).as("streamed from the disk").isEqualTo(tree);
    }

    @Test
    void theSamplesAreThere() throws IOException {
        assertThat(samples().filter(p -> p.startsWith(SAMPLES))).hasSizeGreaterThanOrEqualTo(9);
        assertThat(samples().filter(p -> p.toString().endsWith(".yaml"))).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void generatedPortfoliosReadRecordByRecordAsWritten(long seed) {
        Portfolio written = generated(seed, 20, 30);
        for (String name : List.of("generated.json", "generated.yaml")) {
            byte[] bytes = PortfolioFiles.toString(written, name).getBytes(StandardCharsets.UTF_8);
            assertThat(PortfolioFiles.read(bytes, name)).as(name).isEqualTo(written);
            assertThat(TreeReader.read(bytes, name)).as(name).isEqualTo(written);
        }
    }

    /** The one-line form reads back as the same portfolio, its format first, and is smaller than the indented one. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aCompactFileReadsBackAsTheSamePortfolio(long seed) {
        Portfolio written = generated(seed, 20, 30);

        byte[] compact = PortfolioFiles.toCompactJson(written);

        String text = new String(compact, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"format\":\"mission-portfolio/1\",\"asOf\":\"").doesNotContain("\n");
        assertThat(PortfolioFiles.read(compact, "compact.json")).isEqualTo(written);
        assertThat(compact.length).isLessThan(PortfolioFiles.toString(written, "p.json").length() * 3 / 4);
    }

    @Test
    void anEmptyPortfolioInCompactFormIsItsFormatAlone() {
        Portfolio empty = Portfolio.builder().build();

        assertThat(new String(PortfolioFiles.toCompactJson(empty), StandardCharsets.UTF_8))
                .isEqualTo(PortfolioFiles.toString(empty, "p.json").replaceAll("\\s", ""));
    }

    /** Every file of the bad corpus is refused by the streaming reader alone too: it never lets a mistake through. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.missionengine.io.BadPortfolioCorpusTest#corpus")
    void eachBadFileIsRefusedRecordByRecordToo(String file, String treeMessage) {
        Path path = BadPortfolioCorpusTest.BAD.resolve(file);
        Throwable thrown = catchThrowable(() -> PortfolioFiles.read(path));

        assertThat(thrown).as(file + " must be refused").isInstanceOf(InvalidPortfolioException.class);
        for (Problem problem : ((InvalidPortfolioException) thrown).problems()) {
            assertThat(problem.file()).isEqualTo(path.toString());
            assertThat(problem.hint()).as("a hint for " + problem).isNotBlank();
            assertThat(problem.describe()).doesNotContain(BadPortfolioCorpusTest.INTERNALS);
        }
        // the first problem is the tree reader's first, at the same place: what a user fixes first does not change
        String first = thrown.getMessage().split("\n")[0].replace(BadPortfolioCorpusTest.BAD + "/", "");
        assertThat(first).isEqualTo(treeMessage.split("\n")[0]);
    }

    /** Values that bind to nothing (an empty date, a null list) are no mistake to either reader. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"format\": \"mission-portfolio/1\"}", "{\"format\": \"mission-portfolio/1\", \"asOf\": \"\"}",
            "{\"format\": \"mission-portfolio/1\", \"missions\": null, \"currency\": null}",
            "{\"format\": \"mission-portfolio/1\", \"missions\": [null]}",
            "{\"format\": \"mission-portfolio/1\", \"missions\": {}}"})
    void edgeCasesReadOrAreRefusedAlike(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Object tree = outcome(() -> TreeReader.read(bytes, "edge.json"));
        Object stream = outcome(() -> PortfolioFiles.read(bytes, "edge.json"));
        if (tree instanceof InvalidPortfolioException refused) {
            assertThat(stream).isInstanceOf(InvalidPortfolioException.class);
            assertThat(((Exception) stream).getMessage()).isEqualTo(refused.getMessage());
        } else {
            assertThat(stream).isNotNull().isEqualTo(tree);
        }
    }

    /** Careless edits of a valid file: the streaming reader alone reads what the tree reader reads, and refuses the rest. */
    @Property(tries = 300)
    void aMutantIsReadOrRefusedByBothReadersAlike(@ForAll("mutants") PortfolioMutations.Mutant mutant) {
        Object tree = outcome(() -> TreeReader.read(mutant.bytes(), mutant.fileName()));
        Object stream = outcome(() -> PortfolioFiles.read(mutant.bytes(), mutant.fileName()));
        if (tree instanceof Portfolio) {
            assertThat(stream).isEqualTo(tree);
        } else {
            assertThat(stream).isInstanceOf(InvalidPortfolioException.class);
        }
    }

    @Provide
    Arbitrary<PortfolioMutations.Mutant> mutants() {
        return PortfolioMutations.of(PortfolioReadingProperties.BASE, 4);
    }

    /** Equal short texts of a file (sectors, actor ids) become one String: a big portfolio holds far less memory. */
    @Test
    void equalShortTextsOfAFileAreOneString() {
        byte[] bytes = PortfolioFiles.toString(generated(1, 3, 10), "g.json").getBytes(StandardCharsets.UTF_8);
        Portfolio portfolio = PortfolioFiles.read(bytes, "g.json");

        Project first = portfolio.missions().get(0).projects().get(0);
        Project later = portfolio.missions().get(2).projects().stream().filter(p -> p.sector().equals(first.sector()))
                .findFirst().orElseThrow();
        assertThat(later.sector()).isSameAs(first.sector());
        assertThat(portfolio.observations().get(2).metric()).isSameAs(portfolio.observations().get(0).metric());
    }

    /** A big file of one mission is read, streamed from the disk. */
    @Test
    void aBigValidFileIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        int projects = BadPortfolioCorpusTest.writeBigMission(file, 300_000);

        Portfolio portfolio = PortfolioFiles.read(file);

        assertThat(portfolio.missions().get(0).projects()).hasSize(projects);
        assertThat(portfolio).isEqualTo(TreeReader.read(Files.readAllBytes(file), file.toString()));
    }

    /** Mistakes deep in a big file are reported at their full JSON paths. */
    @Test
    void mistakesInABigFileAreReportedAtTheirFullPaths(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        BadPortfolioCorpusTest.writeBigMission(file, 300_000);
        String text = Files.readString(file)
                .replace("\"id\": \"p700\", \"title\"", "\"id\": \"p700\", \"titel\"")
                .replace("{\"id\": \"p600\", \"title\": \"Retrofit of social housing block 600, phase one\", "
                        + "\"instrument\": \"PROCUREMENT\", \"recipient\": \"builder\", \"sector\": \"buildings\", "
                        + "\"solution\": \"deep retrofit\", \"publicFunding\": 3000000",
                        "{\"id\": \"p600\", \"title\": \"Retrofit of social housing block 600, phase one\", "
                        + "\"instrument\": \"PROCUREMENT\", \"recipient\": \"builder\", \"sector\": \"buildings\", "
                        + "\"solution\": \"deep retrofit\", \"publicFunding\": -5")
                .replace("\"contributesTo\": [\"ghg\"], \"cashflows\": [{\"year\": 2023, \"cost\": 1500000, "
                        + "\"benefit\": 200000}]}]}]}", "\"contributesTo\": [\"ghg\"], \"cashflows\": [{\"year\": "
                        + "2023.5, \"cost\": 1500000, \"benefit\": 200000}]}]}]}");
        Files.writeString(file, text);

        Throwable thrown = catchThrowable(() -> PortfolioFiles.read(file));

        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class);
        List<Problem> problems = ((InvalidPortfolioException) thrown).problems();
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        assertThat(problems).extracting(Problem::location).containsExactly("missions[0].projects[700].titel",
                "missions[0].projects[600].publicFunding", "missions[0].projects[" + lastProject(text)
                        + "].cashflows[0].year");
        assertThat(problems.get(0).describe()).isEqualTo(file + ": missions[0].projects[700].titel: unknown field "
                + "\"titel\". Did you mean \"title\"?");
        assertThat(problems.get(1).message()).isEqualTo("must not be negative, got -5");
    }

    /** A syntax error far into a big file is located by line and column, as the tree reader locates it. */
    @Test
    void aSyntaxErrorInABigFileIsLocated(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        BadPortfolioCorpusTest.writeBigMission(file, 300_000);
        Files.writeString(file, Files.readString(file).replace("{\"id\": \"p800\",", "{\"id\": \"p800\""));

        Throwable thrown = catchThrowable(() -> PortfolioFiles.read(file));

        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class).hasMessage(
                catchThrowable(() -> TreeReader.read(Files.readAllBytes(file), file.toString()))
                        .getMessage());
        assertThat(thrown.getMessage()).startsWith(file + ":" + (801 + 5) + ":");
    }

    /**
     * Repeated keys are looked for on a second thread while the file is bound: whatever else is wrong in the file, the
     * message is the one reading with the parser's own check gives (the tree reader's), located in the file.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a key repeated in a project             | p800",
        "a repeated key, then a syntax error      | p800, comma p900",
        "a syntax error, then a repeated key      | comma p700, p800",
        "a repeated key and an unknown field      | p800, titel p800",
        "a repeated key in an actor, then more    | actor, titel p100",
        "an unknown field in an actor, then a key | tipe, p800"})
    void aRepeatedKeyIsReportedAsTheTreeReaderReportsIt(String name, String changes, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("big.json");
        BadPortfolioCorpusTest.writeBigMission(file, 300_000);
        String text = Files.readString(file);
        for (String change : changes.split(",\\s*")) {
            text = switch (change.replaceAll(" p\\d+", "")) {
                case "comma" -> text.replace("{\"id\": \"" + project(change) + "\",", "{\"id\": \"" + project(change) + "\"");
                case "titel" -> text.replace("{\"id\": \"" + project(change) + "\", \"title\"",
                        "{\"id\": \"" + project(change) + "\", \"titel\"");
                case "actor" -> text.replace("{\"id\": \"builder\", \"type\": \"BUSINESS\"}",
                        "{\"id\": \"builder\", \"type\": \"BUSINESS\", \"id\": \"builder\"}");
                case "tipe" -> text.replace("{\"id\": \"builder\", \"type\"", "{\"id\": \"builder\", \"tipe\"");
                default -> text.replace("{\"id\": \"" + change + "\", ", "{\"id\": \"" + change + "\", \"sector\": \"x\", ");
            };
        }
        Files.writeString(file, text);
        byte[] bytes = Files.readAllBytes(file);

        Throwable thrown = catchThrowable(() -> PortfolioFiles.read(file));

        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class)
                .hasMessage(catchThrowable(() -> TreeReader.read(bytes, file.toString())).getMessage());
        assertThat(thrown.getMessage()).contains(changes.startsWith("comma") ? "expected" : "appears twice");
    }

    private static String project(String change) {
        return change.substring(change.indexOf(' ') + 1);
    }

    @Test
    void aBigYamlFileWithAnAliasIsRefusedAndOneWithAByteOrderMarkIsRead(@TempDir Path dir) throws IOException {
        Portfolio written = generated(7, 5, 10);
        String yaml = PortfolioFiles.toString(written, "p.yaml");
        Path bom = dir.resolve("bom.yaml");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, yaml.getBytes(StandardCharsets.UTF_8)));
        Path alias = dir.resolve("alias.yaml");
        Files.writeString(alias, yaml.replaceFirst("(\\n\\s*recipient: )(\"?a1\"?)", "$1*ministry")
                .replaceFirst("(\\n\\s*recipient: )(\"?a2\"?)", "$1&ministry $2"));

        assertThat(PortfolioFiles.read(bom)).isEqualTo(written);
        assertThat(catchThrowable(() -> PortfolioFiles.read(alias))).isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("the file uses YAML aliases (*ministry)");
    }

    @Test
    void aBigFileOfBlanksIsReportedAsEmpty(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("blank.json");
        Files.writeString(file, " \n".repeat(1_000));

        assertThat(catchThrowable(() -> PortfolioFiles.read(file))).isInstanceOf(InvalidPortfolioException.class)
                .hasMessageStartingWith(file + ": the file is empty.");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A valid portfolio of {@code missions} missions with {@code projects} projects each, varied by the seed. */
    static Portfolio generated(long seed, int missions, int projects) {
        Random random = new Random(seed);
        Portfolio.Builder portfolio = Portfolio.builder().asOf(LocalDate.of(2026, 6, 30)).currency("EUR")
                .metric(new Metric("ghg", "Emissions", "Mt", MetricKind.OUTCOME, Direction.DECREASE, false))
                .metric(new Metric("jobs", "Jobs", "jobs", MetricKind.OUTPUT, Direction.INCREASE, false))
                .parameter("minTargets", 2).source("generated with seed " + seed);
        for (int a = 0; a < 10; a++) {
            portfolio.actor(new Actor("a" + a, "Actor " + a, ActorType.values()[a % ActorType.values().length], "BE"));
        }
        String[] sectors = {"energy", "buildings", "transport", "water"};
        for (int m = 0; m < missions; m++) {
            List<Project> list = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                LocalDate start = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1000));
                list.add(Project.builder("m" + m + "-p" + p).title("Project " + p).recipient("a" + random.nextInt(10))
                        .sector(sectors[random.nextInt(sectors.length)]).solution("solution " + random.nextInt(5))
                        .publicFunding(random.nextInt(5_000_000)).privateFunding(random.nextDouble() * 1e6)
                        .start(start).end(start.plusDays(random.nextInt(2000))).openCall(random.nextBoolean())
                        .contributesTo(random.nextBoolean() ? "ghg" : "jobs")
                        .cashflows(new Cashflow(2023 + random.nextInt(5), random.nextInt(100_000), 0.5 * p))
                        .build());
            }
            portfolio.mission(Mission.builder("m" + m).title("Mission " + m).statement("Halve emissions by 2030")
                    .owner("a0").launched(LocalDate.of(2022, 1, 1)).deadline(LocalDate.of(2030, 12, 31))
                    .sectors(sectors[m % sectors.length]).projects(list)
                    .targets(new Target(null, "ghg", null, null, null))
                    .build());
            portfolio.observation(new Observation("ghg", "m" + m, LocalDate.of(2025, 12, 31), 100 - m, null));
        }
        return portfolio.build();
    }

    private static Object outcome(java.util.function.Supplier<Portfolio> read) {
        try {
            return read.get();
        } catch (InvalidPortfolioException e) {
            return e;
        }
    }

    private static int lastProject(String text) {
        return text.split("\\{\"id\": \"p").length - 2;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
