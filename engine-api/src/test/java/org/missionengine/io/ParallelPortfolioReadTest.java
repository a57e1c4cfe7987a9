package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Project;

/**
 * The reader of big files on several threads: it reads a valid file as the tree reader does, and leaves every file
 * with a mistake to the record-by-record reader (it returns null), so that the messages do not depend on which reader
 * ran. {@link PortfolioFiles#read(Path)} uses it from 4 MB on; these tests call it on files of any size.
 */
class ParallelPortfolioReadTest {
    static Stream<Path> jsonSamples() throws IOException {
        return PortfolioStreamingTest.samples().filter(p -> p.toString().endsWith(".json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonSamples")
    void eachJsonSampleReadsAsTheTreeReaderReadsIt(Path file) throws IOException {
        Portfolio tree = TreeReader.read(Files.readAllBytes(file), file.toString());

        Portfolio parallel = ParallelPortfolioRead.read(file, file.toString(), 2);

        if (file.toString().contains("utf-16")) {
            assertThat(parallel).as("UTF-16 is left to the record-by-record reader").isNull();
        } else {
            assertThat(parallel).isEqualTo(tree);
        }
    }

    /** Many runs of elements, split between the threads wherever a run ends, give back the list in its order. */
    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 8})
    void aPortfolioOfManyRunsReadsAsWritten(int threads, @TempDir Path dir) throws IOException {
        Portfolio written = PortfolioStreamingTest.generated(threads, 300, 20);
        Path file = dir.resolve("generated.json");
        Files.writeString(file, PortfolioFiles.toString(written, "generated.json"));
        assertThat(Files.size(file)).as("runs of 64 kB at least: many of them").isGreaterThan(2 << 20);

        assertThat(ParallelPortfolioRead.read(file, file.toString(), threads)).isEqualTo(written);
    }

    /** Brackets, commas and escaped quotes inside texts do not cut an element in two. */
    @Test
    void textsThatLookLikeJsonStayTexts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        BadPortfolioCorpusTest.writeBigMission(file, 200_000);
        Files.writeString(file, Files.readString(file).replace("phase one", "phase \\\"one\\\"}, {\\\\\\\"]], [{"));
        Portfolio tree = TreeReader.read(Files.readAllBytes(file), file.toString());

        Portfolio parallel = ParallelPortfolioRead.read(file, file.toString(), 2);

