package org.missionengine.samples.cordis;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.missionengine.UserErrorException;
import org.missionengine.io.PortfolioFiles;

/**
 * Command line of the CORDIS importer.
 *
 * <pre>
 * CordisImport [--data DIR] [--as-of DATE] [--output FILE]
 *     Reads the Horizon Europe extract in DIR (default: data/cordis, else samples/data/cordis) and writes a
 *     portfolio of the EU Missions' projects to FILE (.json, or .yaml/.yml), or to standard output.
 * CordisImport filter --from DIR --to DIR
 *     Copies the rows of a full extract that the Missions' portfolio needs into another directory.
 * </pre>
 *
 * Exit codes as mission-eval's: 0 done, 2 a mistake in the options or the data (one message, no stack trace),
 * 3 an internal error.
 */
public final class CordisImport {
    static final String USAGE = """
            Usage: CordisImport [--data DIR] [--as-of YYYY-MM-DD] [--output FILE]
                   CordisImport filter --from DIR --to DIR

            import (the default) reads a CORDIS Horizon Europe extract (he_projects_*.psv, he_orgs_*.psv,
            he_topics_*.csv, he_euroSciVoc_*.csv) and writes a portfolio of the EU Missions' projects.
              --data DIR      the extract (default: data/cordis, else samples/data/cordis)
              --as-of DATE    evaluation date of the portfolio (default: the date in the projects file's name)
              --output FILE   where to write it (.json, .yaml or .yml; default: standard output)
            filter copies the rows the Missions' portfolio needs from a full extract into another directory.
            """;

    private CordisImport() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command and returns its exit code; {@code out} gets the portfolio when no --output is given. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (args.length > 0 && args[0].equals("filter")) {
                return filter(List.of(args).subList(1, args.length), err);
            }
            List<String> rest = new ArrayList<>(List.of(args));
            if (!rest.isEmpty() && rest.get(0).equals("import")) {
                rest.remove(0);
            }
            return importExtract(rest, out, err);
        } catch (UsageException e) {
            err.println("CordisImport: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        } catch (UserErrorException e) {
            err.println("CordisImport: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("CordisImport: internal error: " + e);
            return 3;
        }
    }

    private static int importExtract(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = Options.parse(args, List.of("--data", "--as-of", "--output"));
        Path data = options.containsKey("--data") ? Path.of(options.get("--data")) : defaultData();
        CordisExtract extract = CordisExtract.read(data);
        LocalDate asOf = options.containsKey("--as-of") ? date(options.get("--as-of"))
                : extract.extractDate() != null ? extract.extractDate() : LocalDate.now();
        CordisPortfolio.Result result = CordisPortfolio.build(extract, asOf);
        if (options.containsKey("--output")) {
            Path output = Path.of(options.get("--output"));
            PortfolioFiles.write(result.portfolio(), output);
            err.println("Wrote " + output + ": " + result.summary() + ".");
        } else {
            out.print(PortfolioFiles.toString(result.portfolio(), "portfolio.json"));
            out.println();
            err.println(result.summary() + ".");
        }
        return 0;
    }

    private static int filter(List<String> args, PrintStream err) {
        Map<String, String> options = Options.parse(args, List.of("--from", "--to"));
        if (!options.containsKey("--from") || !options.containsKey("--to")) {
            throw new UsageException("filter needs --from DIR and --to DIR");
        }
        Map<String, Integer> written = CordisFilter.filter(Path.of(options.get("--from")), Path.of(options.get("--to")));
        written.forEach((file, rows) -> err.println("Wrote " + Path.of(options.get("--to")).resolve(file) + ": "
                + rows + " rows."));
        return 0;
    }

    private static Path defaultData() {
        for (String candidate : List.of("data/cordis", "samples/data/cordis")) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new UsageException("no --data given, and neither data/cordis nor samples/data/cordis is a directory "
                + "here (" + Path.of("").toAbsolutePath() + ")");
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of \"" + text + "\" is not a date; write it as YYYY-MM-DD");
        }
    }

    /** A mistake in the command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} options, each at most once, no positional arguments. */
    private static final class Options {
        static Map<String, String> parse(List<String> args, List<String> known) {
            Map<String, String> options = new java.util.LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (!known.contains(name)) {
                    throw new UsageException(arg.startsWith("-") ? "unknown option " + name + " (known: "
                            + String.join(", ", known) + ")" : "unexpected argument \"" + arg + "\"");
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (options.put(name, value) != null) {
                    throw new UsageException(name + " is given twice");
                }
            }
            return options;
        }
    }
}
