package org.missionengine.drools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.missionengine.Problem;
import org.missionengine.internal.SpilloverLoopException;
import org.missionengine.model.Spillover;

/**
 * The refusal of a sector network that amplifies (spectral radius 1 or more): the radius for the message, and the
 * strongest loop, located at the largest entry of the loop's strongest link (parallel entries add up to a link; of
 * links equally strong, the one written last, which closed the loop), where a fix starts. The exception also carries
 * the loop as data, each link with its entries, for a caller that added spillovers of its own and names them itself. Runs only once a network has been found to amplify; everything here
 * ends in a bounded number of steps.
 */
final class AmplifyingNetwork {
    /** Multiply-adds the radius estimate may spend, so that a large refused network still fails in a second or so. */
    static final long RADIUS_WORK = 1_000_000_000L;

    private AmplifyingNetwork() {
    }

    /**
     * @param matrix     S, summed over parallel entries
     * @param index      the sectors' indexes in S
     * @param spillovers all the portfolio's spillovers, whose positions locate the problem
     */
    static SpilloverLoopException refusal(double[][] matrix, Map<String, Integer> index,
                                          List<Spillover> spillovers) {
        List<String> names = new ArrayList<>(index.keySet());
        int[] component = components(matrix);
        double[] radius = {0, 0};
        boolean[] amplifying = new boolean[matrix.length];
        List<int[]> cyclic = cyclicComponents(matrix, component);
        for (int[] members : cyclic) {
            double[] bounds = radiusBounds(matrix, members, RADIUS_WORK / cyclic.size());
            radius[0] = Math.max(radius[0], bounds[0]);
            radius[1] = Math.max(radius[1], bounds[1]);
            if (bounds[1] >= 1) {
                for (int m : members) {
                    amplifying[m] = true;
                }
            }
        }
        if (!contains(amplifying)) { // within rounding of 1: every loop is a candidate
            for (int[] members : cyclic) {
                for (int m : members) {
                    amplifying[m] = true;
                }
            }
        }
        Loop loop = strongestLoop(matrix, names, component, amplifying);
        // the entries of each link of the loop, in one pass over the spillovers
        int n = matrix.length;
        Map<Long, List<Integer>> entriesOf = new HashMap<>();
        List<Integer> sectors = loop.sectors();
        for (int k = 0; k < sectors.size(); k++) {
            entriesOf.put((long) sectors.get(k) * n + sectors.get((k + 1) % sectors.size()), new ArrayList<>());
        }
        for (int k = 0; k < spillovers.size(); k++) {
            Spillover s = spillovers.get(k);
            if (s.fromSector() != null) {
                List<Integer> entries = entriesOf.get((long) index.get(s.fromSector()) * n + index.get(s.toSector()));
                if (entries != null) {
                    entries.add(k);
                }
            }
        }
        List<SpilloverLoopException.Link> links = new ArrayList<>();
        for (int k = 0; k < sectors.size(); k++) {
            int from = sectors.get(k);
            int to = sectors.get((k + 1) % sectors.size());
            List<Integer> entries = entriesOf.get((long) from * n + to);
            // strongest first; of equals, the one written later first (it closed the loop)
            entries.sort((a, b) -> spillovers.get(b).intensity() != spillovers.get(a).intensity()
                    ? Double.compare(spillovers.get(b).intensity(), spillovers.get(a).intensity()) : Integer.compare(b, a));
            links.add(new SpilloverLoopException.Link(names.get(from), names.get(to), matrix[from][to], entries));
        }
        int[] link = closingStrongestLink(loop, matrix, entriesOf);
        List<String> entries = link == null ? List.of() : entriesOf.get((long) link[0] * n + link[1])
                .stream().map(k -> "spillovers[" + k + "]").toList();
        String location = entries.isEmpty() ? "spillovers" : entries.get(0);
        String strongest = entries.isEmpty() ? "" : ", starting with its strongest link, " + names.get(link[0])
                + " -> " + names.get(link[1]) + " (" + String.join(" + ", entries) + ")";
        String amplifies = describe(radius);
        return new SpilloverLoopException(Problem.at(location,
                "the sector spillovers amplify without bound (" + amplifies + "); strongest loop: " + loop.text(),
                "Lower the intensities in that loop" + strongest
                        + ": value that spills over must shrink as it travels."), amplifies, links);
    }

