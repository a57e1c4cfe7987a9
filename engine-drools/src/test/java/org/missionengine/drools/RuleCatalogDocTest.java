package org.missionengine.drools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.missionengine.catalog.RuleCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** docs/rule-catalog.md is what the engine's catalog says: its generated regions are regenerated and compared. */
class RuleCatalogDocTest {
    /** Finding codes as the prose names them: a category prefix and an upper-case name. */
    private static final Pattern CODE = Pattern.compile("\\b(?:CRIT|MW|TRJ|VAL|FIN|GOV|PROC|PORT|DATA)_[A-Z_]+\\b");

    private static RuleCatalog catalog;

    @BeforeAll
    static void buildEngine() {
        catalog = RuleCatalogDoc.builtInCatalog();
    }

    @Test
    void theCommittedCatalogIsTheGeneratedOne() throws IOException {
        String committed = RuleCatalogDoc.read(RuleCatalogDoc.FILE);
        String generated = RuleCatalogDoc.generate(committed, catalog);
        if (committed.equals(generated)) {
            return;
        }
        if (Boolean.getBoolean("ruleCatalog.write")) {
            Files.writeString(RuleCatalogDoc.FILE, generated, StandardCharsets.UTF_8);
            return;
        }
        fail("docs/rule-catalog.md differs from the engine's rule catalog (a rule, code, severity, parameter or pack "
                + "description changed). Regenerate it with\n  " + RuleCatalogDoc.REGENERATE
                + "\nthen review the diff and update the hand-written prose around the generated tables.\n"
                + "First difference at line " + firstDifferentLine(committed, generated));
    }

    @Test
    void everyCodeTheProseNamesIsARuleOfTheEngine() throws IOException {
        List<String> codes = RuleCatalogDoc.codes(catalog);
        List<String> unknown = new ArrayList<>();
        Matcher m = CODE.matcher(RuleCatalogDoc.read(RuleCatalogDoc.FILE));
        while (m.find()) {
            if (!codes.contains(m.group()) && !unknown.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        assertThat(unknown).as("codes in docs/rule-catalog.md that no built-in rule has").isEmpty();
    }

    @Test
    void aRegionIsRewrittenAndAPackWithoutOneGetsASection() {
        String doc = "# Rules\n\nProse about criteria.\n<!-- generated: pack criteria -->\nstale\n"
                + "<!-- end generated: pack criteria -->\nMore prose.\n";

        String generated = RuleCatalogDoc.generate(doc, catalog);

        assertThat(generated).startsWith("# Rules\n\nProse about criteria.\n<!-- generated: pack criteria -->\n"
                        + "Pack `criteria` 1.0.0. The five mission criteria")
                .doesNotContain("stale")
                .contains("| `CRIT_NO_DEADLINE` | WARNING | CRITERIA | MEASURABLE | Mission has no deadline |\n")
                .contains("| `crossCutting.minSectors` | 3 | ≥ 1 | Fewest distinct sectors")
                .contains("<!-- end generated: pack criteria -->\nMore prose.\n\n## washing\n\n"
                        + "<!-- generated: pack washing -->\n");
    }

    @Test
    void aRegionForAPackTheEngineLacksIsAnError() {
        String doc = "<!-- generated: pack astrology -->\n<!-- end generated: pack astrology -->\n";

        assertThatThrownBy(() -> RuleCatalogDoc.generate(doc, catalog))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("docs/rule-catalog.md has a generated region for pack \"astrology\", which the engine "
                        + "does not have: remove the region and its prose");
    }

    @Test
    void numbersReadAsWritten() {
        assertThat(RuleCatalogDoc.value(0.035)).isEqualTo("0.035");
        assertThat(RuleCatalogDoc.value(1.0)).isEqualTo("1");
        assertThat(RuleCatalogDoc.value(1_000_000)).isEqualTo("1000000");
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i + 1;
    }
}
