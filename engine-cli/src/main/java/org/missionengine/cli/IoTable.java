package org.missionengine.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.MissionEngine;
import org.missionengine.Problem;
import org.missionengine.UserErrorException;
import org.missionengine.internal.SpilloverLoopException;
import org.missionengine.io.InputOutputTable;
import org.missionengine.model.Portfolio;
import org.missionengine.model.Spillover;

/**
 * The input-output table of {@code --io-table} (evaluate, validate): read once, its coefficients added to each
 * portfolio as DEMAND spillovers after the portfolio's own. The engine refuses a sector network that amplifies at
 * an entry of {@code spillovers}; entries that came from the table are not in the portfolio file, so such a refusal
 * is told again here at the table's cells (row and column codes).
 */
final class IoTable {
    private final Path file;
    private final InputOutputTable table;
    private final List<Spillover> spillovers;

    private IoTable(Path file, InputOutputTable table) {
        this.file = file;
        this.table = table;
        this.spillovers = table.asSpillovers(Map.of());
    }

    /**
     * Reads the table.
     *
     * @throws UserErrorException with its problems in {@code file}
     */
    static IoTable read(Path file) {
        try {
            return new IoTable(file, InputOutputTable.read(file));
        } catch (UserErrorException e) {
            throw e.inFile(file.toString());
        }
    }

    Path file() {
        return file;
    }

    int industries() {
        return table.sectors().size();
    }

    /** The portfolio with the table's spillovers after its own. */
    Portfolio addTo(Portfolio portfolio) {
        return portfolio.withSpillovers(spillovers);
    }

    /**
     * Checks that the table's coefficients alone do not amplify (the engine's test, on a portfolio of nothing else),
     * so that a loop of the table is told once, at its cells, before any portfolio is evaluated with it.
     *
     * @throws UserErrorException located in the table
     */
    void checkLoops(MissionEngine engine) {
        Portfolio alone = addTo(Portfolio.builder().build());
        try {
            engine.evaluate(alone, LocalDate.now());
        } catch (UserErrorException e) {
            throw located(e, alone, file.toString());
        }
    }

    /**
     * A mistake found while evaluating {@code withTable} (a portfolio the table was {@link #addTo added to}), located:
     * a loop made of table cells only is the table's, at its strongest cell; a loop through some of the portfolio's
     * own spillovers is the portfolio's, at the strongest of them, with the table's cells named beside. Anything else
     * is the portfolio file's, as without a table.
     */
    UserErrorException located(UserErrorException e, Portfolio withTable, String portfolioFile) {
        if (!(e instanceof SpilloverLoopException refusal) || refusal.loop().isEmpty()) {
            return e.inFile(portfolioFile);
        }
        int own = withTable.spillovers().size() - spillovers.size();
        List<String> cells = new ArrayList<>();
        String strongestCell = null;
        double strongestCellIntensity = -1;
        String strongestOwn = null;
        double strongestOwnIntensity = -1;
        for (SpilloverLoopException.Link link : refusal.loop()) {
            for (int k : link.entries()) {
                Spillover s = withTable.spillovers().get(k);
                if (k < own) {
                    if (s.intensity() > strongestOwnIntensity) {
                        strongestOwnIntensity = s.intensity();
                        strongestOwn = "spillovers[" + k + "]";
                    }
                    continue;
                }
                String cell = cell(s);
                cells.add("(" + cell + ") = " + s.intensity());
                if (s.intensity() > strongestCellIntensity) {
                    strongestCellIntensity = s.intensity();
                    strongestCell = cell;
                }
            }
        }
        if (cells.isEmpty()) {
            return e.inFile(portfolioFile);
        }
        StringBuilder loop = new StringBuilder();
        for (SpilloverLoopException.Link link : refusal.loop()) {
            loop.append(link.fromSector()).append(" -(").append(link.intensity()).append(")-> ");
        }
        loop.append(refusal.loop().get(0).fromSector());
        String withoutBound = " without bound (" + refusal.radius() + "): " + loop;
        String balanced = "in a balanced table the coefficients of each column add up to less than 1 (an industry's "
                + "inputs cost less than its output), which keeps every loop of the table below 1";
        if (strongestOwn == null) {
            return new InvalidPortfolioException(List.of(new Problem(file.toString(), strongestCell,
                    "the input-output coefficients close a loop of sector spillovers that amplifies" + withoutBound
                            + "; its cells: " + and(cells),
                    "Correct the table, starting with its strongest cell in the loop, " + strongestCell + ": "
                            + balanced + ".")));
        }
        return new InvalidPortfolioException(List.of(new Problem(portfolioFile, strongestOwn,
                "the sector spillovers, with the coefficients of the input-output table " + file + ", amplify"
                        + withoutBound + "; the table's cells in that loop: " + and(cells),
                "Lower this file's spillovers in that loop, starting with " + strongestOwn + " (or the table's "
                        + "cells): value that spills over must shrink as it travels.")));
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /**
     * The cell a spillover of the table comes from: a_ij (input from industry i per unit of output of industry j)
     * is the spillover from j to i, in column Dj and row TTL_i of the OECD layout ({@link InputOutputTable}).
     */
    private static String cell(Spillover s) {
        return "row TTL_" + s.toSector().substring(1) + ", column " + s.fromSector();
    }
}
