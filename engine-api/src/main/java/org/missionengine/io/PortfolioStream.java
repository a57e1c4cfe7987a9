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
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
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
 * element of a top-level list (a mission with its projects, an observation, ...) is bound to its record straight from
 * the parser. Memory grows with the records, not with a tree of the whole file (about 15 times its size). Problems are
 * collected as the tree reader collects them, each at its full JSON path; a syntax error stops the reading and is
 * reported alone, as the tree reader reports it.
 * <p>
 * Binding from the parser stops at a record's first mistake, and some mistakes it would not see (a missing value
 * that Jackson defaults to 0): its reader refuses every record whose shape check would find something, and a record
 * it refuses is read again from its first byte as a small tree, whose shape is checked and which is bound the careful
 * way ({@link RecordBinder}), to report all its problems. Files whose parser counts no bytes (YAML, UTF-16) are read
 * the careful way throughout. Reading the trees of every record took twice as long as binding from the parser.
 */
final class PortfolioStream {
    /** Opens the file's content, without a byte-order mark; a YAML file is opened twice (aliases are refused first). */
    interface Source {
        InputStream open() throws IOException;
    }

    private static final Map<String, RecordComponent> FIELDS = PortfolioShape.components(Portfolio.class);

    private final String fileName;
    private final Source source;
    /** Whether repeated keys are looked for by {@link DuplicateKeys} (a core to spare) or by the parser itself. */
    private final boolean keysOnASecondThread;
    private final ObjectMapper mapper;
    /** Reads the one value the parser stands at and leaves the parser there, for the next element. */
    private final ObjectReader oneValue;
    /** Binds a record straight from the parser, refusing what the shape check would report; null for YAML. */
    private final ObjectReader direct;
    private final List<Problem> problems = new ArrayList<>();
    private final RecordBinder binder;
    /** The top-level values bound so far, by component name. */
    private final Map<String, Object> values = new HashMap<>();

    private PortfolioStream(Source source, String fileName, boolean keysOnASecondThread) {
        this.source = source;
        this.keysOnASecondThread = keysOnASecondThread;
        this.fileName = fileName;
        this.mapper = Json.forFile(fileName);
        this.oneValue = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        ObjectReader sharing = SharedStrings.sharing(mapper.reader());
        // one record at a time: retrying one costs next to nothing, whatever the size of the file
        this.binder = new RecordBinder(sharing, problems, true, false);
        // the same table of texts: the records read either way share them
        this.direct = Json.isYaml(fileName) ? null : Json.REQUIRING.reader()
                .with(sharing.getAttributes())
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads the portfolio, or throws {@link InvalidPortfolioException} with its problems, in the file; an
     * {@link IOException} only when the source cannot be opened. With {@code keysOnASecondThread}, repeated keys are
     * looked for on a thread of their own, which saves time only where a core is free: the same problems either way.
     */
    static Portfolio read(Source source, String fileName, boolean keysOnASecondThread) throws IOException {
        PortfolioStream stream = new PortfolioStream(source, fileName, keysOnASecondThread);
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
            // a byte-counting parser (UTF-8 JSON) leaves repeated keys to a second thread, which says where they are
            DuplicateKeys duplicates = keysOnASecondThread && direct != null
                    && parser.currentLocation().getByteOffset() >= 0
                    ? DuplicateKeys.start(source, mapper, fileName) : null;
            if (duplicates != null) {
                parser.disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            }
            try {
                Portfolio portfolio = portfolio(parser);
                refuseRepeatedKey(duplicates, Long.MAX_VALUE);
                return portfolio;
            } catch (JsonProcessingException e) {
                long at = e.getLocation() != null && e.getLocation().getByteOffset() >= 0
                        ? e.getLocation().getByteOffset() : parser.currentLocation().getByteOffset();
                refuseRepeatedKey(duplicates, at);
                // located while the parser is open: it knows where it stood when a reading limit stopped it
                throw refused(JsonProblems.syntax(e, fileName, parser));
            } catch (InvalidPortfolioException e) {
                refuseRepeatedKey(duplicates, parser.currentLocation().getByteOffset());
                throw e;
            } finally {
                if (duplicates != null) {
                    duplicates.cancel();
                }
            }
        } catch (JsonProcessingException e) {
            throw refused(JsonProblems.syntax(e, fileName));
        } catch (IOException e) {
            throw refused(PortfolioFiles.unreadable(fileName, e));
        }
    }