    /**
     * The loop's strongest link (from, to), or null for no loop; of links equally strong, the one written last in the
     * file, which is the entry that closed the loop (A -> B 1.0, then B -> A 1.0: the second).
     */
    private static int[] closingStrongestLink(Loop loop, double[][] matrix, Map<Long, List<Integer>> entriesOf) {
        if (loop.from() < 0) {
            return null;
        }
        int n = matrix.length;
        double strongest = matrix[loop.from()][loop.to()];
        int[] chosen = {loop.from(), loop.to()};
        int chosenLast = -1;
        List<Integer> sectors = loop.sectors();
        for (int k = 0; k < sectors.size(); k++) {
            int from = sectors.get(k);
            int to = sectors.get((k + 1) % sectors.size());
            if (matrix[from][to] == strongest) {
                int last = entriesOf.get((long) from * n + to).stream().mapToInt(Integer::intValue).max().orElse(-1);
                if (last > chosenLast) {
                    chosenLast = last;
                    chosen = new int[] {from, to};
                }
            }
        }
        return chosen;
    }

    /** The radius to four decimals when the bounds are that close, else only that it is 1 or more. */
    private static String describe(double[] bounds) {
        if (bounds[1] - bounds[0] < 5e-5) {
            return String.format(Locale.ROOT, "spectral radius %.4f >= 1", Math.max(1, (bounds[0] + bounds[1]) / 2));
        }
        return "spectral radius >= 1";
    }

