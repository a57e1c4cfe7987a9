package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.missionengine.MissionEngine;
import org.missionengine.io.PortfolioFiles;
import org.missionengine.io.ReportFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.EvaluationReport;
import org.missionengine.report.Severity;

/**
 * A report says what produced it, so that an auditor can reproduce it: the packs by content hash, every parameter in
 * force and where its value came from, what was disabled and what that left out, the changed severities, the limits,
 * the engine and Java versions; and the same inputs give the same report, byte for byte.
 */
class AuditableReportTest {
    static final LocalDate AS_OF = LocalDate.of(2019, 6, 30);
    static final String AGENCY_RULE = """
            package agency.audit;
            import org.missionengine.model.*;
            global org.missionengine.rules.EvaluationContext ctx;

            rule "Mission without a title"
                @code("AG_NO_TITLE") @severity("INFO") @category("AGENCY")
            when
                $m : Mission( title == null )
            then
                ctx.report(drools, $m.id(), "The mission has no title.");
            end
            """;

    static Portfolio portfolio;

    @BeforeAll
    static void readSampleWithAParameter() throws IOException {
        String json = Files.readString(Path.of("src/test/resources/samples/emissions.json"));
        portfolio = PortfolioFiles.read(json.replaceFirst("\\{", "{\"parameters\": {\"value.discountRate\": 0.05},")
                .getBytes(StandardCharsets.UTF_8), "emissions.json");
    }

    @Test
    void everyParameterInForceSaysWhereItsValueCameFrom() {
        EngineInfo engine = MissionEngine.builder().parameter("rating.strong", "0.9").build()
                .evaluate(portfolio, AS_OF).engine();

        assertThat(parameter(engine, "rating.strong"))
                .isEqualTo(new EngineInfo.Parameter("rating.strong", 0.9, EngineInfo.Source.OPTION, "rating", 0.8));
        assertThat(parameter(engine, "value.discountRate")).isEqualTo(new EngineInfo.Parameter("value.discountRate",
                0.05, EngineInfo.Source.PORTFOLIO, "value", 0.035));
        EngineInfo.Parameter promising = parameter(engine, "rating.promising");
        assertThat(promising.source()).isEqualTo(EngineInfo.Source.DEFAULT);
        assertThat(promising.value()).isEqualTo(0.6);
        assertThat(promising.differsFromDefault()).isFalse();
        assertThat(engine.parameters()).extracting(EngineInfo.Parameter::name).isSorted()
                .contains("crossCutting.minSectors", "washing.weight.MW_NO_MEASURABLE_TARGET");
        assertThat(engine.parameters()).filteredOn(EngineInfo.Parameter::differsFromDefault)
                .extracting(EngineInfo.Parameter::name).containsExactly("rating.strong", "value.discountRate");
    }

    @Test
    void theEnginesOwnInfoKnowsNoPortfolioAndTheReportsAddsIt() {
        MissionEngine engine = MissionEngine.builder().build();

        assertThat(parameter(engine.info(), "value.discountRate").source()).isEqualTo(EngineInfo.Source.DEFAULT);
        assertThat(parameter(engine.info(portfolio), "value.discountRate").source())
                .isEqualTo(EngineInfo.Source.PORTFOLIO);
        assertThat(engine.evaluate(portfolio, AS_OF).engine()).isEqualTo(engine.info(portfolio));
    }

    @Test
    void disabledRulesShowAsGivenWithWhatTheyLeftOut() {
        EngineInfo engine = MissionEngine.builder().disable("MW_NO_PARTICIPATION", "governance").build()
                .evaluate(portfolio, AS_OF).engine();

        assertThat(engine.disabled()).hasSize(2);
        assertThat(engine.disabled().get(0)).isEqualTo(new EngineInfo.Disabled("MW_NO_PARTICIPATION",
                List.of(new EngineInfo.Rule("washing", "No participation mechanism", "MW_NO_PARTICIPATION"))));
        assertThat(engine.disabled().get(1).given()).isEqualTo("governance");
        assertThat(engine.disabled().get(1).rules()).extracting(EngineInfo.Rule::pack).containsOnly("governance");
        assertThat(engine.disabled().get(1).rules()).extracting(EngineInfo.Rule::code)
                .contains("GOV_NO_MISSION_BOARD");
    }

    @Test
    void severityOverridesShowWithTheSeverityTheRuleDeclares() {
        EngineInfo engine = MissionEngine.builder().severity("GOV_NO_MISSION_BOARD", Severity.CRITICAL)
                .severity("MW_NO_PARTICIPATION", Severity.INFO).build().evaluate(portfolio, AS_OF).engine();

        assertThat(engine.severityOverrides()).containsExactly(
                new EngineInfo.SeverityOverride("GOV_NO_MISSION_BOARD", Severity.CRITICAL, Severity.WARNING),
                new EngineInfo.SeverityOverride("MW_NO_PARTICIPATION", Severity.INFO, Severity.WARNING));
    }

    @Test
    void theLimitsAndTheEngineAndJavaVersionsAreRecorded() {
        EngineInfo engine = MissionEngine.builder().threads(3).timeout(Duration.ofSeconds(7)).maxFirings(5000).build()
                .evaluate(portfolio, AS_OF).engine();

        assertThat(engine.limits()).isEqualTo(new EngineInfo.Limits(3, Duration.ofSeconds(7), 5000));
        assertThat(engine.version()).isEqualTo(DroolsMissionEngine.VERSION);
        assertThat(engine.java()).isEqualTo(System.getProperty("java.vendor") + " " + Runtime.version());
        assertThat(ReportFiles.toJson(new EvaluationReport(engine, AS_OF, List.of(), List.of())))
                .contains("\"limits\" : {\n      \"threads\" : 3,\n      \"timeout\" : \"PT7S\",\n"
                        + "      \"maxFirings\" : 5000\n    }");
    }

