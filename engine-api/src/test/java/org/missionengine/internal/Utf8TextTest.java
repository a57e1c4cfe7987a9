package org.missionengine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.missionengine.InvalidRulesException;
import org.missionengine.Problem;

/** A table's text is UTF-8 or refused at the line and column of its first byte that is not. */
class Utf8TextTest {

    private static String decode(byte[] bytes, int from) {
        return Utf8Text.decode(bytes, from, "table.csv", "Save it as UTF-8.", InvalidRulesException::new);
    }

    private static Problem refusal(byte[] bytes) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> decode(bytes, 0));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void utf8IsReadAsItIsFromWhereItsTextStarts() {
        byte[] bytes = "\uFEFFRègle,Été\r\n€ 5,naïve\n".getBytes(StandardCharsets.UTF_8);

        assertThat(decode(bytes, 3)).isEqualTo("Règle,Été\r\n€ 5,naïve\n");
        assertThat(decode(new byte[0], 0)).isEmpty();
    }

    @Test
    void latin1IsRefusedAtTheLineAndColumnOfItsFirstByteThatIsNotUtf8() {
        Problem p = refusal("RuleSet,agency\r\nNotes,Règle générale\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(p.describe()).isEqualTo("table.csv:2:8: the file is not UTF-8 (byte 0xE8, \"è\" in Latin-1 or "
                + "Windows-1252). Save it as UTF-8.");
    }

    @Test
    void theByteIsNamedAsWindows1252ReadsItWhereLatin1HasNoCharacter() {
        assertThat(refusal(new byte[] {'a', (byte) 0x80, 'b'}).describe()).isEqualTo("table.csv:1:2: the file is not "
                + "UTF-8 (byte 0x80, \"€\" in Windows-1252). Save it as UTF-8.");
        assertThat(refusal(new byte[] {'a', (byte) 0x81}).message()).isEqualTo("the file is not UTF-8 (byte 0x81)");
    }

    @Test
    void aCharacterCutOffAtTheEndIsRefusedWhereItStarts() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);

        assertThat(refusal(new byte[] {'x', '\n', 'y', euro[0], euro[1]}).location()).isEqualTo("2:2");
    }
}
