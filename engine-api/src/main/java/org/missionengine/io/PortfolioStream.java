package org.missionengine.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.Portfolio;

/**
 * Reads a portfolio file record by record: the top-level object is walked with the streaming parser, and each
 * element of a top-level list (a mission with its projects, an observation, ...) is read as a small tree, its shape
 * checked, bound to its record, and dropped. Memory grows with the records, not with a tree of the whole file (about
 * 15 times its size). Problems are collected as the tree reader collects them, each at its full JSON path; a syntax
 * error stops the reading and is reported alone, as the tree reader reports it.
 * <p>
 * Parsing and binding overlap: this thread parses each record into its tree and an {@link InOrderWorker} checks and
 * binds the trees in document order, so the problems found are those of doing both on one thread.
 */
final class PortfolioStream {
    /** Opens the file's content, without a byte-order mark; a YAML file is opened twice (aliases are refused first). */
    interface Source {
        InputStream open() throws IOException;
    }

    private static final Map<String, RecordComponent> FIELDS = PortfolioShape.components(Portfolio.class);

    private final String fileName;
    private final ObjectMapper mapper;
    /** Reads the one value the parser stands at and leaves the parser there, for the next element. */
    private final ObjectReader oneValue;
    private final List<Problem> problems = new ArrayList<>();
    private final RecordBinder binder;
    /** The top-level values bound so far, by component name. */
    private final Map<String, Object> values = new HashMap<>();

    private PortfolioStream(String fileName) {
        this.fileName = fileName;
        this.mapper = Json.forFile(fileName);
        this.oneValue = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // one record at a time: retrying one costs next to nothing, whatever the size of the file
        this.binder = new RecordBinder(SharedStrings.sharing(mapper.reader()), problems, true, false);
    }

    /**
     * Reads the portfolio, or throws {@link InvalidPortfolioException} with its problems, in the file; an
     * {@link IOException} only when the source cannot be opened.
     */
    static Portfolio read(Source source, String fileName) throws IOException {
        PortfolioStream stream = new PortfolioStream(fileName);
        if (Json.isYaml(fileName)) {
            try (InputStream in = source.open()) {
                stream.refuseYamlAliases(in);
            }
        }
        try (InputStream in = source.open()) {
            return stream.read(in);
        }
    }

    private void refuseYamlAliases(InputStream in) {
        try {
            PortfolioFiles.refuseYamlAliases(Json.YAML.getFactory().createParser(in), fileName);
        } catch (JsonProcessingException e) {
            throw refused(JsonProblems.syntax(e, fileName));
        } catch (IOException e) {
            throw refused(PortfolioFiles.unreadable(fileName, e));
        }
    }

    private Portfolio read(InputStream in) {
        try (JsonParser parser = mapper.createParser(in)) {
            try {
                return portfolio(parser);
            } catch (JsonProcessingException e) {
                // located while the parser is open: it knows where it stood when a reading limit stopped it
                throw refused(JsonProblems.syntax(e, fileName, parser));
            }
        } catch (JsonProcessingException e) {
            throw refused(JsonProblems.syntax(e, fileName));
        } catch (IOException e) {
            throw refused(PortfolioFiles.unreadable(fileName, e));
        }
    }

    private Portfolio portfolio(JsonParser parser) throws IOException {
        try (InOrderWorker worker = new InOrderWorker("mission-engine-portfolio-binder", binder::full)) {
            try {
                return portfolio(parser, worker);
            } catch (JsonProcessingException e) {
                // the records before the mistake are bound first: enough problems among them are reported instead,
                // as reading on one thread would have stopped there
                worker.finish();
                if (binder.full()) {
                    throw refused();
                }
                throw e;
            }
        }
    }

