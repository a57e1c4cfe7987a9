package org.missionengine.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the top-level values of a JSON portfolio file lie, and where each element of its top-level lists starts and
 * ends: found by one pass over the bytes that follows strings and brackets only, much cheaper than parsing. It lets
 * several threads parse the elements of one file at once, from the first elements found on, while the pass goes on.
 * <p>
 * The pass checks the top level alone (an object of keys and values, each list's commas); whatever it cannot place
 * (an escaped or repeated top-level key, a stray character between values, anything but blanks after the object)
 * gives {@code null}, and the caller reads the file record by record instead, which reports the mistake. The elements
 * themselves are not checked here: the parser checks each when it binds it.
 */
final class PortfolioLayout {
    /** One top-level field: its value's bytes; {@code list} when its elements went to the {@link Elements}. */
    record Field(String name, int start, int end, boolean list) {
    }

    /** Receives the elements of the top-level lists as the pass finds them, in file order. */
    interface Elements {
        /** Element {@code index} of list {@code name} is bytes {@code start} to {@code end}. */
        void element(String name, int index, int start, int end);

        /** The list {@code name} ended after {@code count} elements. */
        void end(String name, int count);
    }

    private static final int WINDOW = 1 << 16;
    private static final int MAX_KEY_BYTES = 64;

    private final FileBytes content;
    private final Elements sink;
    private final int limit;
    private final byte[] window = new byte[WINDOW];
    /** File position of window[0]; window holds bytes windowStart to windowStart + windowLength. */
    private int windowStart;
    private int windowLength;
    private int position;

    private PortfolioLayout(FileBytes content, int start, Elements sink) {
        this.content = content;
        this.sink = sink;
        this.limit = content.size();
        this.position = start;
        this.windowStart = start;
    }

    /**
     * The layout of the portfolio in {@code content} from byte {@code start}, or null when its top level is anything
     * but one object of distinct plain keys. The elements of the values of {@code lists} that are lists go to
     * {@code sink} as they are found (a caller that gets null drops them).
     */
    static List<Field> of(FileBytes content, int start, Set<String> lists, Elements sink) {
        return new PortfolioLayout(content, start, sink).object(lists);
    }

    private List<Field> object(Set<String> lists) {
        if (nextNonBlank() != '{') {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int c = nextNonBlank();
        if (c == '}') {
            return atEnd() ? fields : null;
        }
        while (true) {
            String name = c == '"' ? key() : null;
            if (name == null || !names.add(name) || nextNonBlank() != ':') {
                return null;
            }
            int first = nextNonBlank();
            int start = position - 1;
            boolean list = lists.contains(name) && first == '[';
            if (list ? !elements(name) : first < 0 || !skipValue(first)) {
                return null;
            }
            fields.add(new Field(name, start, position, list));
            c = nextNonBlank();
            if (c == '}') {
                return atEnd() ? fields : null;
            }
            if (c != ',' || (c = nextNonBlank()) != '"') {
                return null;
            }
        }
    }

    /** The elements of list {@code name}, whose '[' was just read, up to and with its ']'; false when not plain. */
    private boolean elements(String name) {
        int count = 0;
        int c = nextNonBlank();
        while (c != ']') {
            int start = position - 1;
            if (c < 0 || c == ',' || !skipValue(c)) {
                return false;
            }
            sink.element(name, count++, start, position);
            c = nextNonBlank();
            if (c == ',') {
                c = nextNonBlank();
                if (c == ']') {
                    return false; // a comma before the end of the list
                }
            } else if (c != ']') {
                return false;
            }
        }
        sink.end(name, count);
        return true;
    }

    /** Skips the value whose first byte {@code first} was just read; false when it is broken off by the file's end. */
    private boolean skipValue(int first) {
        if (first == '"') {
            return skipString();
        }
        if (first == '{' || first == '[') {
            return skipNested();
        }
        // a number, true, false or null: up to the next separator, checked by the parser later
        while (true) {
            int c = peek();
            if (c < 0 || c == ',' || c == '}' || c == ']' || isBlank(c)) {
                return true;
            }
            position++;
        }
    }

    /** Skips to the end of the string whose opening quote was just read. */
    private boolean skipString() {
        while (true) {
            if (!available()) {
                return false;
            }
            // the hot loop: most of a file is the inside of strings
            byte[] bytes = window;
            int i = position - windowStart;
            int end = windowLength;
            while (i < end) {
                byte b = bytes[i++];
                if (b == '"') {
                    position = windowStart + i;
                    return true;
                }
                if (b == '\\') {
                    if (i == end) {
                        position = windowStart + i;
                        if (!available()) {
                            return false;
                        }
                        bytes = window;
                        i = position - windowStart;
                        end = windowLength;
                    }
                    i++; // the escaped character, whatever it is
                }
            }
            position = windowStart + i;
        }
    }

    /** Skips to the end of the object or list whose opening bracket was just read, by depth. */
    private boolean skipNested() {
        int depth = 1;
        while (true) {
            if (!available()) {
                return false;
            }
            byte[] bytes = window;
            int i = position - windowStart;
            int end = windowLength;
            while (i < end) {
                byte b = bytes[i++];
                if (b == '"') {
                    position = windowStart + i;
                    if (!skipString()) {
                        return false;
                    }
                    bytes = window;
                    i = position - windowStart;
                    end = windowLength;
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    if (--depth == 0) {
                        position = windowStart + i;
                        return true;
                    }
                }
            }
            position = windowStart + i;
        }
    }

    /** The key whose opening quote was just read; null when it has an escape or is longer than any field name. */
    private String key() {
        int start = position;
        while (true) {
            int c = next();
            if (c < 0 || c == '\\' || position - start > MAX_KEY_BYTES) {
                return null;
            }
            if (c == '"') {
                byte[] name = new byte[position - 1 - start];
                try {
                    content.read(start, name, 0, name.length);
                } catch (IOException e) {
                    return null;
                }
                return new String(name, StandardCharsets.UTF_8);
            }
        }
    }

    private boolean atEnd() {
        return nextNonBlank() < 0;
    }

    private int nextNonBlank() {
        while (true) {
            int c = next();
            if (c < 0 || !isBlank(c)) {
                return c;
            }
        }
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private int next() {
        int c = peek();
        if (c >= 0) {
            position++;
        }
        return c;
    }

    private int peek() {
        return available() ? window[position - windowStart] & 0xFF : -1;
    }

    /**
     * True when the window holds the byte at {@link #position}, refilling it if need be; false at the end, and when
     * the file cannot be read (the record-by-record reader then says why).
     */
    private boolean available() {
        if (position < windowStart + windowLength) {
            return true;
        }
        if (position >= limit) {
            return false;
        }
        windowStart = position;
        windowLength = Math.min(WINDOW, limit - position);
        try {
            content.read(windowStart, window, 0, windowLength);
        } catch (IOException e) {
            windowLength = 0;
            return false;
        }
        return true;
    }
}
