package org.missionengine.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.missionengine.model.Mission;
import org.missionengine.model.Project;

/**
 * The solution paths of a mission's projects and how public money is spread over them, for the bottom-up check:
 * {@code $s : SolutionPaths( ... ) from SolutionPaths.of( $m )}. The largest path's share is known only when every
 * project records its public funding.
 *
 * @param projects     the mission's listed projects
 * @param paths        the distinct solution paths recorded, sorted
 * @param largestPath  the path holding the most public funding (null when some funding is not recorded)
 * @param largestShare that path's share of the recorded public funding (0 when none is recorded)
 */
public record SolutionPaths(int projects, Set<String> paths, String largestPath, double largestShare) {
    /**
     * Copies the paths.
     *
     * @param projects     the number of listed projects
     * @param paths        the distinct solution paths
     * @param largestPath  the path with the most public funding, or null
     * @param largestShare its share of the recorded public funding
     */
    public SolutionPaths {
        paths = Set.copyOf(paths);
    }

    /**
     * The solution paths of a mission's projects.
     *
     * @param mission the mission
     * @return its paths and how public money is spread over them; ties for the largest go to the first path by name
     */
    public static SolutionPaths of(Mission mission) {
        Set<String> paths = new TreeSet<>();
        Map<String, Double> held = new HashMap<>();
        double total = 0;
        for (Project p : mission.projects()) {
            if (p.solution() != null) {
                paths.add(p.solution());
            }
            if (p.publicFunding() != null) {
                total += p.publicFunding();
                if (p.solution() != null) {
                    held.merge(p.solution(), p.publicFunding(), Double::sum);
                }
            }
        }
        boolean allRecorded = mission.projects().stream().allMatch(Project::fundingRecorded);
        String largest = null;
        double most = 0;
        for (String path : paths) { // sorted: ties go to the first path by name, the same on every run
            double amount = held.getOrDefault(path, 0.0);
            if (amount > most) {
                largest = path;
                most = amount;
            }
        }
        // a share of money is known only when every amount is: unrecorded funding could go to any path
        return new SolutionPaths(mission.projects().size(), new TreeSet<>(paths), allRecorded ? largest : null,
                allRecorded && total > 0 ? most / total : 0);
    }
}