    private Portfolio portfolio(JsonParser parser, InOrderWorker worker) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw refused(PortfolioFiles.empty(fileName));
        }
        if (token != JsonToken.START_OBJECT) {
            // a list is not read: it may be the size of the file
            throw refused(PortfolioFiles.notAnObject(fileName, token == JsonToken.START_ARRAY ? "a list"
                    : PortfolioFiles.kind(oneValue.readTree(parser))));
        }
        boolean hasFormat = false;
        while (!worker.stopped() && parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            RecordComponent component = FIELDS.get(name);
            if (name.equals("format")) {
                Problem wrong = PortfolioFiles.formatProblem(oneValue.readTree(parser), fileName);
                if (wrong != null) {
                    worker.finish();
                    // not a portfolio: the rest of the file would only list differences
                    throw binder.full() ? refused() : refused(wrong);
                }
                hasFormat = true;
            } else if (component != null) {
                field(parser, component, worker);
            } else {
                Problem unknown = PortfolioShape.unknownField(name, name, FIELDS.keySet());
                worker.run(() -> problems.add(unknown));
                boolean held = skipValue(parser);
                worker.run(() -> binder.dataRemoved(held));
            }
        }
        worker.finish();
        if (binder.full()) {
            throw refused(); // enough to fix: the rest of the file is not read
        }
        if (parser.nextToken() != null) {
            throw refused(JsonProblems.syntax(MismatchedInputException.from(parser, Portfolio.class,
                    "Trailing token (of type " + parser.currentToken() + ") found after value"), fileName, parser));
        }
        if (!hasFormat) {
            throw refused(PortfolioFiles.formatProblem(null, fileName));
        }
        // with a record missing, references to it would be reported wrongly: the portfolio is not built
        Portfolio portfolio = !binder.allBound() ? null : binder.construct(() -> new Portfolio(value("asOf"),
                value("currency"), value("metrics"), value("actors"), value("missions"), value("observations"),
                value("spillovers"), value("parameters"), value("sources")));
        if (!problems.isEmpty()) {
            throw refused();
        }
        return portfolio;
    }

    /** Reads one top-level field: a list element by element, anything else (a date, the parameters) at once. */
    private void field(JsonParser parser, RecordComponent component, InOrderWorker worker) throws IOException {
        String name = component.getName();
        if (parser.currentToken() == JsonToken.START_ARRAY && component.getGenericType() instanceof ParameterizedType list
                && list.getRawType() == List.class) {
            Type elementType = list.getActualTypeArguments()[0];
            JavaType elementJavaType = mapper.constructType(elementType);
            List<Object> elements = new ArrayList<>();
            for (int i = 0; !worker.stopped() && parser.nextToken() != JsonToken.END_ARRAY; i++) {
                JsonNode tree = oneValue.readTree(parser);
                String path = name + "[" + i + "]";
                worker.run(() -> elements.add(bind(tree, elementType, elementJavaType, path)));
            }
            worker.run(() -> values.put(name, elements));
        } else {
            Type type = component.getGenericType();
            JsonNode tree = oneValue.readTree(parser);
            JavaType javaType = mapper.constructType(type);
            worker.run(() -> values.put(name, bind(tree, type, javaType, name)));
        }
    }

    /** Checks the shape of a value read as a small tree and binds it; the tree is dropped. */
    private Object bind(JsonNode tree, Type type, JavaType javaType, String path) {
        PortfolioShape shape = PortfolioShape.check(tree, type, path);
        problems.addAll(shape.problems());
        binder.dataRemoved(shape.removedData());
        return binder.bind(tree, javaType, path);
    }

    @SuppressWarnings("unchecked")
    private <T> T value(String component) {
        return (T) values.get(component);
    }

    /** Skips the value the parser stands at; true when it held something (an object or list that is not empty). */
    private static boolean skipValue(JsonParser parser) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            return false;
        }
        boolean holds = false;
        for (int depth = 1; depth > 0; ) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return holds;
            }
            if (token.isStructEnd()) {
                depth--;
            } else {
                holds = true;
                depth += token.isStructStart() ? 1 : 0;
            }
        }
        return holds;
    }

    private InvalidPortfolioException refused(Problem problem) {
        return new InvalidPortfolioException(List.of(problem));
    }

    private InvalidPortfolioException refused() {
        return new InvalidPortfolioException(problems).inFile(fileName);
    }
}
