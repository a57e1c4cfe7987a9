package org.missionengine;

import java.util.List;

/** A portfolio that cannot be evaluated as given: bad file, bad field, bad reference. */
public class InvalidPortfolioException extends UserErrorException {
    /**
     * A refusal of a portfolio, listing every problem found.
     *
     * @param problems every problem found, at least one
     */
    public InvalidPortfolioException(List<Problem> problems) {
        super(problems);
    }

    @Override
    public InvalidPortfolioException inFile(String fileName) {
        return new InvalidPortfolioException(problems().stream().map(p -> p.file() == null ? p.inFile(fileName) : p).toList());
    }
}
