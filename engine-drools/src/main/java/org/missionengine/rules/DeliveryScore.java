package org.missionengine.rules;

/**
 * Fact inserted by the rating pack: how far the mission's outcome and impact targets are getting (0..1), the mean of
 * {@link TargetTrajectory#delivery} over the targets that have data. Absent while none has.
 *
 * @param value   the delivery, 0..1, to 4 decimals
 * @param targets how many outcome and impact targets it is the mean of
 */
public record DeliveryScore(double value, int targets) {
    /**
     * Rounds the delivery to 4 decimals.
     *
     * @param value   the delivery, 0..1
     * @param targets the number of targets it rests on
     */
    public DeliveryScore {
        value = Scores.round(value);
    }
}
