package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --io-table} of evaluate and validate as a user meets it: the real Belgian table works, and a table that is
 * not a usable input-output table is refused with exit 2 at its own file, line and cell (row and column codes),
 * never as an internal error or at a spillover entry the portfolio file does not have.
 */
class IoTableCliTest {
    private static final String BELGIUM = Path.of("..", "samples", "missions", "belgium-io.json").toString();
    private static final String BELGIUM_TABLE = Path.of("..", "samples", "data", "BEL2020ttl.csv").toString();
    private static final String HEADER = "\"\",\"D01\",\"D02\",\"HFCE\"\n";
    private static final String OUTPUT = "\"OUTPUT\",100,100,0\n";

    @TempDir
    Path dir;

    private String table(String rows) throws IOException {
        return Files.writeString(dir.resolve("XXX2020ttl.csv"), HEADER + rows + OUTPUT).toString();
    }

    private static void refusedAsTheUsersMistake(Cli.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theRealTableOfBelgiumIsImported() {
        Cli.Result r = Cli.run("evaluate", BELGIUM, "--io-table", BELGIUM_TABLE);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        // its demand on Belgian industries makes the renovation worth more than plain cost-benefit analysis says
        assertThat(r.out()).contains("VAL_CBA_UNDERVALUES");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aCoefficientAboveOneIsRefusedAtItsCell() throws IOException {
        String table = table("\"TTL_01\",10,150,5\n\"TTL_02\",20,30,5\n");

        Cli.Result r = Cli.run("evaluate", BELGIUM, "--io-table", table);

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).startsWith(table + ":2:3: row TTL_01, column D02: the input-output coefficient a = z / x = "
                + "150 / 100 (this cell over the OUTPUT of D02, line 4) is 1.5, above 1: an industry cannot buy more "
                + "from one industry than its whole output. Correct the cell or D02's OUTPUT: ");
    }

    @Test
    void aTableThatIsNotUtf8IsRefusedAtItsFirstByteThatIsNot() throws IOException {
        Path table = dir.resolve("XXX2020ttl.csv");
        Files.write(table, (HEADER + "\"TTL_01\",10,15,5\n\"TTL_02\",20,30,5\n\"VALU ajoutée\",70,55,0\n" + OUTPUT)
                .getBytes(StandardCharsets.ISO_8859_1));

        Cli.Result r = Cli.run("evaluate", BELGIUM, "--io-table", table.toString());

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).isEqualTo(table + ":4:12: the file is not UTF-8 (byte 0xE9, \"é\" in Latin-1 or "
                + "Windows-1252). Save it as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\"; in an editor, under "
                + "\"Save as\" or \"Encoding\").\n");
    }

