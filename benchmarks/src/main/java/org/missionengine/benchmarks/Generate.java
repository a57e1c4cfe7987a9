package org.missionengine.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Writes a synthetic portfolio file:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.missionengine.benchmarks.Generate \
 *     --missions 10000 --projects 100 --targets 3 --observations 20 --spillovers 2 --washing 0.2 --seed 42 \
 *     --out big.json
 * </pre>
 *
 * Every option has a default (the reference shape, 100 missions); the same options give the same file.
 */
public final class Generate {
    static final String USAGE = """
            Usage: Generate [--missions N] [--projects N] [--targets N] [--observations N] [--spillovers N]
                            [--washing SHARE] [--seed N] [--as-of DATE] --out FILE

            Writes a deterministic synthetic mission portfolio (mission-portfolio/1 JSON).
              --missions N        missions (default 100)
              --projects N        projects per mission (default 100)
              --targets N         targets per mission, 1..12 (default 3)
              --observations N    observations per target (default 20)
              --spillovers N      project-to-sector spillovers per mission (default 2), on top of a fixed
                                  sector-to-sector network of 24 sectors
              --washing SHARE     share of missions with one to three mission-washing patterns (default 0.2)
              --seed N            random seed (default 42)
              --as-of DATE        the portfolio's evaluation date (default 2026-06-30)
              --out FILE          the file to write
            """;

    private Generate() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int missions = 100;
        int projects = 100;
        int targets = 3;
        int observations = 20;
        int spillovers = 2;
        double washing = 0.2;
        long seed = 42;
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Path file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("-h") || option.equals("--help")) {
                    out.print(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--missions" -> missions = Integer.parseInt(value);
                    case "--projects" -> projects = Integer.parseInt(value);
                    case "--targets" -> targets = Integer.parseInt(value);
                    case "--observations" -> observations = Integer.parseInt(value);
                    case "--spillovers" -> spillovers = Integer.parseInt(value);
                    case "--washing" -> washing = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--as-of" -> asOf = LocalDate.parse(value);
                    case "--out" -> file = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--out FILE is required");
            }
            SyntheticPortfolio.Spec spec = new SyntheticPortfolio.Spec(missions, projects, targets, observations,
                    spillovers, washing, seed, asOf);
            long started = System.nanoTime();
            new SyntheticPortfolio(spec).write(file);
            err.printf("Wrote %s: %,d missions, %,d projects, %,d observations, %.1f MB in %.1f s%n", file,
                    spec.missions(), spec.projects(),
                    (long) spec.missions() * spec.targetsPerMission() * spec.observationsPerTarget(),
                    Files.size(file) / 1e6, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (NumberFormatException | DateTimeParseException e) {
            err.println("Generate: not a number or date: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("Generate: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        } catch (Exception e) {
            err.println("Generate: " + e.getMessage());
            return 3;
        }
    }
}
