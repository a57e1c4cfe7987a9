package org.missionengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import org.missionengine.ProgressListener;

class ProgressBarTest {
    @Test
    void theLineShowsTheBarTheShareTheCountAndTheTime() {
        assertThat(ProgressBar.line("big.json", 2_500, 10_000, 3))
                .isEqualTo("Evaluating big.json [#######.......................]  25% 2,500/10,000 missions, 3 s");
        assertThat(ProgressBar.line("big.json", 10_000, 10_000, 12))
                .isEqualTo("Evaluating big.json [##############################] 100% 10,000/10,000 missions, 12 s");
    }

    @Test
    void nothingIsDrawnWhenStderrIsNotATerminalOrThePortfolioIsSmall() {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        // under a test runner System.console() is null, as when stderr is redirected to a file or a pipe
        ProgressListener big = ProgressBar.of(err, "big.json", 10_000);
        ProgressListener small = ProgressBar.of(err, "small.json", 10);
        assertThat(big).isSameAs(ProgressListener.NONE);
        assertThat(small).isSameAs(ProgressListener.NONE);
        big.missionsEvaluated(10_000, 10_000);
        ProgressBar.finish(big);
        assertThat(text.toString()).isEmpty();
    }
}
