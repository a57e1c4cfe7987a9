package org.missionengine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDateDeserializerTest {
    @ParameterizedTest
    @ValueSource(strings = {"2030-12-31", "2024-02-29", "2023-02-28", "0000-01-01", "9999-12-31", "2030-01-01"})
    void theFastPathReadsWhatTheFormatterReads(String text) {
        assertThat(IsoDateDeserializer.plainDate(text)).isEqualTo(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2030-04-31", "2030-13-01", "2030-00-10", "2030-01-00", "2030-1-01",
            "2030/01/01", "2030-01-0x", "+2030-01-01", "2030-01-01T00:00", "２０３０-01-01"})
    void anythingElseIsLeftToTheFormatterAndItsReasons(String text) {
        assertThat(IsoDateDeserializer.plainDate(text)).isNull();
    }

    @Test
    void everyDayOfALeapYearAndAnOrdinaryYearIsReadAsTheFormatterReadsIt() {
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2025, 1, 1)); d = d.plusDays(1)) {
            assertThat(IsoDateDeserializer.plainDate(d.toString())).isEqualTo(d);
        }
    }
}
