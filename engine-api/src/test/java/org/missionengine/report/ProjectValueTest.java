package org.missionengine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A project's spillovers by sector are kept compact, in the order given, read-only, and equal to any equal map. */
class ProjectValueTest {

    @Test
    void spillsIntoKeepsTheOrderGivenAndEqualsAnEqualMap() {
        Map<String, Double> given = new LinkedHashMap<>();
        given.put("energy", 3.5);
        given.put("buildings", 1.25);
        given.put("agriculture", 0.5);
        ProjectValue value = value(given);

        assertThat(value.spillsInto()).containsExactly(Map.entry("energy", 3.5), Map.entry("buildings", 1.25),
                Map.entry("agriculture", 0.5));
        assertThat(value.spillsInto()).isEqualTo(new HashMap<>(given)).hasSameHashCodeAs(given);
        assertThat(value.spillsInto().get("buildings")).isEqualTo(1.25);
        assertThat(value.spillsInto().get("transport")).isNull();
        assertThat(value).isEqualTo(value(new LinkedHashMap<>(given)));
    }

    @Test
    void spillsIntoIsReadOnlyAndACopy() {
        Map<String, Double> given = new LinkedHashMap<>(Map.of("energy", 1.0));
        ProjectValue value = value(given);
        given.put("transport", 2.0);

        assertThat(value.spillsInto()).containsOnlyKeys("energy");
        assertThatThrownBy(() -> value.spillsInto().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(value(null).spillsInto()).isEmpty();
    }

    @Test
    void aNullSectorOrValueIsRefusedNamingTheProject() {
        Map<String, Double> given = new LinkedHashMap<>();
        given.put("energy", null);

        assertThatThrownBy(() -> value(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spillsInto of project p1 must not hold null sectors or values, found energy = null");
    }

    @Test
    void jsonListsTheSectorsInOrder() throws Exception {
        Map<String, Double> given = new LinkedHashMap<>();
        given.put("transport", 2.0);
        given.put("energy", 1.0);

        assertThat(new ObjectMapper().writeValueAsString(value(given).spillsInto()))
                .isEqualTo("{\"transport\":2.0,\"energy\":1.0}");
    }

    private static ProjectValue value(Map<String, Double> spills) {
        return new ProjectValue("p1", "energy", 10, 12, 2, 1.2, 20, 2.0, spills);
    }
}
