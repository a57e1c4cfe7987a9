package org.missionengine.io;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * ({@link PortfolioLayout}), and the other threads parse and bind runs of the elements it has found meanwhile (it joins
 * them at the end), each element straight from the parser as {@link PortfolioStream} binds them, with the parser's
 * check for repeated keys on.
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
    private static final byte[] NOTHING = {};

    private final FileBytes content;
    private final String fileName;
    /** Binds trees, as {@link RecordBinder} does for the record-by-record reader; shares texts with the readers. */
    private final ObjectReader careful;
    /** By top-level list: binds its elements straight from the parser, refusing what the shape check would report. */
    private final Map<String, ObjectReader> readers = new HashMap<>();

    private ParallelPortfolioRead(FileBytes content, String fileName) {
        this.content = content;
        this.fileName = fileName;
        // one table of shared texts for every thread
        this.careful = SharedStrings.sharingAcrossThreads(Json.JSON.reader());
        ObjectReader direct = Json.REQUIRING.reader()
                .with(careful.getAttributes())
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (String list : LISTS) {
            readers.put(list, direct.forType(Json.JSON.constructType(elementType(FIELDS.get(list)))));
        }
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 3 || size > Integer.MAX_VALUE) {
                return null;
            }
            return new ParallelPortfolioRead(new FileBytes(channel, (int) size), fileName).read(threads);
        }
    }

    private Portfolio read(int threads) throws IOException {
        int start = startOfJson();
        if (start < 0) {
            return null;
        }
        // runs of about 1 MB, smaller for a file that would give each thread fewer than 8
        Runs runs = new Runs(Math.max(64 << 10, Math.min(RUN_BYTES, content.size() / (8L * threads))), threads);
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(runs::work, "mission-engine-read-" + t);
            helper.setDaemon(true); // never keeps a JVM alive
            helper.start();
            helpers.add(helper);
        }
        List<PortfolioLayout.Field> layout;
        try {
            // the helpers parse the first runs while this thread looks for the next ones
            layout = PortfolioLayout.of(content, start, LISTS, runs);
        } finally {
            runs.allFound();
        }
        runs.work();
        for (Thread helper : helpers) {
            joinUninterruptibly(helper);
        }
        return layout == null || runs.failed() ? null : portfolio(layout, runs);
    }

    /** The portfolio of the top-level fields, the lists from the runs parsed; null at a problem. */
    private Portfolio portfolio(List<PortfolioLayout.Field> layout, Runs runs) {
        Map<String, Object> values = new HashMap<>();
        boolean hasFormat = false;
        for (PortfolioLayout.Field field : layout) {
            if (field.name().equals("format")) {
                if (PortfolioFiles.formatProblem(tree(field.start(), field.end()), fileName) != null) {
                    return null;
                }
                hasFormat = true;
            } else if (!FIELDS.containsKey(field.name())) {
                return null; // an unknown field: the record-by-record reader names the closest known one
            } else if (field.list()) {
                List<Object> elements = runs.elements(field.name());
                if (elements == null) {
                    return null;
                }
                values.put(field.name(), elements);
            } else if (!bind(field, values)) {
                return null;
            }
        }
        if (!hasFormat) {
            return null;
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
    private int startOfJson() throws IOException {
        byte[] first = new byte[3];
        content.read(0, first, 0, 3);
        if ((first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF) {
            return 3;
        }
        return first[0] == 0 || first[1] == 0 || (first[0] & 0xFF) >= 0xFE ? -1 : 0;
    }

    /** Consecutive elements of a top-level list, parsed by one thread; {@code bound} once parsed. */
    private static final class Run {
        final String list;
        final int first;
        int[] starts = new int[16];
        int[] ends = new int[16];
        int count;
        List<Object> bound;

        Run(String list, int first) {
            this.list = list;
            this.first = first;
        }

        void add(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count++] = end;
        }
    }

    /**
     * The runs of elements: made from the elements as the layout pass finds them, queued, and parsed by whichever
     * thread takes them ({@link #work}); then their elements, list by list, in file order.
     */
    private final class Runs implements PortfolioLayout.Elements {
        private final Run end = new Run("", 0);
        private final long runBytes;
        private final int threads;
        private final BlockingQueue<Run> queue = new LinkedBlockingQueue<>();
        /** Every run, in file order; read once every thread has stopped. */
        private final List<Run> all = new ArrayList<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private final AtomicBoolean failed = new AtomicBoolean();
        private Run current;

        Runs(long runBytes, int threads) {
            this.runBytes = runBytes;
            this.threads = threads;
        }

        @Override
        public void element(String name, int index, int start, int end) {
            if (current == null) {
                current = new Run(name, index);
            }
            current.add(start, end);
            if (end - current.starts[0] >= runBytes) {
                publish();
            }
        }

        @Override
        public void end(String name, int count) {
            publish();
            counts.put(name, count);
        }

        private void publish() {
            if (current != null) {
                all.add(current);
                queue.add(current);
                current = null;
            }
        }

        /** No more runs come: each thread stops once the runs before are taken. */
        void allFound() {
            publish();
            for (int t = 0; t < threads; t++) {
                queue.add(end);
            }
        }

        /** Parses runs as they come, until {@link #allFound}; after a problem, only takes them. */
        void work() {
            try {
                for (Run run = take(); run != end; run = take()) {
                    if (!failed.get() && !parse(run)) {
                        failed.set(true);
                    }
                }
            } catch (RuntimeException | Error e) {
                failed.set(true); // the record-by-record reader runs into it too, and reports it
            }
        }

        private Run take() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return queue.take();
                    } catch (InterruptedException e) {
                        interrupted = true; // the runs are taken all the same: each thread stops at its end
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean failed() {
            return failed.get();
        }

        /** The elements of list {@code name}, in file order; null when a run of them was not parsed. */
        List<Object> elements(String name) {
            List<Object> elements = new ArrayList<>(counts.getOrDefault(name, 0));
            for (Run run : all) {
                if (run.list.equals(name)) {
                    if (run.bound == null) {
                        return null;
                    }
                    elements.addAll(run.bound);
                }
            }
            return elements.size() == counts.getOrDefault(name, -1) ? elements : null;
        }
    }

    /**
     * Parses one run as the list {@code [[e1, e2, ...]]}: the same nesting depth as in the file (inside the top-level
     * object and its list), so the parser's limits apply alike. An element the direct binding refuses is bound again
     * from a tree, as {@link PortfolioStream} does (a record without an optional number is one); false when an element
     * has a problem.
     */
    private boolean parse(Run run) {
        ObjectReader reader = readers.get(run.list);
        List<Object> bound = new ArrayList<>(run.count);
        try (JsonParser parser = Json.JSON.createParser(content.read(run.starts[0], run.ends[run.count - 1], OPEN,
                CLOSE))) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            JsonStreamContext inList = parser.getParsingContext();
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                Object element = null;
                if (parser.currentToken() != JsonToken.VALUE_NULL) {
                    try {
                        element = reader.readValue(parser);
                    } catch (DatabindException refused) {
                        if (PortfolioStream.syntaxError(refused) != null) {
                            return false;
                        }
                        while (parser.getParsingContext() != inList && parser.nextToken() != null) {
                            // the rest of the element, bound again from its tree
                        }
                        element = i < run.count ? carefully(run, i) : null;
                    }
                }
                if (element == null) {
                    return false;
                }
                bound.add(element);
            }
            if (parser.nextToken() != JsonToken.END_ARRAY || parser.nextToken() != null || bound.size() != run.count) {
                return false;
            }
        } catch (IOException | RuntimeException refused) {
            return false; // the record-by-record reader says what is wrong
        }
        run.bound = bound;
        return true;
    }

    /** Element {@code i} of the run read as a tree, checked and bound the careful way; null at a problem. */
    private Object carefully(Run run, int i) {
        JsonNode tree = tree(run.starts[i], run.ends[i]);
        String path = run.list + "[" + (run.first + i) + "]";
        return tree == null ? null : checkAndBind(tree, elementType(FIELDS.get(run.list)), path);
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
        try (JsonParser parser = Json.JSON.createParser(content.read(start, end, NOTHING, NOTHING))) {
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
}