    private Portfolio portfolio(JsonParser parser) throws IOException {
        try {
            return readPortfolio(parser);
        } catch (JsonProcessingException e) {
            // enough problems among the records before the mistake are reported instead, as the tree reader would
            // have stopped there
            if (binder.full()) {
                throw refused();
            }
            throw e;
        }
    }

    private Portfolio readPortfolio(JsonParser parser) throws IOException {
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
        while (!binder.full() && parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            RecordComponent component = FIELDS.get(name);
            if (name.equals("format")) {
                Problem wrong = PortfolioFiles.formatProblem(oneValue.readTree(parser), fileName);
                if (wrong != null) {
                    // not a portfolio: the rest of the file would only list differences
                    throw binder.full() ? refused() : refused(wrong);
                }
                hasFormat = true;
            } else if (component != null) {
                field(parser, component);
            } else {
                problems.add(PortfolioShape.unknownField(name, name, FIELDS.keySet()));
                binder.dataRemoved(skipValue(parser));
            }
        }
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

    /**
     * Throws the problem of a key repeated before byte {@code stoppedAt}, where reading stopped: reading with the
     * parser's own check would have stopped there first, and reported it alone.
     */
    private void refuseRepeatedKey(DuplicateKeys duplicates, long stoppedAt) {
        Problem repeated = duplicates == null ? null : duplicates.before(stoppedAt);
        if (repeated != null) {
            throw refused(repeated);
        }
    }

    /** Reads one top-level field: a list element by element, anything else (a date, the parameters) at once. */
    private void field(JsonParser parser, RecordComponent component) throws IOException {
        String name = component.getName();
        if (parser.currentToken() == JsonToken.START_ARRAY && component.getGenericType() instanceof ParameterizedType list
                && list.getRawType() == List.class) {
            Type elementType = list.getActualTypeArguments()[0];
            JavaType elementJavaType = mapper.constructType(elementType);
            ObjectReader elementReader = direct == null ? null : direct.forType(elementJavaType);
            JsonStreamContext inList = parser.getParsingContext();
            List<Object> elements = new ArrayList<>();
            for (int i = 0; !binder.full() && parser.nextToken() != JsonToken.END_ARRAY; i++) {
                Object element = element(parser, inList, elementReader, elementType, elementJavaType, name, i);
                elements.add(element);
            }
            values.put(name, elements);
        } else {
            Type type = component.getGenericType();
            values.put(name, bind(oneValue.readTree(parser), type, mapper.constructType(type), name));
        }
    }

    /**
     * Reads the element of a top-level list the parser stands at, leaving the parser on its last token: bound straight
     * from the parser, or, when that is refused, read again from its first byte and bound the careful way.
     */
    private Object element(JsonParser parser, JsonStreamContext inList, ObjectReader elementReader, Type type,
                           JavaType javaType, String listName, int index) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        if (elementReader == null || start < 0) {
            return bind(oneValue.readTree(parser), type, javaType, listName + "[" + index + "]");
        }
        try {
            return elementReader.readValue(parser);
        } catch (DatabindException refused) {
            JsonProcessingException syntax = syntaxError(refused);
            if (syntax != null) {
                throw syntax; // as reading the tree would have met it
            }
        }
        // the rest of the element, which may hold a syntax error: reported as reading the tree would report it
        while (parser.getParsingContext() != inList && parser.nextToken() != null) {
            // skipped: the element is read again from its start
        }
        return bind(treeAt(start), type, javaType, listName + "[" + index + "]");
    }

    /** The one value that starts at byte {@code start} of the file, read again as a tree. */
    private JsonNode treeAt(long start) throws IOException {
        try (InputStream in = source.open()) {
            in.skipNBytes(start);
            try (JsonParser parser = mapper.createParser(in)) {
                // a repeated key in it is reported by the file's DuplicateKeys, located in the file
                parser.disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                return oneValue.readTree(parser);
            }
        }
    }

    /** The syntax error or reading limit behind a binding failure, if that is what it was. */
    static JsonProcessingException syntaxError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException) {
                return (JsonProcessingException) t;
            }
        }
        return null;
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
