package org.missionengine.rules;

import org.missionengine.report.Rating;

/** Fact inserted by rating rules: the mission deserves at best this rating, for this reason. The worst vote wins. */
public record RatingVote(Rating rating, String reason) {
}
