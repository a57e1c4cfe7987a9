package org.missionengine.report;

import java.util.List;

/**
 * Which engine and which rule packs (id and version) produced a report.
 *
 * @param version   the engine's version
 * @param rulePacks the packs as {@code id@version}, in evaluation order
 */
public record EngineInfo(String version, List<String> rulePacks) {
    /**
     * Copies {@code rulePacks}; null is none.
     *
     * @param version   the engine's version
     * @param rulePacks the packs as {@code id@version}, in evaluation order
     */
    public EngineInfo {
        rulePacks = rulePacks == null ? List.of() : List.copyOf(rulePacks);
    }
}
