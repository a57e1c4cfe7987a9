package org.missionengine.model;

/**
 * Value that reappears in {@code toSector}: {@code intensity} (0..1) is the share of the source's value that
 * does. The source is a project ({@code fromProject}) or a whole sector ({@code fromSector}), never both.
 */
public record Spillover(String fromProject, String fromSector, String toSector, SpilloverKind kind, double intensity,
                        Double lagYears, EvidenceLevel evidence) {
    public Spillover {
        if ((fromProject == null) == (fromSector == null)) {
            throw new IllegalArgumentException("a spillover needs exactly one of fromProject and fromSector, got fromProject="
                    + Checks.quote(fromProject) + ", fromSector=" + Checks.quote(fromSector));
        }
        Checks.requireId(toSector, "spillover toSector");
        Checks.shareOrNull(intensity, "spillover intensity");
        Checks.nonNegativeOrNull(lagYears, "spillover lagYears");
        if (kind == null) {
            kind = SpilloverKind.KNOWLEDGE;
        }
        if (evidence == null) {
            evidence = EvidenceLevel.ESTIMATED;
        }
    }

    public boolean fromAProject() {
        return fromProject != null;
    }
}
