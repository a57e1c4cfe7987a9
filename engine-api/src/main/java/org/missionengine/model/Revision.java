package org.missionengine.model;

import java.time.LocalDate;

/** An earlier goal of a target, replaced at {@code date} for {@code reason}. */
public record Revision(LocalDate date, DatedValue goal, String reason) {
}
