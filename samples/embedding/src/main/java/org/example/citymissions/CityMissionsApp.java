package org.example.citymissions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;

import org.missionengine.MissionEngine;
import org.missionengine.MissionEngineBuilder;
import org.missionengine.UserErrorException;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;
import org.missionengine.reports.ReportSource;
import org.missionengine.reports.ReportWriters;

/**
 * Evaluates the city's missions with Mission Engine's built-in rules and the city's own rule file, prints the
 * verdict and the findings, and writes the HTML report for the mission board (system property {@code city.report},
 * by default {@code city-missions.html}; the pom points it into {@code target/}).
 *
 * <pre>
 * mvn exec:java                                   # the city's rules from the classpath (rules/city.drl)
 * mvn exec:java -Dexec.args="path/to/other.drl"   # or a rule file (or pack directory) on disk
 * </pre>
 */
public final class CityMissionsApp {
    /** The city's rules, packaged with the application. */
    static final String CITY_RULES = "rules/city.drl";

    private CityMissionsApp() {
    }

    /** The engine the city runs: the built-in packs, its own rules, and its thresholds. Build it once; it is thread-safe. */
    public static MissionEngine engine(Path rules) {
        MissionEngineBuilder builder = MissionEngine.builder()
                .parameter("crossCutting.minSectors", 4);  // stricter than the default 3
        return rules != null ? builder.rules(rules).build() : builder.rulesText("city.drl", cityRules()).build();
    }

    static String cityRules() {
        try (InputStream in = CityMissionsApp.class.getClassLoader().getResourceAsStream(CITY_RULES)) {
            if (in == null) {
                throw new IllegalStateException(CITY_RULES + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + CITY_RULES + ": " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) {
        try {
            MissionEngine engine = engine(args.length > 0 ? Path.of(args[0]) : null);
            Portfolio portfolio = CityPortfolio.build();
            EvaluationReport report = engine.evaluate(portfolio);
            print(report);
            Path html = Path.of(System.getProperty("city.report", "city-missions.html"));
            writeHtml(report, portfolio, html);
            System.out.println();
            System.out.println("HTML report for the mission board: " + html);
        } catch (UserErrorException e) {
            // a broken rule file or portfolio: one message naming the file and line, no stack trace
            System.err.println("city-missions: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The report as one self-contained HTML page (charts included, opens offline), written atomically: the board's
     * browser never sees half a page.
     */
    static void writeHtml(EvaluationReport report, Portfolio portfolio, Path file) {
        ReportWriters.forFormat("html").write(new ReportSource("Example City missions", report, portfolio), file);
    }

    static void print(EvaluationReport report) {
        System.out.println("Mission Engine " + report.engine().version() + ", as of " + report.asOf());
        for (MissionReport mission : report.missions()) {
            System.out.printf("%n%s (%s)%nrating %s, washing risk %.2f%n", mission.title(), mission.id(),
                    mission.rating(), mission.washingRisk());
            mission.criteria().forEach((criterion, score) -> System.out.printf("  %-20s %.2f%n", criterion, score));
            mission.targets().forEach(t -> System.out.printf("  target %s: %s%n", t.target(), t.status()));
            mission.findings().stream()
                    .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::code))
                    .forEach(f -> System.out.printf("  %-8s %-28s [%s] %s%n", f.severity(), f.code(), f.pack(),
                            f.message()));
        }
    }
}
