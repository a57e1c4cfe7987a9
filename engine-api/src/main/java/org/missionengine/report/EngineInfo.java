package org.missionengine.report;

import java.util.List;

/** Which engine and which rule packs (id and version) produced a report. */
public record EngineInfo(String version, List<String> rulePacks) {
    public EngineInfo {
        rulePacks = rulePacks == null ? List.of() : List.copyOf(rulePacks);
    }
}