    @Test
    void builtInPacksAreHashedFromTheirPackJsonAndDrl() throws IOException {
        EngineInfo engine = MissionEngine.builder().build().info();

        assertThat(engine.packs()).extracting(EngineInfo.Pack::id).containsExactly("criteria", "washing", "finance",
                "governance", "procurement", "portfolio", "trajectory", "value", "evidence", "rating");
        assertThat(engine.packs()).allSatisfy(p -> {
            assertThat(p.sha256()).matches("[0-9a-f]{64}");
            assertThat(p.source()).isEqualTo("built-in");
        });
        assertThat(engine.rulePacks()).first().asString().startsWith("criteria@");
        String dir = "src/main/resources/org/missionengine/rules/rating/";
        byte[] manifest = Files.readAllBytes(Path.of(dir, "pack.json"));
        byte[] drl = Files.readAllBytes(Path.of(dir, "rating.drl"));
        assertThat(pack(engine, "rating").sha256()).isEqualTo(sha256(entry("pack.json", manifest),
                entry("rating.drl", drl)));
    }

    @Test
    void aRuleFileIsHashedByItsBytesAndItsAbsolutePathDoesNotLeak(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("agency.drl");
        Files.writeString(file, AGENCY_RULE);
        EngineInfo before = MissionEngine.builder().rules(file.toAbsolutePath()).build().evaluate(portfolio, AS_OF)
                .engine();

        EngineInfo.Pack pack = pack(before, "agency");
        assertThat(pack.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(pack.source()).isEqualTo("agency.drl");
        assertThat(pack.version()).isEqualTo("unversioned");

        Files.writeString(file, AGENCY_RULE.replace("The mission has no title.", "No title."));
        EngineInfo after = MissionEngine.builder().rules(file.toAbsolutePath()).build().info();
        assertThat(pack(after, "agency").sha256()).matches("[0-9a-f]{64}").isNotEqualTo(pack.sha256());
        assertThat(pack(after, "washing").sha256()).isEqualTo(pack(before, "washing").sha256());
    }

    @Test
    void aRuleFileBesideAPackJsonIsHashedWithItAsThePackItTakesItsVersionFrom(@TempDir Path dir) throws IOException {
        String manifest = "{\"id\": \"agency\", \"version\": \"3.0\", \"parameters\": {}}";
        Files.writeString(dir.resolve("pack.json"), manifest);
        Path file = dir.resolve("titles.drl");
        Files.writeString(file, AGENCY_RULE);

        EngineInfo.Pack pack = pack(MissionEngine.builder().rules(file).build().info(), "titles");
        assertThat(pack.version()).isEqualTo("3.0");
        assertThat(pack.sha256()).isEqualTo(sha256(entry("pack.json", manifest.getBytes(StandardCharsets.UTF_8)),
                entry("titles.drl", AGENCY_RULE.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aPackDirectoryIsHashedFromItsFilesInNameOrder(@TempDir Path dir) throws IOException {
        Path packDir = Files.createDirectories(dir.resolve("agency"));
        String manifest = "{\"id\": \"agency\", \"version\": \"2.1\", \"parameters\": {}}";
        Files.writeString(packDir.resolve("pack.json"), manifest);
        Files.writeString(packDir.resolve("titles.drl"), AGENCY_RULE);
        Files.writeString(packDir.resolve("notes.txt"), "not a rule file: not part of the pack");

        EngineInfo.Pack pack = pack(MissionEngine.builder().rules(packDir).build().info(), "agency");
        assertThat(pack.version()).isEqualTo("2.1");
        assertThat(pack.sha256()).isEqualTo(sha256(entry("pack.json", manifest.getBytes(StandardCharsets.UTF_8)),
                entry("titles.drl", AGENCY_RULE.getBytes(StandardCharsets.UTF_8))));

        Files.writeString(packDir.resolve("pack.json"), manifest.replace("2.1", "2.2"));
        assertThat(pack(MissionEngine.builder().rules(packDir).build().info(), "agency").sha256())
                .isNotEqualTo(pack.sha256());
    }

    @Test
    void theSameInputsGiveTheSameReportByteForByteFromTwoSeparatelyBuiltEngines(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("agency.drl");
        Files.writeString(file, AGENCY_RULE);
        String first = ReportFiles.toJson(engine(file).evaluate(portfolio, AS_OF));
        String second = ReportFiles.toJson(engine(file).evaluate(portfolio, AS_OF));

        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContain(dir.toString()).contains("\"source\" : \"agency.drl\"")
                .contains("\"given\" : \"MW_NO_PARTICIPATION\"").contains("\"name\" : \"rating.strong\",\n"
                        + "      \"value\" : 0.9,\n      \"source\" : \"OPTION\",\n      \"pack\" : \"rating\",\n"
                        + "      \"default\" : 0.8");
    }

    /** An engine with an option of each kind; the map of options is given in another order each time. */
    private static MissionEngine engine(Path rules) {
        return MissionEngine.builder().rules(rules.toAbsolutePath()).disable("MW_NO_PARTICIPATION")
                .parameter("rating.strong", 0.9).parameter("rating.promising", 0.55)
                .severity("GOV_NO_MISSION_BOARD", Severity.CRITICAL).severity("MW_SILOED", Severity.INFO)
                .threads(2).build();
    }

    private static EngineInfo.Parameter parameter(EngineInfo engine, String name) {
        return engine.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static EngineInfo.Pack pack(EngineInfo engine, String id) {
        return engine.packs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** A file of a pack as docs/reports.md says it is hashed: its name, its length, its bytes. */
    private static byte[] entry(String name, byte[] content) {
        byte[] head = (name + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
