package org.missionengine.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.missionengine.MissionEngine;
import org.missionengine.ProgressListener;
import org.missionengine.RuleExecutionException;
import org.missionengine.io.JsonReportWriter;
import org.missionengine.io.ReportFiles;
import org.missionengine.model.Portfolio;
import org.missionengine.report.MissionReport;
import org.missionengine.report.PortfolioReport;
import org.missionengine.report.EvaluationReport;

/**
 * Evaluation that hands each mission's report on instead of keeping it: the same reports, in the portfolio's order,
 * one call at a time, whatever the number of threads; and the JSON report written that way is byte for byte the one
 * written from the whole report.
 */
class StreamedEvaluationTest {
    static Portfolio portfolio;
    static EvaluationReport whole;

    @BeforeAll
    static void evaluateWhole() {
        portfolio = BatchEvaluationTest.portfolio(BatchEvaluationTest.MISSIONS);
        whole = MissionEngine.builder().threads(1).build()
                .evaluate(portfolio, BatchEvaluationTest.AS_OF);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void missionsArriveInThePortfoliosOrderOneCallAtATime(int threads) {
        List<MissionReport> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        PortfolioReport rest = MissionEngine.builder().threads(threads).build()
                .evaluate(portfolio, BatchEvaluationTest.AS_OF, ProgressListener.NONE, mission -> {
                    if (inside.incrementAndGet() > 1) {
                        overlapping.incrementAndGet();
                    }
                    received.add(mission);
                    Thread.yield(); // give another worker the chance to call in at the same time
                    inside.decrementAndGet();
                });

        assertThat(received).containsExactlyElementsOf(whole.missions());
        assertThat(overlapping.get()).as("calls that overlapped another").isZero();
        assertThat(rest.findings()).isEqualTo(whole.findings());
        // the same engine block but for the limits, which record the number of threads
        assertThat(rest.engine()).usingRecursiveComparison().ignoringFields("limits").isEqualTo(whole.engine());
        assertThat(rest.engine().limits().threads()).isEqualTo(threads);
        assertThat(rest.asOf()).isEqualTo(whole.asOf());
        assertThat(rest.missionsEvaluated()).isEqualTo(BatchEvaluationTest.MISSIONS);
    }

    @Test
    void theStreamedJsonReportIsTheWholeReportsJsonByteForByte(@TempDir Path dir) throws IOException {
        MissionEngine engine = MissionEngine.builder().threads(2).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter writer = ReportFiles.jsonWriter(out, engine.info(portfolio), BatchEvaluationTest.AS_OF);
        PortfolioReport rest = engine.evaluate(portfolio, BatchEvaluationTest.AS_OF, ProgressListener.NONE, writer);
        writer.finish(rest.findings());

        String expected = ReportFiles.toJson(engine.evaluate(portfolio, BatchEvaluationTest.AS_OF));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        Path file = dir.resolve("report.json");
        ReportFiles.writeJson(file, engine, portfolio, BatchEvaluationTest.AS_OF, ProgressListener.NONE);
        assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @Test
    void aReportWrittenFromEachMissionRenderedAloneIsTheWholeReportsJsonByteForByte() {
        MissionEngine engine = MissionEngine.builder().threads(1).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter writer = ReportFiles.jsonWriter(out, engine.info(portfolio), BatchEvaluationTest.AS_OF);
        // as an evaluator that runs the missions on other machines ships them back: each rendered on its own
        PortfolioReport rest = engine.evaluate(portfolio, BatchEvaluationTest.AS_OF, ProgressListener.NONE,
                mission -> writer.acceptRendered(JsonReportWriter.render(mission)));
        writer.finish(rest.findings());

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(ReportFiles.toJson(engine.evaluate(portfolio, BatchEvaluationTest.AS_OF)));
    }

    @Test
    void aRuleFailureLeavesTheMissionsBeforeItDeliveredAndAnEarlierFileUntouched(@TempDir Path dir)
            throws IOException {
        MissionEngine failing = MissionEngine.builder().threads(2).rulesText("failing.drl", """
                package agency.failing;
                import org.missionengine.model.*;
                global org.missionengine.rules.EvaluationContext ctx;

                rule "Fails on m7"
                when
                    $m : Mission( id == "m7" )
                then
                    throw new IllegalStateException("no data for " + $m.id());
                end
                """).build();
        List<String> received = new ArrayList<>();
        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class, () -> failing.evaluate(
                portfolio, BatchEvaluationTest.AS_OF, ProgressListener.NONE, m -> received.add(m.id())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("failing.drl:5: rule \"Fails on m7\" on mission \"m7\": failed: ");
        assertThat(received).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");

        Path file = dir.resolve("report.json");
        Files.writeString(file, "earlier report\n");
        catchThrowableOfType(RuleExecutionException.class, () -> ReportFiles.writeJson(file, failing, portfolio,
                BatchEvaluationTest.AS_OF, ProgressListener.NONE));
        assertThat(Files.readString(file)).isEqualTo("earlier report\n");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aConsumerThatThrowsStopsTheBatchAndHearsOfNothingMore() {
        MissionEngine engine = MissionEngine.builder().threads(2).build();
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () -> engine.evaluate(portfolio,
                BatchEvaluationTest.AS_OF, ProgressListener.NONE, m -> {
                    received.add(m.id());
                    if (m.id().equals("m4")) {
                        throw new IllegalStateException("disk full");
                    }
                }));

        assertThat(e).hasMessage("disk full");
        assertThat(received).containsExactly("m0", "m1", "m2", "m3", "m4");
    }
}
