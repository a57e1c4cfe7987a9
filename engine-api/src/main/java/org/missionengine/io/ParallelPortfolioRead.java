package org.missionengine.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import org.missionengine.Problem;
import org.missionengine.model.Portfolio;

/**
 * Reads a big JSON portfolio file on several threads: one pass finds where each element of the top-level lists lies
 * ({@link PortfolioLayout}), then the threads parse and bind runs of elements at once, each straight from the parser
 * as {@link PortfolioStream} binds them, with the parser's check for repeated keys on.
 * <p>
 * This is the way for files without a mistake. At the first sign of one (anything the record-by-record reader's
 * direct binding would refuse, a syntax error, a repeated key, a portfolio that does not hold together) it gives up
 * and returns null, and the caller reads the file record by record, which reports every problem as it always has:
 * the same portfolio, or the same messages, whichever reader runs.
 */
final class ParallelPortfolioRead {
    /**
     * Files smaller than this (bytes; system property {@code missionengine.read.parallelFromBytes}, default 4 MB) are
     * read on one thread: starting threads would cost more than it saves.
     */
    static final long FROM_BYTES = Long.getLong("missionengine.read.parallelFromBytes", 4L << 20);
    /** Runs of elements are about this many bytes, or less so that each thread gets several. */
    private static final int RUN_BYTES = 1 << 20;
    private static final Map<String, RecordComponent> FIELDS = PortfolioShape.components(Portfolio.class);
    private static final Set<String> LISTS = FIELDS.values().stream().filter(ParallelPortfolioRead::isList)
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    private static final byte[] OPEN = "[[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "]]".getBytes(StandardCharsets.US_ASCII);

    private final ByteBuffer content;
    private final String fileName;
    /** Binds trees, as {@link RecordBinder} does for the record-by-record reader; shares texts with {@link #direct}. */
    private final ObjectReader careful;
    /** Binds records straight from the parser, refusing what the shape check would report. */
    private final ObjectReader direct;

    private ParallelPortfolioRead(ByteBuffer content, String fileName) {
        this.content = content;
        this.fileName = fileName;
        // one table of shared texts for every thread
        this.careful = SharedStrings.sharingAcrossThreads(Json.JSON.reader());
        this.direct = Json.REQUIRING.reader()
                .with(careful.getAttributes())
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Whether a JSON file of {@code size} bytes is worth reading on {@code threads} threads. */
    static boolean worthIt(long size, int threads) {
        return threads > 1 && size >= FROM_BYTES && size <= Integer.MAX_VALUE;
    }

    /**
     * The portfolio in the JSON {@code file}, read on {@code threads} threads (the caller's among them), or null when
     * the file has a mistake, or anything this reader leaves to the record-by-record one. Whatever its size: see
     * {@link #worthIt} for when to call it.
     */
    static Portfolio read(Path file, String fileName, int threads) throws IOException {
        MappedByteBuffer content;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0 || size > Integer.MAX_VALUE) {
                return null;
            }
            content = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        return new ParallelPortfolioRead(content, fileName).read(threads);
    }

    private Portfolio read(int threads) {
        int start = startOfJson();
        if (start < 0) {
            return null;
        }
        List<PortfolioLayout.Field> layout = PortfolioLayout.of(content, start, LISTS);
        if (layout == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        boolean hasFormat = false;
        List<Run> runs = new ArrayList<>();
        for (PortfolioLayout.Field field : layout) {
            if (field.name().equals("format")) {
                if (PortfolioFiles.formatProblem(tree(field.start(), field.end()), fileName) != null) {
                    return null;
                }
                hasFormat = true;
            } else if (!FIELDS.containsKey(field.name())) {
                return null; // an unknown field: the record-by-record reader names the closest known one
            } else if (field.isList()) {
                runs.addAll(runs(field, threads));
            } else if (!bind(field, values)) {
                return null;
            }
        }
        if (!hasFormat || !parse(runs, threads)) {
            return null;
        }
        for (PortfolioLayout.Field field : layout) {
            if (field.isList()) {
                List<Object> elements = new ArrayList<>(field.elements().count());
                runs.stream().filter(run -> run.field == field).forEach(run -> elements.addAll(run.bound));
                values.put(field.name(), elements);
            }
        }
        try {
            return new Portfolio(value(values, "asOf"), value(values, "currency"), value(values, "metrics"),
                    value(values, "actors"), value(values, "missions"), value(values, "observations"),
                    value(values, "spillovers"), value(values, "parameters"), value(values, "sources"));
        } catch (RuntimeException doesNotHoldTogether) {
            return null; // reported, with every other problem, by the record-by-record reader
        }
    }

    /** Where the JSON text starts: after a UTF-8 byte-order mark; -1 for a file in UTF-16 or UTF-32. */
    private int startOfJson() {
        int limit = content.limit();
        if (limit >= 3 && (content.get(0) & 0xFF) == 0xEF && (content.get(1) & 0xFF) == 0xBB
                && (content.get(2) & 0xFF) == 0xBF) {
            return 3;
        }
        return limit >= 2 && (content.get(0) == 0 || content.get(1) == 0 || (content.get(0) & 0xFF) >= 0xFE) ? -1 : 0;
    }

    /** One run of consecutive elements of a top-level list, parsed by one thread; {@code bound} once parsed. */
    private static final class Run {
        final PortfolioLayout.Field field;
        final int first;
        final int last;
        final Type type;
        final ObjectReader reader;
        List<Object> bound;

        Run(PortfolioLayout.Field field, int first, int last, Type type, ObjectReader reader) {
            this.field = field;
            this.first = first;
            this.last = last;
            this.type = type;
            this.reader = reader;
        }
    }

    /** The list's elements in runs of about {@link #RUN_BYTES}, fewer bytes when the file would give too few runs. */
    private List<Run> runs(PortfolioLayout.Field field, int threads) {
        PortfolioLayout.Elements elements = field.elements();
        Type type = elementType(FIELDS.get(field.name()));
        ObjectReader reader = direct.forType(Json.JSON.constructType(type));
        long runBytes = Math.max(64 << 10, Math.min(RUN_BYTES, content.limit() / (8L * threads)));
        List<Run> runs = new ArrayList<>();
        for (int first = 0; first < elements.count(); ) {
            int last = first;
            while (last + 1 < elements.count() && elements.end(last + 1) - elements.start(first) <= runBytes) {
                last++;
            }
            runs.add(new Run(field, first, last, type, reader));
            first = last + 1;
        }
        return runs;
    }

    /** Parses every run on {@code threads} threads, the caller's among them; false at the first mistake. */
    private boolean parse(List<Run> runs, int threads) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < runs.size() && failed.get() == 0; i = next.getAndIncrement()) {
                if (!parse(runs.get(i))) {
                    failed.incrementAndGet();
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, runs.size()); t++) {
            Thread helper = new Thread(work, "mission-engine-read-" + t);
            helper.setDaemon(true); // never keeps a JVM alive
            helper.start();
            helpers.add(helper);
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failed.incrementAndGet();
            throw e;
        } finally {
            for (Thread helper : helpers) {
                joinUninterruptibly(helper);
            }
        }
        return failed.get() == 0;
    }

    /**
     * Parses one run as the list {@code [[e1, e2, ...]]}: the same nesting depth as in the file (inside the top-level
     * object and its list), so the parser's limits apply alike. An element the direct binding refuses is bound again
     * from a tree, as {@link PortfolioStream} does (a record without an optional number is one); false when an element
     * has a problem.
     */
    private boolean parse(Run run) {
        PortfolioLayout.Elements elements = run.field.elements();
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(OPEN),
                new BufferInputStream(content, elements.start(run.first), elements.end(run.last)),
                new ByteArrayInputStream(CLOSE))));
        List<Object> bound = new ArrayList<>(run.last - run.first + 1);
        try (JsonParser parser = Json.JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            JsonStreamContext inList = parser.getParsingContext();
            for (int i = run.first; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                Object element = null;
                if (parser.currentToken() != JsonToken.VALUE_NULL) {
                    try {
                        element = run.reader.readValue(parser);
                    } catch (DatabindException refused) {
                        if (PortfolioStream.syntaxError(refused) != null) {
                            return false;
                        }
                        while (parser.getParsingContext() != inList && parser.nextToken() != null) {
                            // the rest of the element, bound again from its tree
                        }
                        element = i <= run.last ? carefully(run, i) : null;
                    }
                }
                if (element == null) {
                    return false;
                }
                bound.add(element);
            }
            if (parser.nextToken() != JsonToken.END_ARRAY || parser.nextToken() != null
                    || bound.size() != run.last - run.first + 1) {
                return false;
            }
        } catch (IOException | RuntimeException refused) {
            return false; // the record-by-record reader says what is wrong
        }
        run.bound = bound;
        return true;
    }

    /** Element {@code i} of the run's list read as a tree, checked and bound the careful way; null at a problem. */
    private Object carefully(Run run, int i) {
        PortfolioLayout.Elements elements = run.field.elements();
        JsonNode tree = tree(elements.start(i), elements.end(i));
        String path = run.field.name() + "[" + i + "]";
        return tree == null ? null : checkAndBind(tree, run.type, path);
    }

    /** Binds a top-level value that is not a list as the record-by-record reader does; false when it has a problem. */
    private boolean bind(PortfolioLayout.Field field, Map<String, Object> values) {
        JsonNode tree = tree(field.start(), field.end());
        if (tree == null) {
            return false;
        }
        Object value = checkAndBind(tree, FIELDS.get(field.name()).getGenericType(), field.name());
        if (value == null && !tree.isNull()) {
            return false;
        }
        values.put(field.name(), value);
        return true;
    }

    /** The tree's value, when its shape has no problem and it binds; otherwise null. */
    private Object checkAndBind(JsonNode tree, Type type, String path) {
        PortfolioShape shape = PortfolioShape.check(tree, type, path);
        if (!shape.problems().isEmpty()) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        RecordBinder binder = new RecordBinder(careful, problems, false, false);
        Object value = binder.bind(tree, Json.JSON.constructType(type), path);
        return problems.isEmpty() && binder.allBound() ? value : null;
    }

    /** Bytes {@code start} to {@code end} as a tree; null when they are not one whole JSON value. */
    private JsonNode tree(int start, int end) {
        try (JsonParser parser = Json.JSON.createParser(new BufferInputStream(content, start, end))) {
            JsonNode tree = Json.JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
            return parser.nextToken() == null ? tree : null;
        } catch (IOException | RuntimeException broken) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(Map<String, Object> values, String component) {
        return (T) values.get(component);
    }

    private static boolean isList(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType list && list.getRawType() == List.class;
    }

    private static Type elementType(RecordComponent component) {
        return ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bytes {@code from} to {@code to} of a buffer, as a stream, without copying the buffer. */
    private static final class BufferInputStream extends InputStream {
        private final ByteBuffer buffer;
        private int position;
        private final int end;

        BufferInputStream(ByteBuffer buffer, int from, int to) {
            this.buffer = buffer;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read() {
            return position < end ? buffer.get(position++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int n = Math.min(length, end - position);
            if (n <= 0) {
                return -1;
            }
            buffer.get(position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return end - position;
        }
    }
}
