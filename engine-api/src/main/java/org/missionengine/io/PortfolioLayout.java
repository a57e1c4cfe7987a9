package org.missionengine.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the top-level values of a JSON portfolio file lie, and where each element of its top-level lists starts and
 * ends: found by one pass over the bytes that follows strings and brackets only, much cheaper than parsing. It lets
 * several threads parse the elements of one file at once.
 * <p>
 * The pass checks the top level alone (an object of keys and values, each list's commas); whatever it cannot place
 * (an escaped or repeated top-level key, a stray character between values, anything but blanks after the object)
 * gives {@code null}, and the caller reads the file record by record instead, which reports the mistake. The elements
 * themselves are not checked here: the parser checks each when it binds it.
 */
final class PortfolioLayout {
    /** One top-level field: its value's bytes, and for a list the bytes of each element. */
    record Field(String name, int start, int end, Elements elements) {
        boolean isList() {
            return elements != null;
        }
    }

    /** The elements of one top-level list: element {@code i} is bytes {@code starts[i]} to {@code ends[i]}. */
    record Elements(int[] starts, int[] ends, int count) {
        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }
    }

    private static final int WINDOW = 1 << 16;
    private static final int MAX_KEY_BYTES = 64;

    private final ByteBuffer content;
    private final int limit;
    private final byte[] window = new byte[WINDOW];
    /** File position of window[0]; window holds bytes windowStart to windowStart + windowLength. */
    private int windowStart;
    private int windowLength;
    private int position;

    private PortfolioLayout(ByteBuffer content, int start) {
        this.content = content;
        this.limit = content.limit();
        this.position = start;
        this.windowStart = start;
    }

    /**
     * The layout of the portfolio in {@code content} from byte {@code start}, or null when its top level is anything
     * but one object of distinct plain keys whose list values ({@code lists}) are lists.
     */
    static List<Field> of(ByteBuffer content, int start, Set<String> lists) {
        return new PortfolioLayout(content, start).object(lists);
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
            Elements elements = null;
            if (lists.contains(name) && first == '[') {
                elements = elements();
                if (elements == null) {
                    return null;
                }
            } else if (first < 0 || !skipValue(first)) {
                return null;
            }
            fields.add(new Field(name, start, position, elements));
            c = nextNonBlank();
            if (c == '}') {
                return atEnd() ? fields : null;
            }
            if (c != ',' || (c = nextNonBlank()) != '"') {
                return null;
            }
        }
    }

    /** The elements of the list whose '[' was just read, up to and with its ']'; null when they are not plain. */
    private Elements elements() {
        int[] starts = new int[64];
        int[] ends = new int[64];
        int count = 0;
        int c = nextNonBlank();
        if (c == ']') {
            return new Elements(starts, ends, 0);
        }
        while (true) {
            int start = position - 1;
            if (c < 0 || c == ',' || c == ']' || !skipValue(c)) {
                return null;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = position;
            count++;
            c = nextNonBlank();
            if (c == ']') {
                return new Elements(starts, ends, count);
            }
            if (c != ',') {
                return null;
            }
            c = nextNonBlank();
        }
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
                content.get(start, name);
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

    /** True when the window holds the byte at {@link #position}, refilling it if need be; false at the end. */
    private boolean available() {
        if (position < windowStart + windowLength) {
            return true;
        }
        if (position >= limit) {
            return false;
        }
        windowStart = position;
        windowLength = Math.min(WINDOW, limit - position);
        content.get(windowStart, window, 0, windowLength);
        return true;
    }
}
