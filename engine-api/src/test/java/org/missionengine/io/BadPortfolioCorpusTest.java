package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.model.Portfolio;

/**
 * The corpus of bad portfolio files ({@code src/test/resources/bad-portfolios}): each file is refused with exactly the
 * message {@code expected-messages.tsv} gives for it, within seconds, as a {@link InvalidPortfolioException}, with a
 * location and a hint and none of Jackson's vocabulary. Files people produce by accident that must be accepted (a
 * byte-order mark, Windows line endings, UTF-16) are in {@code accepted-portfolios} and read as the plain file does.
 */
class BadPortfolioCorpusTest {
    static final Path BAD = Path.of("src/test/resources/bad-portfolios");
    static final Path ACCEPTED = Path.of("src/test/resources/accepted-portfolios");
    static final Duration LIMIT = Duration.ofSeconds(20);

    /** Words that belong to Jackson, Java or the engine's insides, never to a message about a user's file. */
    static final List<String> INTERNALS = List.of("`", "jackson", "fasterxml", "snakeyaml", "DeserializationFeature",
            "DeserializationConfig", "JsonReadFeature", "StreamReadConstraints", "JsonToken", "START_OBJECT",
            "VALUE_STRING", "java.", "Exception", "[Source:", "org.missionengine", "Cannot deserialize",
            "Cannot construct", "Creator", "MISSING", "(code ", "Caused by", "\tat ");

