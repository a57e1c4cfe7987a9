package org.missionengine.rules;

/**
 * Fact inserted by the rating pack: how far the mission's outcome and impact targets are getting (0..1), the mean of
 * {@link TargetTrajectory#delivery} over the targets that have data. Absent while none has.
 */
public record DeliveryScore(double value, int targets) {
    public DeliveryScore {
        value = Scores.round(value);
    }
}
