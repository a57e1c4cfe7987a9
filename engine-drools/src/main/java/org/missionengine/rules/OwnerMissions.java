package org.missionengine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.missionengine.model.Mission;
import org.missionengine.model.Portfolio;

/**
 * The ids of the missions one owner runs, for portfolio rules:
 * {@code $o : OwnerMissions( missions.size() > 7 ) from OwnerMissions.of( $portfolio )}. Grouping once is linear in
 * the number of missions; matching {@code Mission( owner == $owner ) from $portfolio.missions()} for each owner is
 * quadratic, and Drools hashes each whole Mission record it takes from a collection.
 *
 * @param owner    the owner, as the missions' {@code owner} names it
 * @param missions the ids of the owner's missions, in the portfolio's order
 */
public record OwnerMissions(String owner, List<String> missions) {
    /**
     * Copies the mission ids.
     *
     * @param owner    the owner
     * @param missions the ids of the owner's missions
     */
    public OwnerMissions {
        missions = List.copyOf(missions);
    }

    /**
     * Groups a portfolio's missions by owner.
     *
     * @param portfolio the portfolio
     * @return one entry per owner (missions without an owner left out), owners and missions in the portfolio's order
     */
    public static List<OwnerMissions> of(Portfolio portfolio) {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        for (Mission m : portfolio.missions()) {
            if (m.owner() != null) {
                byOwner.computeIfAbsent(m.owner(), k -> new ArrayList<>()).add(m.id());
            }
        }
        List<OwnerMissions> owners = new ArrayList<>(byOwner.size());
        byOwner.forEach((owner, ids) -> owners.add(new OwnerMissions(owner, ids)));
        return owners;
    }
}
