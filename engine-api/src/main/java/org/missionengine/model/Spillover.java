package org.missionengine.model;

/**
 * Value that reappears in {@code toSector}: {@code intensity} (0..1) is the share of the source's value that
 * does. The source is a project ({@code fromProject}) or a whole sector ({@code fromSector}), never both.
 *
 * @param fromProject the source project's id, or null
 * @param fromSector  the source sector, or null
 * @param toSector    the sector the value spills into
 * @param kind        the channel; {@link SpilloverKind#KNOWLEDGE} when null
 * @param intensity   the share of the source's value that reappears, 0..1
 * @param lagYears    the years before it does, or null
 * @param evidence    how the intensity is known; {@link EvidenceLevel#ESTIMATED} when null
 */
public record Spillover(String fromProject, String fromSector, String toSector, SpilloverKind kind, double intensity,
                        Double lagYears, EvidenceLevel evidence) {
    /**
     * Checks the source, the target sector, the intensity and the lag; fills in the defaults.
     *
     * @param fromProject the source project's id, or null
     * @param fromSector  the source sector, or null
     * @param toSector    the sector the value spills into
     * @param kind        the channel; {@link SpilloverKind#KNOWLEDGE} when null
     * @param intensity   the share of the source's value that reappears, 0..1
     * @param lagYears    the years before it does, or null
     * @param evidence    how the intensity is known; {@link EvidenceLevel#ESTIMATED} when null
     * @throws InvalidFieldException if it has no source or two, no target sector, an intensity outside 0..1 or a
     *                               negative lag
     */
    public Spillover {
        if ((fromProject == null) == (fromSector == null)) {
            throw new InvalidFieldException(null, "a spillover needs exactly one of fromProject and fromSector, got "
                    + "fromProject=" + Checks.quote(fromProject) + ", fromSector=" + Checks.quote(fromSector),
                    fromProject == null ? "a spillover needs a source: neither fromProject nor fromSector is given"
                            : "a spillover has one source, but both fromProject (" + Checks.quote(fromProject)
                            + ") and fromSector (" + Checks.quote(fromSector) + ") are given",
                    "Give either \"fromProject\" (a project id) or \"fromSector\" (a sector), not both.");
        }
        if (fromSector != null) {
            Checks.requireId(fromSector, "spillover fromSector", "fromSector",
                    "Name the sector the value comes from: \"fromSector\": \"buildings\".");
        }
        Checks.requireId(toSector, "spillover toSector", "toSector",
                "Name the sector the value spills into: \"toSector\": \"energy\".");
        Checks.shareOrNull(intensity, "spillover intensity", "intensity");
        Checks.nonNegativeNumberOrNull(lagYears, "spillover lagYears", "lagYears");
        if (kind == null) {
            kind = SpilloverKind.KNOWLEDGE;
        }
        if (evidence == null) {
            evidence = EvidenceLevel.ESTIMATED;
        }
    }

    /**
     * Whether the source is a project (rather than a sector).
     *
     * @return true when {@code fromProject} is given
     */
    public boolean fromAProject() {
        return fromProject != null;
    }
}
