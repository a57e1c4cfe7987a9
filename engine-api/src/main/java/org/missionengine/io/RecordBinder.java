package org.missionengine.io;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.InvalidFieldException;

/**
 * Binds trees to the model records, collecting problems. A record refusing a value stops Jackson at the first
 * problem; to report more in one pass, the offending field is removed and binding runs again, until it succeeds, a
 * problem cannot be taken out this way, or {@link #MAX_PROBLEMS} are found. Problems about a value already reported
 * (or about the object that holds it) are not repeated. Once data has been taken out (a list under an unknown or a
 * mistyped field), the cross-reference problems are left out: they would report references to what was removed.
 * One binder serves one file: the whole tree at once, or its records one by one, each at its path in the file.
 */
final class RecordBinder {
    /** Problems collected from one file before giving up. */
    static final int MAX_PROBLEMS = 20;

    private final ObjectReader reader;
    private final List<Problem> problems;
    private final boolean retry;
    private boolean lossy;
    private boolean allBound = true;

    /**
     * @param reader   binds the trees (a {@linkplain SharedStrings#sharing sharing} one pools the file's texts)
     * @param problems the file's problems so far (shape problems), added to in document order
     * @param retry    whether to remove an offending field and bind again (each retry is another pass)
     * @param lossy    whether data was already taken out of the file's tree
     */
    RecordBinder(ObjectReader reader, List<Problem> problems, boolean retry, boolean lossy) {
        this.reader = reader;
        this.problems = problems;
        this.retry = retry;
        this.lossy = lossy;
    }

    /** Records that data was taken out of the file (an unknown field that held something). */
    void dataRemoved(boolean removed) {
        lossy |= removed;
    }

    boolean full() {
        return problems.size() >= MAX_PROBLEMS;
    }

    /** False once a tree could not be bound: a record is missing, so the portfolio cannot be built. */
    boolean allBound() {
        return allBound;
    }

    /**
     * Binds {@code tree}, which stands at {@code path} in the file ({@code $} for the whole file), to {@code type};
     * null when a problem stopped it (or the value is null). A value is returned even when fields were removed to bind
     * it: the caller knows from the problems that the file is refused.
     */
    <T> T bind(JsonNode tree, JavaType type, String path) {
        while (!full()) {
            try {
                // over a parser left open: a message says what the value found was, which the parser still knows
                return reader.forType(type).readValue(reader.treeAsTokens(tree));
            } catch (IOException | IllegalArgumentException e) {
                List<Problem> found = JsonProblems.binding(e);
                if (found.size() != 1 || JsonProblems.isCrossReference(e)) {
                    crossReference(found.stream().map(p -> at(path, p)).toList());
                    break;
                }
                String relative = found.get(0).location();
                Problem problem = at(path, found.get(0));
                if (alreadyCovered(problem)) {
                    break;
                }
                problems.add(problem);
                JsonNode removed = retry ? removeField(tree, relative) : null;
                if (removed == null) {
                    break;
                }
                lossy |= removed.isContainerNode() && !removed.isEmpty();
            }
        }
        allBound = false;
        return null;
    }

    /**
     * Builds the portfolio from records already bound, collecting what its constructor refuses (the cross-reference
     * checks, a null entry in a list) as binding the whole tree would; null when it refused.
     */
    <T> T construct(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidPortfolioException e) {
            crossReference(e.problems());
        } catch (InvalidFieldException f) {
            Problem problem = Problem.at(JsonProblems.join("$", f.field()), f.detail(), f.hint());
            if (!alreadyCovered(problem)) {
                problems.add(problem);
            }
        }
        return null;
    }

    /** The portfolio's own checks ran: every record was built, and these are all that is left. */
    private void crossReference(List<Problem> found) {
        if (!lossy || problems.isEmpty()) {
            found.stream().filter(p -> !alreadyCovered(p)).forEach(problems::add);
        }
    }

    /** A problem of the tree at {@code path}, located in the file. */
    private static Problem at(String path, Problem problem) {
        if (path.equals("$")) {
            return problem;
        }
        String location = problem.location();
        String full = location == null || location.equals("$") ? path : JsonProblems.join(path, location);
        return new Problem(problem.file(), full, problem.message(), problem.hint());
    }

    /** True when an earlier problem is about the same value, one that holds it, or explains it (a misspelt field). */
    private boolean alreadyCovered(Problem problem) {
        String at = problem.location() == null ? "$" : problem.location();
        for (Problem p : problems) {
            String other = p.location() == null ? "$" : p.location();
            if (PortfolioShape.related(at, other)) {
                return true;
            }
            boolean misspelt = p.message().startsWith("unknown field");
            if (misspelt && (parent(other).equals(at) || parent(other).equals(parent(at))
                    && problem.message().equals("is missing"))) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "$" : path.substring(0, cut);
    }

    /** Removes the field a path such as {@code missions[0].projects[1].publicFunding} names; null if it cannot. */
    private static JsonNode removeField(JsonNode tree, String path) {
        if (path == null || path.equals("$") || path.endsWith("]")) {
            return null;
        }
        int cut = path.lastIndexOf('.');
        String field = path.substring(cut + 1);
        JsonNode parent = cut < 0 ? tree : navigate(tree, path.substring(0, cut));
        if (parent instanceof ObjectNode object && object.has(field)) {
            return object.remove(field);
        }
        return null;
    }

    private static JsonNode navigate(JsonNode node, String path) {
        for (String segment : path.split("\\.|(?=\\[)")) {
            if (node == null || segment.isEmpty()) {
                return null;
            }
            if (segment.startsWith("[")) {
                node = node.get(Integer.parseInt(segment.substring(1, segment.length() - 1)));
            } else {
                node = node.get(segment);
            }
        }
        return node;
    }
}
