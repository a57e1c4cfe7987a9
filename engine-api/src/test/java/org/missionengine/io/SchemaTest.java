package org.missionengine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.model.*;
import org.missionengine.report.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON Schemas in docs/schema (shipped in the jar): every sample portfolio validates, the mistakes the reader
 * refuses are refused, and the schemas name exactly the fields and enum values of the model, so a field added to a
 * record without the schema, or the reverse, fails here.
 */
class SchemaTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path EXAMPLE = SAMPLES.resolve("missions/format-example.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaValidation PORTFOLIO = SchemaValidation.of(SchemaValidation.PORTFOLIO);

    static Stream<Path> samplePortfolios() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(SAMPLES.resolve("missions"), SAMPLES.resolve("scenarios/portfolios"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("samplePortfolios")
    void everySamplePortfolioValidatesAndIsReadByTheReader(Path file) {
        assertThat(PORTFOLIO.errors(file)).isEmpty();
        assertThat(PortfolioFiles.read(file).missions()).isNotEmpty();
    }

    @Test
    void aMisspeltFieldIsRefusedAtItsObject() throws IOException {
        ObjectNode doc = example();
        ObjectNode project = (ObjectNode) doc.at("/missions/0/projects/0");
        project.set("publicFundng", project.remove("publicFunding"));

        assertThat(refused(doc)).containsExactly(
                "/missions/0/projects/0/publicFundng additionalProperties");
    }

    @Test
    void aNegativeAmountIsRefused() throws IOException {
        ObjectNode doc = example();
        ((ObjectNode) doc.at("/missions/0/budget")).put("newMoney", -5);

        assertThat(refused(doc)).containsExactly(
                "/missions/0/budget/newMoney minimum");
    }

    @Test
    void anAmountAbove1e15IsRefused() throws IOException {
        ObjectNode doc = example();
        ((ObjectNode) doc.at("/missions/0/projects/0")).put("publicFunding", 2e15);

        assertThat(refused(doc)).containsExactly(
                "/missions/0/projects/0/publicFunding maximum");
    }

    @Test
    void anIntensityAbove1IsRefused() throws IOException {
        ObjectNode doc = example();
        ((ObjectNode) doc.at("/spillovers/1")).put("intensity", 1.5);

        assertThat(refused(doc)).containsExactly(
                "/spillovers/1/intensity maximum");
    }

    @Test
    void aDateThatIsNotIsoIsRefused() throws IOException {
        ObjectNode doc = example();
        ((ObjectNode) doc.at("/missions/0")).put("deadline", "31/12/2030");

        assertThat(refused(doc)).containsExactly("/missions/0/deadline pattern");
    }

    @Test
    void anInstrumentOutsideTheModelIsRefusedAndRegulationIsAccepted() throws IOException {
        ObjectNode doc = example();
        ObjectNode project = (ObjectNode) doc.at("/missions/0/projects/0");
        project.put("instrument", "REGULATION");
        assertThat(PORTFOLIO.errors(MAPPER.writeValueAsString(doc))).isEmpty();

        project.put("instrument", "SUBSIDY");
        assertThat(refused(doc)).containsExactly("/missions/0/projects/0/instrument enum");
    }

    @Test
    void absentIsNotNoneNothingIsRequiredThatTheReaderLetsOut() throws IOException {
        String mission = "{\"format\": \"mission-portfolio/1\", \"missions\": [{\"id\": \"m1\"}]}";
        assertThat(PORTFOLIO.errors(mission)).isEmpty();
        assertThat(PORTFOLIO.violations(mission.replace("{\"id\": \"m1\"}", "{\"title\": \"no id\"}")))
                .containsExactly("/missions/0 required");
    }

    @Test
    void thePortfolioSchemaNamesEveryFieldOfTheModelAndNoOther() throws IOException {
        JsonNode schema = schema(SchemaValidation.PORTFOLIO);
        assertThat(names(schema.get("properties"))).containsExactlyInAnyOrderElementsOf(
                plus(components(Portfolio.class), "format"));
        Map<String, Class<? extends Record>> defs = new LinkedHashMap<>();
        defs.put("metric", Metric.class);
        defs.put("actor", Actor.class);
        defs.put("mission", Mission.class);
        defs.put("budget", Budget.class);
        defs.put("datedValue", DatedValue.class);
        defs.put("target", Target.class);
        defs.put("revision", Revision.class);
        defs.put("governance", Governance.class);
        defs.put("project", Project.class);
        defs.put("conditionality", Conditionality.class);
        defs.put("cashflow", Cashflow.class);
        defs.put("observation", Observation.class);
        defs.put("spillover", Spillover.class);
        assertFieldsMatch(schema, defs);

        JsonNode types = schema.get("$defs");
        assertEnum(types.at("/metric/properties/kind"), MetricKind.class);
        assertEnum(types.at("/metric/properties/direction"), Direction.class);
        assertEnum(types.at("/actor/properties/type"), ActorType.class);
        assertEnum(types.at("/project/properties/instrument"), Instrument.class);
        assertEnum(types.at("/project/properties/status"), ProjectStatus.class);
        assertEnum(types.at("/conditionality/properties/type"), ConditionalityType.class);
        assertEnum(types.at("/spillover/properties/kind"), SpilloverKind.class);
        assertEnum(types.at("/spillover/properties/evidence"), EvidenceLevel.class);
    }

    @Test
    void theReportSchemaNamesEveryFieldOfTheReportModelAndNoOther() throws IOException {
        JsonNode schema = schema(SchemaValidation.REPORT);
        Map<String, Class<? extends Record>> defs = new LinkedHashMap<>();
        defs.put("engine", EngineInfo.class);
        defs.put("mission", MissionReport.class);
        defs.put("finding", Finding.class);
        defs.put("datedValue", DatedValue.class);
        defs.put("observation", Observation.class);
        defs.put("target", TargetAssessment.class);
        defs.put("value", ValueAssessment.class);
        defs.put("projectValue", ProjectValue.class);
        assertFieldsMatch(schema, defs);
        // the document: the report's components, its format, and what several files and --timeline add
        assertThat(names(schema.at("/$defs/report/properties"))).containsExactlyInAnyOrderElementsOf(
                plus(components(EvaluationReport.class), "format", "file", "timeline"));

        JsonNode types = schema.get("$defs");
        assertEnum(types.get("rating"), Rating.class);
        assertEnum(types.get("criterion"), Criterion.class);
        assertEnum(types.get("targetStatus"), TargetStatus.class);
        assertEnum(types.at("/finding/properties/severity"), Severity.class);
    }

    private static void assertFieldsMatch(JsonNode schema, Map<String, Class<? extends Record>> defs) {
        defs.forEach((def, record) -> {
            JsonNode object = schema.get("$defs").get(def);
            assertThat(names(object.get("properties"))).as(def).containsExactlyInAnyOrderElementsOf(components(record));
            assertThat(object.get("additionalProperties").asBoolean(true)).as(def + " refuses unknown fields").isFalse();
        });
    }

    private static void assertEnum(JsonNode node, Class<? extends Enum<?>> type) {
        List<String> values = new ArrayList<>();
        node.get("enum").forEach(v -> values.add(v.asText()));
        assertThat(values).as(type.getSimpleName()).containsExactlyElementsOf(
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private static List<String> components(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
    }

    private static List<String> plus(List<String> names, String... more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(more));
        return all;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode schema(String resource) throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(resource)) {
            return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The schema's violations of a document the reader refuses as well: the schema is as strict as the reader. */
    private static List<String> refused(ObjectNode doc) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(doc);
        assertThatThrownBy(() -> PortfolioFiles.read(bytes, "portfolio.json"))
                .isInstanceOf(InvalidPortfolioException.class);
        return PORTFOLIO.violations(new String(bytes, StandardCharsets.UTF_8));
    }

    private static ObjectNode example() throws IOException {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(EXAMPLE.toFile());
        assertThat(PORTFOLIO.errors(MAPPER.writeValueAsString(doc))).isEmpty();
        return doc;
    }
}