        assertThat(parallel).isEqualTo(tree);
        assertThat(parallel.missions().get(0).projects().get(7).title()).endsWith("phase \"one\"}, {\\\"]], [{");
    }

    /** Every file of the bad corpus is left to the record-by-record reader, which says what is wrong. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.missionengine.io.BadPortfolioCorpusTest#corpus")
    void eachBadFileIsLeftToTheRecordByRecordReader(String file, String treeMessage) throws IOException {
        Path path = BadPortfolioCorpusTest.BAD.resolve(file);
        if (!file.endsWith(".json")) {
            return; // YAML is never read this way
        }
        assertThat(ParallelPortfolioRead.read(path, path.toString(), 2)).as(file).isNull();
    }

    /** Careless edits of a valid file: read as the tree reader reads them, or left to the record-by-record reader. */
    @Property(tries = 300)
    void aMutantIsReadAsTheTreeReaderReadsItOrLeftAlone(@ForAll("mutants") PortfolioMutations.Mutant mutant)
            throws IOException {
        if (!mutant.fileName().endsWith(".json")) {
            return;
        }
        Object tree;
        try {
            tree = TreeReader.read(mutant.bytes(), mutant.fileName());
        } catch (InvalidPortfolioException refused) {
            tree = null;
        }
        Path file = Files.createTempFile("mutant", ".json");
        try {
            Files.write(file, mutant.bytes());
            Portfolio parallel = ParallelPortfolioRead.read(file, mutant.fileName(), 2);
            if (tree == null) {
                assertThat(parallel).as("a refused file is left to the record-by-record reader").isNull();
            } else {
                assertThat(parallel).as("an accepted file is read").isEqualTo(tree);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<PortfolioMutations.Mutant> mutants() {
        return PortfolioMutations.of(PortfolioReadingProperties.BASE, 4);
    }

    /**
     * A big file with a mistake gives the message the tree reader gives: read on several threads, the mistake found,
     * then read again record by record.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a repeated key far into the file    | {\"id\": \"p9000\", | {\"id\": \"p9000\", \"sector\": \"x\",",
        "a misspelt field far into the file  | {\"id\": \"p9000\", \"title\" | {\"id\": \"p9000\", \"titel\"",
        "a syntax error far into the file    | {\"id\": \"p9000\", | {\"id\": \"p9000\"",
        "a negative amount                   | \"publicFunding\": 3000000, \"privateFunding\": 1000000, \"start\": \"2022-06-01\", \"end\": \"2026-06-01\", \"contributesTo\": [\"ghg\"], \"cashflows\": [{\"year\": 2023, \"cost\": 1500000, \"benefit\": 200000}]}]}]} | \"publicFunding\": -1, \"privateFunding\": 1000000, \"start\": \"2022-06-01\", \"end\": \"2026-06-01\", \"contributesTo\": [\"ghg\"], \"cashflows\": [{\"year\": 2023, \"cost\": 1500000, \"benefit\": 200000}]}]}]}",
        "a dangling recipient                | {\"id\": \"p5\", \"title\": \"Retrofit of social housing block 5, phase one\", \"instrument\": \"PROCUREMENT\", \"recipient\": \"builder\" | {\"id\": \"p5\", \"title\": \"Retrofit of social housing block 5, phase one\", \"instrument\": \"PROCUREMENT\", \"recipient\": \"buildr\"",
        "a comma before a list's end         | \"type\": \"BUSINESS\"}], | \"type\": \"BUSINESS\"},],",
        "text after the portfolio            | \"cost\": 1500000, \"benefit\": 200000}]}]}]} | \"cost\": 1500000, \"benefit\": 200000}]}]}]} {}"})
    void aMistakeInABigFileIsReportedAsTheTreeReaderReportsIt(String name, String from, String to,
                                                                @TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        BadPortfolioCorpusTest.writeBigMission(file, ParallelPortfolioRead.FROM_BYTES + 1_000_000);
        String text = Files.readString(file);
        assertThat(text.contains(from)).as("the file holds " + from).isTrue();
        Files.writeString(file, text.replace(from, to));
        byte[] bytes = Files.readAllBytes(file);

        Throwable thrown = catchThrowable(() -> PortfolioFiles.read(file));

        assertThat(thrown).isInstanceOf(InvalidPortfolioException.class)
                .hasMessage(catchThrowable(() -> TreeReader.read(bytes, file.toString())).getMessage());
    }

    @Test
    void aBigValidFileWithAByteOrderMarkIsReadThroughPortfolioFiles(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain.json");
        BadPortfolioCorpusTest.writeBigMission(plain, ParallelPortfolioRead.FROM_BYTES + 1_000);
        Path bom = dir.resolve("bom.json");
        byte[] bytes = Files.readAllBytes(plain);
        byte[] marked = new byte[bytes.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, marked, 3, bytes.length);
        Files.write(bom, marked);

        Portfolio tree = TreeReader.read(bytes, plain.toString());

        assertThat(PortfolioFiles.read(bom)).isEqualTo(tree);
        assertThat(ParallelPortfolioRead.read(bom, bom.toString(), 2)).isEqualTo(tree);
    }

    /** Equal short texts are one String across the threads too. */
    @Test
    void equalShortTextsAreOneStringAcrossThreads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("generated.json");
        Files.writeString(file, PortfolioFiles.toString(PortfolioStreamingTest.generated(3, 300, 20), "g.json"),
                StandardCharsets.UTF_8);

        Portfolio portfolio = ParallelPortfolioRead.read(file, file.toString(), 2);

        Project first = portfolio.missions().get(0).projects().get(0);
        Project last = portfolio.missions().get(299).projects().stream()
                .filter(p -> p.sector().equals(first.sector())).findFirst().orElseThrow();
        assertThat(last.sector()).isSameAs(first.sector());
        assertThat(portfolio.observations().get(299).metric()).isSameAs(portfolio.observations().get(0).metric());
    }
}