    @Test
    void aHugeCellIsRefusedAtItsCellNotAnInternalError() throws IOException {
        String table = table("\"TTL_01\",10,1e308,5\n\"TTL_02\",20,30,5\n");

        Cli.Result r = Cli.run("evaluate", BELGIUM, "--io-table", table);

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).startsWith(table + ":2:3: row TTL_01, column D02: the input-output coefficient a = z / x = "
                + "1e308 / 100 (this cell over the OUTPUT of D02, line 4) is 1E+306, above 1");
    }

    @Test
    void aLoopOfTheTableIsRefusedAtTheTablesCellsOnceForAllPortfolios() throws IOException {
        // a_12 = a_21 = 1: D01 and D02 each spend their whole output on the other
        String table = table("\"TTL_01\",0,100,5\n\"TTL_02\",100,0,5\n");

        Cli.Result r = Cli.run("evaluate", BELGIUM, BELGIUM, "--io-table", table);

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).isEqualTo(table + ": row TTL_02, column D01: the input-output coefficients close a loop of "
                + "sector spillovers that amplifies without bound (spectral radius 1.0000 >= 1): D01 -(1.0)-> D02 "
                + "-(1.0)-> D01; its cells: (row TTL_02, column D01) = 1.0 and (row TTL_01, column D02) = 1.0. Correct "
                + "the table, starting with its strongest cell in the loop, row TTL_02, column D01: in a balanced table "
                + "the coefficients of each column add up to less than 1 (an industry's inputs cost less than its "
                + "output), which keeps every loop of the table below 1.\n");
    }

    @Test
    void aLoopThroughThePortfoliosOwnSpilloverIsThePortfoliosWithTheTablesCellNamed() throws IOException {
        String table = table("\"TTL_01\",0,0,5\n\"TTL_02\",100,0,5\n");
        String portfolio = Files.writeString(dir.resolve("p.json"), "{\"format\": \"mission-portfolio/1\", "
                + "\"spillovers\": [{\"fromSector\": \"D41T43\", \"toSector\": \"D35\", \"intensity\": 0.1}, "
                + "{\"fromSector\": \"D02\", \"toSector\": \"D01\", \"intensity\": 1.0}]}").toString();

        Cli.Result r = Cli.run("evaluate", portfolio, "--io-table", table);

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).isEqualTo(portfolio + ": spillovers[1]: the sector spillovers, with the coefficients of the "
                + "input-output table " + table + ", amplify without bound (spectral radius 1.0000 >= 1): D02 -(1.0)-> "
                + "D01 -(1.0)-> D02; the table's cells in that loop: (row TTL_02, column D01) = 1.0. Lower this file's "
                + "spillovers in that loop, starting with spillovers[1] (or the table's cells): value that spills over "
                + "must shrink as it travels.\n");
    }

    @Test
    void aRepeatedRowIsRefusedAtItsLine() throws IOException {
        String table = table("\"TTL_01\",10,20,5\n\"TTL_02\",20,30,5\n\"TTL_01\",30,10,5\n");

        Cli.Result r = Cli.run("evaluate", BELGIUM, "--io-table", table);

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).isEqualTo(table + ":4: row TTL_01 appears twice, on lines 2 and 4. Each industry has one "
                + "intermediate-use row: remove the repeated one, or correct its code.\n");
    }

    @Test
    void aRepeatedColumnIsRefusedInTheHeaderNotAsAMadeUpLoop() throws IOException {
        Path file = dir.resolve("XXX2020ttl.csv");
        Files.writeString(file, "\"\",\"D01\",\"D02\",\"D01\"\n\"TTL_01\",10,20,90\n\"TTL_02\",20,30,5\n"
                + "\"OUTPUT\",100,100,100\n");

        Cli.Result r = Cli.run("evaluate", BELGIUM, "--io-table", file.toString());

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).isEqualTo(file + ":1:4: industry column D01 appears twice, as columns 2 and 4 of the "
                + "header. Each industry has one column: remove the repeated one, or correct its code.\n");
    }

    @Test
    void validateChecksTheTableAsEvaluateImportsIt() throws IOException {
        String loop = table("\"TTL_01\",0,100,5\n\"TTL_02\",100,0,5\n");

        Cli.Result refused = Cli.run("validate", BELGIUM, "--io-table", loop);
        Cli.Result alone = Cli.run("validate", "--io-table", BELGIUM_TABLE);
        Cli.Result both = Cli.run("validate", BELGIUM, "--io-table", BELGIUM_TABLE);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        // the portfolio is still checked, without the table
        assertThat(refused.out()).isEqualTo("OK " + BELGIUM + " (1 mission, 3 projects)\n");
        assertThat(refused.err()).startsWith(loop + ": row TTL_02, column D01: the input-output coefficients close a "
                + "loop of sector spillovers that amplifies without bound");
        assertThat(alone.exitCode()).as(alone.toString()).isZero();
        assertThat(alone.out()).isEqualTo("OK " + BELGIUM_TABLE + " (input-output table: 47 industries)\n");
        assertThat(both.exitCode()).as(both.toString()).isZero();
        assertThat(both.out()).isEqualTo("OK " + BELGIUM_TABLE + " (input-output table: 47 industries)\n"
                + "OK " + BELGIUM + " (1 mission, 3 projects, with " + BELGIUM_TABLE + ")\n");
    }
}