    private static boolean contains(boolean[] flags) {
        for (boolean flag : flags) {
            if (flag) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower and upper bounds on the spectral radius of S restricted to one strongly connected component, from power
     * iteration on I + S (primitive there, so it converges) and the Collatz–Wielandt bounds min and max of
     * ((I + S)x)_i / x_i − 1, which hold at every step. Stops when they agree to 1e-9 or the work (multiply-adds) is
     * spent.
     */
    static double[] radiusBounds(double[][] matrix, int[] members, long work) {
        int m = members.length;
        double[] x = new double[m];
        Arrays.fill(x, 1);
        double lower = 0;
        double upper = Double.POSITIVE_INFINITY;
        for (long step = 0; step < Math.max(2, work / ((long) m * m)); step++) {
            double[] next = new double[m];
            double largest = 0;
            double low = Double.POSITIVE_INFINITY;
            double high = 0;
            for (int a = 0; a < m; a++) {
                double[] row = matrix[members[a]];
                double sum = x[a];
                for (int b = 0; b < m; b++) {
                    sum += row[members[b]] * x[b];
                }
                next[a] = sum;
                largest = Math.max(largest, sum);
                low = Math.min(low, sum / x[a]);
                high = Math.max(high, sum / x[a]);
            }
            lower = Math.max(lower, low - 1);
            upper = Math.min(upper, high - 1);
            if (upper - lower <= 1e-9) {
                break;
            }
            for (int a = 0; a < m; a++) {
                x[a] = next[a] / largest;
            }
        }
        return new double[] {lower, upper};
    }

    /** The strongly connected components of the network's graph (Tarjan's algorithm without recursion), by sector. */
    static int[] components(double[][] matrix) {
        int n = matrix.length;
        int[] component = new int[n];
        int[] order = new int[n];
        int[] low = new int[n];
        int[] nextNeighbour = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int[] callStack = new int[n];
        Arrays.fill(order, -1);
        int counter = 0;
        int components = 0;
        int top = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int calls = 0;
            callStack[calls++] = root;
            order[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (calls > 0) {
                int v = callStack[calls - 1];
                int w = nextNeighbour[v];
                while (w < n && !(matrix[v][w] > 0)) {
                    w++;
                }
                nextNeighbour[v] = w + 1;
                if (w < n) {
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        callStack[calls++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                calls--;
                if (calls > 0) {
                    int parent = callStack[calls - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == order[v]) {
                    int u;
                    do {
                        u = stack[--top];
                        onStack[u] = false;
                        component[u] = components;
                    } while (u != v);
                    components++;
                }
            }
        }
        return component;
    }

    /** The components that hold a loop (more than one sector, or a sector spilling into itself), each's sectors. */
    private static List<int[]> cyclicComponents(double[][] matrix, int[] component) {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < component.length; i++) {
            members.computeIfAbsent(component[i], c -> new ArrayList<>()).add(i);
        }
        List<int[]> cyclic = new ArrayList<>();
        members.values().stream().sorted((a, b) -> Integer.compare(a.get(0), b.get(0))).forEach(list -> {
            if (list.size() > 1 || matrix[list.get(0)][list.get(0)] > 0) {
                cyclic.add(list.stream().mapToInt(Integer::intValue).toArray());
            }
        });
        return cyclic;
    }

    /**
     * A loop of the sector network as text, its sectors in order, and its strongest link (from, to; -1 when no loop
     * was found).
     */
    record Loop(String text, List<Integer> sectors, int from, int to) {
    }

    /**
     * From each amplifying sector, follows its strongest spillover within its component until a sector repeats; the
     * loop of highest mean gain (the first found of equals). Each sector has one strongest spillover, so a walk that
     * reaches a sector an earlier walk passed would only find that walk's loop again: every walk stops there, and
     * the whole search takes one pass over the matrix.
     */
    static Loop strongestLoop(double[][] matrix, List<String> names, int[] component, boolean[] amplifying) {
        int n = matrix.length;
        int[] strongest = new int[n];
        for (int v = 0; v < n; v++) {
            strongest[v] = -1;
            for (int j = 0; j < n; j++) {
                if (component[j] == component[v] && matrix[v][j] > 0
                        && (strongest[v] < 0 || matrix[v][j] > matrix[v][strongest[v]])) {
                    strongest[v] = j;
                }
            }
        }
        Loop best = new Loop("(none found)", List.of(), -1, -1);
        double bestGain = -1;
        boolean[] walked = new boolean[n];
        for (int start = 0; start < n; start++) {
            if (!amplifying[start] || walked[start]) {
                continue;
            }
            Map<Integer, Integer> seenAt = new HashMap<>();
            List<Integer> path = new ArrayList<>();
            int node = start;
            while (node >= 0 && !seenAt.containsKey(node) && !walked[node]) {
                seenAt.put(node, path.size());
                path.add(node);
                node = strongest[node];
            }
            path.forEach(v -> walked[v] = true);
            if (node < 0 || !seenAt.containsKey(node)) {
                continue;
            }
            List<Integer> loop = path.subList(seenAt.get(node), path.size());
            double product = 1;
            int strongestLink = 0;
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < loop.size(); k++) {
                int from = loop.get(k);
                int to = loop.get((k + 1) % loop.size());
                product *= matrix[from][to];
                if (matrix[from][to] > matrix[loop.get(strongestLink)][loop.get((strongestLink + 1) % loop.size())]) {
                    strongestLink = k;
                }
                text.append(names.get(from)).append(" -(").append(matrix[from][to]).append(")-> ");
            }
            text.append(names.get(loop.get(0)));
            double gain = Math.pow(product, 1.0 / loop.size());
            if (gain > bestGain) {
                bestGain = gain;
                best = new Loop(text.toString(), List.copyOf(loop), loop.get(strongestLink),
                        loop.get((strongestLink + 1) % loop.size()));
            }
        }
        return best;
    }
}
