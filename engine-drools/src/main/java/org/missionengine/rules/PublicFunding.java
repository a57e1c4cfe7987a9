package org.missionengine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.missionengine.model.Mission;
import org.missionengine.model.Project;

/**
 * A mission's public funding as its projects record it, for the checks that judge shares of it:
 * {@code $funding : PublicFunding( complete, total > 0 ) from PublicFunding.of( $m )}. A share is judged only when every
 * project records its amount ({@code complete}): money nobody recorded could change any share.
 *
 * @param total       the sum of the recorded amounts, in the projects' order (as a rule's {@code sum} adds them)
 * @param complete    whether every project records its public funding (0 included)
 * @param byRecipient each recipient's holding, in order of first appearance; a project without a recipient or without
 *                    an amount counts for none
 */
public record PublicFunding(double total, boolean complete, List<Holding> byRecipient) {
    /**
     * Copies the holdings.
     *
     * @param total       the sum of the recorded amounts
     * @param complete    whether every project records its amount
     * @param byRecipient each recipient's holding
     */
    public PublicFunding {
        byRecipient = List.copyOf(byRecipient);
    }

    /**
     * What one recipient holds: {@code $h : Holding( share > ... ) from $funding.byRecipient()}.
     *
     * @param recipient the recipient (an actor's id)
     * @param held      the public funding of its projects
     * @param share     held over the mission's total (0 when the total is 0)
     */
    public record Holding(String recipient, double held, double share) {
    }

    /**
     * The mission's public funding.
     *
     * @param mission the mission
     * @return its total, whether it is complete, and each recipient's holding
     */
    public static PublicFunding of(Mission mission) {
        double total = 0;
        boolean complete = true;
        Map<String, Double> held = new LinkedHashMap<>();
        for (Project p : mission.projects()) {
            if (p.publicFunding() == null) {
                complete = false;
                continue;
            }
            total += p.publicFunding();
            if (p.recipient() != null) {
                held.merge(p.recipient(), p.publicFunding(), Double::sum);
            }
        }
        List<Holding> holdings = new ArrayList<>(held.size());
        for (Map.Entry<String, Double> h : held.entrySet()) {
            holdings.add(new Holding(h.getKey(), h.getValue(), total == 0 ? 0 : h.getValue() / total));
        }
        return new PublicFunding(total, complete, holdings);
    }
}
