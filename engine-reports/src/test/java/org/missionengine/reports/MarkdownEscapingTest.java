package org.missionengine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownEscapingTest {
    @Test
    void escapingKeepsUserTextLiteral() {
        assertThat(MarkdownReport.md("a|b <i>c</i> *d* [e](f) `g` #h")).isEqualTo(
                "a\\|b \\<i\\>c\\</i\\> \\*d\\* \\[e\\](f) \\`g\\` \\#h");
        assertThat(MarkdownReport.md("two\nlines")).isEqualTo("two lines");
        assertThat(MarkdownReport.code("plain-id")).isEqualTo("`plain-id`");
        assertThat(MarkdownReport.code("a|b")).isEqualTo("a\\|b");
    }
}