    static Map<String, String> expectedMessages() {
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(BAD.resolve("expected-messages.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts[0].isEmpty()) {
                    // a file's second and later problems are on lines of their own with the first column empty
                    String last = new ArrayList<>(expected.keySet()).get(expected.size() - 1);
                    expected.put(last, expected.get(last) + "\n" + parts[1]);
                } else {
                    expected.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    static Stream<Arguments> corpus() {
        return expectedMessages().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadFileIsRefusedWithItsExactMessage(String file, String expected) {
        Path path = BAD.resolve(file);
        Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> PortfolioFiles.read(path)));

        assertThat(thrown).as(file + " must be refused").isInstanceOf(InvalidPortfolioException.class);
        String message = thrown.getMessage().replace(BAD + "/", "").replace(BAD + "\\", "");
        assertThat(message).isEqualTo(expected);
        for (Problem problem : ((UserErrorException) thrown).problems()) {
            assertThat(problem.file()).isEqualTo(path.toString());
            assertThat(problem.hint()).as("a hint for " + problem).isNotBlank();
            assertThat(problem.describe()).doesNotContain(INTERNALS);
        }
    }

    @Test
    void theCorpusHoldsAtLeastFortyFilesEachWithAnExpectedMessage() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(BAD)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tsv"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(expectedMessages().keySet()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        // distinct mistakes: at least forty different messages once the file name is taken out (a JSON file and its
        // YAML twin may share one)
        assertThat(expectedMessages().entrySet().stream().map(e -> e.getValue().replace(e.getKey(), "FILE")
                .replaceAll("FILE(:\\d+:\\d+)?: ", "")).distinct().count()).isGreaterThanOrEqualTo(40);
    }

    static Stream<String> accepted() throws IOException {
        try (Stream<Path> list = Files.list(ACCEPTED)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void filesThatOnlyLookOddAreAccepted(String file) {
        Portfolio portfolio = PortfolioFiles.read(ACCEPTED.resolve(file));
        assertThat(portfolio.missions()).isNotEmpty();
        if (file.endsWith(".json")) {
            assertThat(portfolio).as("the same data as plain.json").isEqualTo(PortfolioFiles.read(ACCEPTED.resolve(
                    "plain.json")));
        }
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() throws IOException {
        byte[] plain = Files.readAllBytes(ACCEPTED.resolve("plain.json"));
        byte[] crlf = new String(plain, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[crlf.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(crlf, 0, bom, 3, crlf.length);

        assertThat(PortfolioFiles.read(crlf, "crlf.json")).isEqualTo(PortfolioFiles.read(plain, "plain.json"));
        assertThat(PortfolioFiles.read(bom, "bom.json")).isEqualTo(PortfolioFiles.read(plain, "plain.json"));
    }

    // ------------------------------------------------------------------------------ generated, too big to commit

    /** Fifty megabytes of one mission: 80,000 projects. A huge export, but a portfolio: read, in bounded time. */
    @Test
    void aFiftyMegabyteFileOfOneMissionIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one-big-mission.json");
        int projects = writeBigMission(file, 50_000_000);
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(50_000_000);

        long start = System.nanoTime();
        Portfolio portfolio = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> PortfolioFiles.read(file));
        System.out.printf("reliability: a %.0f MB file of one mission with %d projects read in %.1f s%n",
                Files.size(file) / 1e6, projects, (System.nanoTime() - start) / 1e9);

        assertThat(portfolio.missions()).hasSize(1);
        assertThat(portfolio.missions().get(0).projects()).hasSize(projects);
    }

    /** Fifty megabytes in one text value (an embedded document): refused at once, with its line and column. */
    @Test
    void aFiftyMegabyteTextValueIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("embedded-document.json");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\n  \"format\": \"mission-portfolio/1\",\n  \"missions\": [{\"id\": \"m1\", \"statement\": \"");
            char[] chunk = "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRlci9GbGF0ZURlY29kZT4+".toCharArray();
            for (long written = 0; written < 50_000_000; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"}]\n}\n");
        }
        Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> PortfolioFiles.read(file)));

        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class).hasMessage(file + ":3:42: a text value longer "
                + "than 1,000,000 characters. A portfolio's texts are short: the file probably holds an embedded "
                + "document or broken data. Remove it.");
    }

    /** Nesting a hundred thousand levels deep: refused before it costs a stack overflow. */
    @Test
    void junkNestedAHundredThousandLevelsDeepIsRefused() {
        String junk = "{\"format\": \"mission-portfolio/1\", \"sources\": " + "[".repeat(100_000) + "]".repeat(100_000)
                + "}";
        Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() ->
                PortfolioFiles.read(junk.getBytes(StandardCharsets.UTF_8), "junk.json")));

        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class).hasMessage("junk.json:1:145: the data is "
                + "nested more than 100 levels deep. A portfolio is nested a few levels deep: this is not a portfolio, "
                + "or it is broken junk. Check what produced the file.");
    }

    /** A file over the size limit is refused before it is read (the test file is sparse: it takes no disk). */
    @Test
    void aFileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(PortfolioFiles.MAX_BYTES + 1);
        }
        assertThat(catchThrowable(() -> PortfolioFiles.read(file))).isInstanceOf(InvalidPortfolioException.class)
                .hasMessage(file + ": the file is 2,048.0 MB, more than the 2,048 MB a portfolio file may have. Split "
                        + "the portfolio into several files, or raise the limit with "
                        + "-Dmissionengine.portfolio.maxBytes=BYTES (a large file is read record by record, in less "
                        + "memory than its size).");
    }

    @Test
    void aMissingFileOrADirectoryIsRefused(@TempDir Path dir) {
        assertThat(catchThrowable(() -> PortfolioFiles.read(dir.resolve("nope.json"))))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageStartingWith(dir.resolve("nope.json") + ": file not found. Check the path");
        assertThat(catchThrowable(() -> PortfolioFiles.read(dir))).isInstanceOf(InvalidPortfolioException.class)
                .hasMessage(dir + ": cannot read the file: it is a directory. Check that it is a readable portfolio "
                        + "file.");
    }

    @Test
    void aNamedPipeIsReadOnceAndItsMistakesKeepTheirLocation(@TempDir Path dir) throws Exception {
        // `mission-eval evaluate <(gunzip -c portfolio.json.gz)` hands the reader a pipe, which cannot be opened twice
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", dir.resolve("probe").toString())
                .start().waitFor() == 0, "mkfifo is available");
        Path sample = Path.of("../samples/missions/belgium-io.json");
        Portfolio expected = PortfolioFiles.read(sample);
        Path pipe = dir.resolve("probe");
        assertThat(assertTimeoutPreemptively(LIMIT, () -> readThroughPipe(pipe, Files.readAllBytes(sample))))
                .isEqualTo(expected);

        Path broken = dir.resolve("broken");
        new ProcessBuilder("mkfifo", broken.toString()).start().waitFor();
        byte[] bad = "{\"format\": \"mission-portfolio/1\",\n \"missions\": [{\"id\": 7}]}".getBytes(
                StandardCharsets.UTF_8);
        Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> readThroughPipe(broken, bad)));
        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class).hasMessageStartingWith(broken + ": missions[0]");
    }

    /** Reads {@code pipe} while another thread writes {@code content} into it. */
    private static Portfolio readThroughPipe(Path pipe, byte[] content) throws Exception {
        Thread writer = new Thread(() -> {
            try {
                Files.write(pipe, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        try {
            return PortfolioFiles.read(pipe);
        } finally {
            writer.join();
        }
    }

    /** Writes one mission with as many projects as it takes to reach {@code bytes}; returns their number. */
    static int writeBigMission(Path file, long bytes) throws IOException {
        int projects = 0;
        long written = 0;
        try (Writer out = Files.newBufferedWriter(file)) {
            String head = "{\"format\": \"mission-portfolio/1\", \"asOf\": \"2026-06-30\",\n"
                    + "\"metrics\": [{\"id\": \"ghg\", \"kind\": \"OUTCOME\", \"direction\": \"DECREASE\"}],\n"
                    + "\"actors\": [{\"id\": \"builder\", \"type\": \"BUSINESS\"}],\n"
                    + "\"missions\": [{\"id\": \"m1\", \"title\": \"One very big mission\", \"launched\": \"2022-01-01\",\n"
                    + "\"deadline\": \"2030-12-31\", \"projects\": [\n";
            out.write(head);
            written += head.length();
            while (written < bytes) {
                String project = (projects == 0 ? "" : ",\n") + "{\"id\": \"p" + projects + "\", \"title\": \"Retrofit "
                        + "of social housing block " + projects + ", phase one\", \"instrument\": \"PROCUREMENT\", "
                        + "\"recipient\": \"builder\", \"sector\": \"buildings\", \"solution\": \"deep retrofit\", "
                        + "\"publicFunding\": 3000000, \"privateFunding\": 1000000, \"start\": \"2022-06-01\", "
                        + "\"end\": \"2026-06-01\", \"contributesTo\": [\"ghg\"], \"cashflows\": [{\"year\": 2023, "
                        + "\"cost\": 1500000, \"benefit\": 200000}]}";
                out.write(project);
                written += project.length();
                projects++;
            }
            out.write("]}]}\n");
        }
        return projects;
    }
}
