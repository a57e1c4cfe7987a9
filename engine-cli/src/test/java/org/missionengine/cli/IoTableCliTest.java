package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --io-table} as a user meets it: the real Belgian table works, and a table that is not a usable input-output
 * table is refused with exit 2 at its own file, line and cell (row and column codes), never as an internal error.
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
    void aHugeCellIsRefusedAtItsCellNotAnInternalError() throws IOException {
        String table = table("\"TTL_01\",10,1e308,5\n\"TTL_02\",20,30,5\n");

        Cli.Result r = Cli.run("evaluate", BELGIUM, "--io-table", table);

        refusedAsTheUsersMistake(r);
        assertThat(r.err()).startsWith(table + ":2:3: row TTL_01, column D02: the input-output coefficient a = z / x = "
                + "1e308 / 100 (this cell over the OUTPUT of D02, line 4) is 1E+306, above 1");
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
}
