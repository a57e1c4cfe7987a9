package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
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

    /** The one problem reading {@code file} gives. */
    private static Problem onlyProblem(Path file) {
        InvalidPortfolioException e = catchThrowableOfType(InvalidPortfolioException.class,
                () -> InputOutputTable.read(file));
        assertThat(e).as("a refusal").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).file()).isEqualTo(file.toString());
        return e.problems().get(0);
    }

    @Test
    void aCoefficientAboveOneIsRefusedAtItsCellWithTheTwoNumbersItComesFrom() throws IOException {
        // z(TTL_01, D35) = 150 > x(D35) = 100
        Path file = table(HEADER + ROWS.replace("\"TTL_01\",10,0,0,", "\"TTL_01\",10,0,150,") + OUTPUT);

        Problem p = onlyProblem(file);

        assertThat(p.location()).isEqualTo("2:4");
        assertThat(p.message()).isEqualTo("row TTL_01, column D35: the input-output coefficient a = z / x = 150 / 100 "
                + "(this cell over the OUTPUT of D35, line 7) is 1.5, above 1: an industry cannot buy more from one "
                + "industry than its whole output");
        assertThat(p.hint()).startsWith("Correct the cell or D35's OUTPUT: a_ij = z_ij / x_j is the share of industry "
                + "j's output spent on inputs from industry i, between 0 and 1").contains("different units");
        assertThat(p.describe()).startsWith(file + ":2:4: row TTL_01, column D35: ");
    }

    @Test
    void aHugeCellIsACoefficientAboveOneNotAnInternalError() throws IOException {
        Path file = table(HEADER + ROWS.replace("\"TTL_35\",5,", "\"TTL_35\",1e308,") + OUTPUT);

        Problem p = onlyProblem(file);

        assertThat(p.location()).isEqualTo("4:2");
        assertThat(p.message()).startsWith("row TTL_35, column D01: the input-output coefficient a = z / x = 1e308 / 100 "
                + "(this cell over the OUTPUT of D01, line 7) is 1E+306, above 1");
    }

    @Test
    void aTinyOutputThatMakesTheCoefficientOverflowIsRefusedAtTheCell() throws IOException {
        Path file = table(HEADER + ROWS.replace("\"TTL_01\",10,", "\"TTL_01\",1e308,")
                .replace("\"TTL_35\",5,", "\"TTL_35\",0,").replace("\"TTL_41T43\",1,", "\"TTL_41T43\",0,")
                + OUTPUT.replace("\"OUTPUT\",100,", "\"OUTPUT\",1e-10,"));

        Problem p = onlyProblem(file);

        assertThat(p.location()).isEqualTo("2:2");
        assertThat(p.message()).contains("a = z / x = 1e308 / 1e-10 (this cell over the OUTPUT of D01, line 7) is "
                + "1E+318, above 1");
    }

    @Test
    void aNegativeCoefficientIsRefusedRatherThanDropped() throws IOException {
        Path file = table(HEADER + ROWS.replace("\"TTL_41T43\",1,", "\"TTL_41T43\",-1,") + OUTPUT);

        Problem p = onlyProblem(file);

        assertThat(p.location()).isEqualTo("5:2");
        assertThat(p.message()).isEqualTo("row TTL_41T43, column D01: the input-output coefficient a = z / x = -1 / 100 "
                + "(this cell over the OUTPUT of D01, line 7) is -0.01, below 0: an industry cannot buy a negative input");
        assertThat(p.hint()).doesNotContain("units");
    }

    @Test
    void aRepeatedIndustryRowIsRefusedAtItsSecondLine() throws IOException {
        Path file = table(HEADER + ROWS + "\"TTL_01\",1,0,0,0,0,0,0\n" + OUTPUT);

        Problem p = onlyProblem(file);

        assertThat(p.location()).isEqualTo("7");
        assertThat(p.message()).isEqualTo("row TTL_01 appears twice, on lines 2 and 7");
        assertThat(p.hint()).isEqualTo("Each industry has one intermediate-use row: remove the repeated one, or correct "
                + "its code.");
    }

    @Test
    void aRepeatedOutputRowIsRefused() throws IOException {
        Path file = table(HEADER + ROWS + OUTPUT + OUTPUT);

        Problem p = onlyProblem(file);

        assertThat(p.location()).isEqualTo("8");
        assertThat(p.message()).isEqualTo("row OUTPUT appears twice, on lines 7 and 8");
    }

    @Test
    void aRepeatedIndustryColumnIsRefusedInTheHeader() throws IOException {
        // D35 twice: read as it was, the second column would make a D35 -> D35 spillover the table does not have
        Path file = table(HEADER.replace("\"HFCE\"", "\"D35\"") + ROWS + OUTPUT);

        Problem p = onlyProblem(file);

        assertThat(p.location()).isEqualTo("1:6");
        assertThat(p.message()).isEqualTo("industry column D35 appears twice, as columns 4 and 6 of the header");
        assertThat(p.hint()).isEqualTo("Each industry has one column: remove the repeated one, or correct its code.");
    }

    @Test
    void aTableWithoutIndustriesIsNotATable() throws IOException {
        assertThatThrownBy(() -> InputOutputTable.read(table("\"\",\"HFCE\",\"EXPO\"\n\"OUTPUT\",1,2\n")))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("no industry columns");
    }

    @Test
    void aTableThatIsNotUtf8IsRefusedAtItsFirstByteThatIsNot() throws IOException {
        Path file = dir.resolve("XXX2020ttl.csv");
        Files.write(file, (HEADER + ROWS.replace("\"VALU\"", "\"VALU ajoutée\"") + OUTPUT)
                .getBytes(StandardCharsets.ISO_8859_1));

        Problem p = onlyProblem(file);

        assertThat(p.describe()).isEqualTo(file + ":6:12: the file is not UTF-8 (byte 0xE9, \"é\" in Latin-1 or "
                + "Windows-1252). Save it as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\"; in an editor, under "
                + "\"Save as\" or \"Encoding\").");
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThatThrownBy(() -> InputOutputTable.read(dir.resolve("nope.csv")))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("file not found");
    }
}
