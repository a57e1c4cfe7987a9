package org.missionengine.io;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Makes equal short texts of one file one String as its records are bound: a big portfolio names the same sectors,
 * solutions, actors and metrics in every project, and each would otherwise be a String of its own for as long as the
 * portfolio lives. Long texts (titles, statements) are rarely repeated and are left alone.
 * <p>
 * The texts are read as Jackson reads any String (the same values, the same messages for a wrong type); a reader
 * {@linkplain #sharing(ObjectReader) made to share} carries the table of one file, and any other reader shares
 * nothing. Sharing while binding, rather than in a pass over each record's tree, saved a third of the binding thread's
 * time.
 */
final class SharedStrings extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;
    private static final String TABLE = SharedStrings.class.getName();
    /** Ids, names and codes are shorter; what is longer is prose. */
    private static final int MAX_LENGTH = 40;
    /**
     * Fields whose texts are one of a kind: a record's own id, its title. Remembering each would only grow the table
     * (100,000 projects, 100,000 ids) and slow every lookup; the references to them (a recipient, a metric) are shared.
     */
    private static final Set<String> UNIQUE = Set.of("id", "title");

    SharedStrings() {
        super(String.class);
    }

    /** The reader with a table of its own: one per file, used by one thread at a time. */
    static ObjectReader sharing(ObjectReader reader) {
        return reader.withAttribute(TABLE, new HashMap<String, String>());
    }

    /** The reader with a table of its own that several threads binding records of one file can share. */
    static ObjectReader sharingAcrossThreads(ObjectReader reader) {
        return reader.withAttribute(TABLE, new ConcurrentHashMap<String, String>());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value == null || value.length() > MAX_LENGTH
                || !(ctxt.getAttribute(TABLE) instanceof Map<?, ?> table)) {
            return value;
        }
        String field = p.currentName(); // null for an element of a list
        if (field != null && UNIQUE.contains(field)) {
            return value;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> texts = (Map<String, String>) table;
        String earlier = texts.putIfAbsent(value, value);
        return earlier == null ? value : earlier;
    }
}
