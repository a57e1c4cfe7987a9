package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.EvidenceLevel;
import org.missionengine.model.Spillover;
import org.missionengine.model.SpilloverKind;

/**
 * A small table in the OECD layout of {@code shared/data/io/BEL2020ttl.csv}: quoted labels, industry columns D..,
 * final-demand columns (including DPABR, which starts with a D but is not an industry), TTL_ rows, VALU and OUTPUT.
 */
class InputOutputTableTest {
    @TempDir
    Path dir;

    static final String HEADER = "\"\",\"D01\",\"D05\",\"D35\",\"D41T43\",\"HFCE\",\"DPABR\",\"EXPO\"\n";
    static final String ROWS = """
            "TTL_01",10,0,0,4,50,0,5
            "TTL_05",0,0,2,0,0,0,0
            "TTL_35",5,0,30,6,20,0,1
            "TTL_41T43",1,0,8,40,5,0,0
            "VALU",84,0,60,150,0,0,0
            """;
    static final String OUTPUT = "\"OUTPUT\",100,0,100,200,0,0,0\n";

    Path table(String text) throws IOException {
        Path file = dir.resolve("XXX2020ttl.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void technicalCoefficientsAreInputsPerUnitOfOutput() throws IOException {
        InputOutputTable t = InputOutputTable.read(table(HEADER + ROWS + OUTPUT));

        // D05 has no output and is skipped; DPABR, HFCE and EXPO are final demand
        assertThat(t.sectors()).containsExactly("D01", "D35", "D41T43");
        assertThat(t.coefficients()).isDeepEqualTo(new double[][] {
                {10 / 100.0, 0 / 100.0, 4 / 200.0},
                {5 / 100.0, 30 / 100.0, 6 / 200.0},
                {1 / 100.0, 8 / 100.0, 40 / 200.0}});
    }

    @Test
    void coefficientsBecomeDemandSpilloversFromTheBuyerToTheSupplier() throws IOException {
        List<Spillover> spillovers = InputOutputTable.read(table(HEADER + ROWS + OUTPUT))
                .asSpillovers(Map.of("D41T43", "construction"));

        // a_ij: input from i per unit of output of j → value in j spills into i; zero coefficients are left out
        assertThat(spillovers).extracting(Spillover::fromSector, Spillover::toSector, Spillover::intensity).containsExactly(
                tuple("D01", "D01", 0.1), tuple("D01", "D35", 0.05), tuple("D01", "construction", 0.01),
                tuple("D35", "D35", 0.3), tuple("D35", "construction", 0.08),
                tuple("construction", "D01", 0.02), tuple("construction", "D35", 0.03),
                tuple("construction", "construction", 0.2));
        assertThat(spillovers).allSatisfy(s -> {
            assertThat(s.fromProject()).isNull();
            assertThat(s.kind()).isEqualTo(SpilloverKind.DEMAND);
            assertThat(s.evidence()).isEqualTo(EvidenceLevel.OBSERVED);
        });
    }

    @Test
    void aMissingOutputRowIsAClearError() throws IOException {
        Path file = table(HEADER + ROWS);

        assertThatThrownBy(() -> InputOutputTable.read(file))
                .isInstanceOfSatisfying(InvalidPortfolioException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    Problem p = e.problems().get(0);
                    assertThat(p.file()).isEqualTo(file.toString());
                    assertThat(p.message()).isEqualTo("the OUTPUT row is missing");
                    assertThat(p.hint()).contains("OUTPUT").contains("x_j");
                })
                .hasMessageStartingWith(file + ": the OUTPUT row is missing");
    }

    @Test
    void aMissingIntermediateUseRowIsNamed() throws IOException {
        Path file = table(HEADER + ROWS.replace("\"TTL_35\"", "\"TTL_36\"") + OUTPUT);

        assertThatThrownBy(() -> InputOutputTable.read(file))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("no row TTL_35 for industry column D35");
    }

    @Test
    void aCellThatIsNotANumberIsReportedWithItsLine() throws IOException {
        Path file = table(HEADER + ROWS.replace("\"TTL_35\",5,", "\"TTL_35\",five,") + OUTPUT);

        assertThatThrownBy(() -> InputOutputTable.read(file))
                .isInstanceOfSatisfying(InvalidPortfolioException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).location()).isEqualTo("4");
                    assertThat(e.problems().get(0).message()).isEqualTo("not a number in column 2: \"five\"");
                });
    }

    @Test
    void aTableWithoutIndustriesIsNotATable() throws IOException {
        assertThatThrownBy(() -> InputOutputTable.read(table("\"\",\"HFCE\",\"EXPO\"\n\"OUTPUT\",1,2\n")))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("no industry columns");
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThatThrownBy(() -> InputOutputTable.read(dir.resolve("nope.csv")))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("file not found");
    }
}
