package org.missionengine.internal;

import java.io.Serializable;
import java.util.List;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;

/**
 * The refusal of a sector network that amplifies, with the loop it names as data: each link's sectors and the
 * positions in {@code Portfolio.spillovers()} of the entries that make it up. Its problem reads as any refusal
 * does ({@code spillovers[k]}); the loop lets a caller that added spillovers of its own to a portfolio (mission-eval's
 * {@code --io-table}) say where those entries came from instead. Not public API: callers outside Mission Engine
 * catch {@link InvalidPortfolioException}.
 */
public final class SpilloverLoopException extends InvalidPortfolioException {
    private static final long serialVersionUID = 1L;

    /** How far it amplifies, e.g. {@code spectral radius 1.0000 >= 1}. */
    private final String radius;
    /** The loop's links in order, the last one leading back to the first one's sector; empty if none was found. */
    private final List<Link> loop;

    /**
     * One link of the loop.
     *
     * @param fromSector the sector value spills from
     * @param toSector   the sector it spills into
     * @param intensity  the link's intensity: its entries summed
     * @param entries    the positions of its entries in the portfolio's spillovers, strongest first (of equals, the one written later first)
     */
    public record Link(String fromSector, String toSector, double intensity, List<Integer> entries)
            implements Serializable {
        public Link {
            entries = List.copyOf(entries);
        }
    }

    public SpilloverLoopException(Problem problem, String radius, List<Link> loop) {
        super(List.of(problem));
        this.radius = radius;
        this.loop = List.copyOf(loop);
    }

    public String radius() {
        return radius;
    }

    public List<Link> loop() {
        return loop;
    }

    /** The same refusal (and loop), attributed to {@code fileName} unless it names a file already. */
    @Override
    public SpilloverLoopException inFile(String fileName) {
        Problem problem = problems().get(0);
        return new SpilloverLoopException(problem.file() == null ? problem.inFile(fileName) : problem, radius, loop);
    }
}
