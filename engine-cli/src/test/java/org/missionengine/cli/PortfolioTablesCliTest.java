package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --tables} and {@code evaluate --tables}: the tables give the report the file gives. */
class PortfolioTablesCliTest {
    private static final String SAMPLE = Path.of("..", "samples", "missions", "netherlands-health.json").toString();

    @TempDir
    Path dir;

    @Test
    void theTablesOfAPortfolioGiveTheSameJsonReportAsItsFile() {
        Cli.Result export = Cli.run("export", "--tables", dir.toString(), SAMPLE);
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.err()).startsWith("Wrote the tables of " + SAMPLE + " (");
        assertThat(dir.resolve("missions.csv")).exists();

        Cli.Result fromTables = Cli.run("evaluate", "--tables", dir.toString(), "--format", "json");
        Cli.Result fromFile = Cli.run("evaluate", SAMPLE, "--format", "json");

        assertThat(fromTables.exitCode()).as(fromTables.toString()).isZero();
        assertThat(fromTables.out()).isEqualTo(fromFile.out());
    }

    @Test
    void aBadTableEndsWithExitTwoNamingTheTableRowAndColumn() throws IOException {
        Cli.run("export", "--tables", dir.toString(), SAMPLE);
        Path missions = dir.resolve("missions.csv");
        String text = Files.readString(missions);
        Files.writeString(missions, text.replaceFirst("\"(\\d{4}-\\d{2}-\\d{2})\"", "\"soon\""));

        Cli.Result result = Cli.run("evaluate", "--tables", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith(missions + ": row 1, column launched: expected a date, found \"soon\". "
                + "Write the date as ISO-8601: 2030-12-31.");
    }

    @Test
    void mistakesFoundEvaluatingTheTablesAreToldAtTheirRowsNotAtJsonPaths() throws IOException {
        Cli.run("export", "--tables", dir.toString(), SAMPLE);
        Path parameters = dir.resolve("parameters.csv");
        Files.writeString(parameters, "name,value\nrating.strong,0.8\nengine.timeout,5\n");

        Cli.Result limit = Cli.run("evaluate", "--tables", dir.toString());

        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).startsWith(parameters + ": row 2: \"engine.timeout\" is an engine limit, which only "
                + "the application running the engine sets, never a portfolio file.");

        Files.writeString(parameters, "name,value\n");
        Path spillovers = dir.resolve("spillovers.csv");
        Files.writeString(spillovers, "seq,fromProject,fromSector,toSector,kind,intensity,lagYears,evidence\n"
                + "1,,Health,Care,,0.5,,\n2,,Care,Health,,1.0,,\n3,,Care,Health,,1.0,,\n");

        Cli.Result loop = Cli.run("evaluate", "--tables", dir.toString());

        assertThat(loop.exitCode()).isEqualTo(2);
        assertThat(loop.err()).startsWith(spillovers + ": row 3: the sector spillovers amplify without bound")
                .contains("its strongest link, Care -> Health (spillovers row 3 + spillovers row 2)")
                .doesNotContain("spillovers[");
    }

    @Test
    void validateChecksTablesAsEvaluateReadsThem() throws IOException {
        Cli.run("export", "--tables", dir.toString(), SAMPLE);

        Cli.Result ok = Cli.run("validate", "--tables", dir.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).startsWith("OK " + dir + " (");

        Path parameters = dir.resolve("parameters.csv");
        Files.writeString(parameters, "name,value\nwashing.rebrandedShar,0.5\n");
        Path missions = dir.resolve("missions.csv");
        Files.writeString(missions, Files.readString(missions).replaceFirst("\"(\\d{4}-\\d{2}-\\d{2})\"", "\"soon\""));

        Cli.Result bad = Cli.run("validate", "--tables", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith(missions + ": row 1, column launched: expected a date, found \"soon\".");

        Files.writeString(missions, Files.readString(missions).replace("\"soon\"", "\"2020-01-01\""));
        Cli.Result unknown = Cli.run("validate", "--tables", dir.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith(parameters + ": row 1: unknown parameter \"washing.rebrandedShar\". "
                + "Did you mean \"washing.rebrandedShare\"?");
    }

    @Test
    void filesAndTablesTogetherAreRefused() {
        Cli.Result result = Cli.run("evaluate", SAMPLE, "--tables", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("mission-eval evaluate: Give either FILE... or --tables DIR, not both.");
    }
}
