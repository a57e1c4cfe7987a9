package org.missionengine.io;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a double as a JSON number, and refuses NaN and the infinities: they are not JSON numbers, a reader would get
 * the text "Infinity" where it expects an amount, and every report promises finite numbers. Amounts are bounded on
 * input so that sums stay finite; a value that is not finite all the same is a fault of the engine, so this raises an
 * internal error naming where in the report it is, and the report (written atomically) is not written.
 */
final class FiniteNumberSerializer extends StdSerializer<Double> {
    FiniteNumberSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        if (!Double.isFinite(value)) {
            throw new NonFiniteNumberException("the report would hold " + value + " at " + path(json.getOutputContext())
                    + "; no report is written with a number that is not finite");
        }
        json.writeNumber(value);
    }

    /** The JSON path being written, e.g. {@code missions[2].value.pvCosts}. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            // the number is not written yet: in its own list it is the next entry; enclosing lists are at theirs
            int index = at == context ? at.getEntryCount() : at.getCurrentIndex();
            path.insert(0, at.inArray() ? "[" + index + "]" : "." + at.getCurrentName());
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** A number that is not finite, on its way into a report: an internal error, never a user's. */
    static final class NonFiniteNumberException extends IllegalStateException {
        NonFiniteNumberException(String message) {
            super(message);
        }
    }
}
