package org.missionengine.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a double as a JSON number, and refuses NaN and the infinities: they are not JSON numbers, a reader would get
 * the text "Infinity" where it expects an amount, and every report promises finite numbers. Amounts are bounded on
 * input so that sums stay finite; a value that is not finite all the same is a fault of the engine, so this raises an
 * internal error naming where in the report it is, and the report (written atomically) is not written.
 * <p>
 * The subclasses also round, for the figures a reader should not see binary fractions in ({@code 0.2222}, not
 * {@code 0.22222222222222215}): {@link Cents} for money, {@link FourDecimals} for ratios and shares,
 * {@link SixDigits} for values in a metric's unit. The Java records keep the exact values; only what is written is
 * rounded ({@link ReportPrecision} says which field is which).
 */
class FiniteNumberSerializer extends StdSerializer<Double> {
    /**
     * From here on a double has no digits to spare after the decimal point (its spacing is 0.002 at 1e13), and scaling
     * it by 100 or 10,000 could leave the range where rounding is exact: such values are written as they are.
     */
    private static final double NOTHING_TO_ROUND = 1e13;

    FiniteNumberSerializer() {
        super(Double.class);
    }

    /** The value as written; the exact value by default. */
    double rounded(double value) {
        return value;
    }

    /** Money, to the cent. */
    static final class Cents extends FiniteNumberSerializer {
        @Override
        double rounded(double value) {
            return decimals(value, 100);
        }
    }

    /** Ratios and shares, to 4 decimals (as scores are). */
    static final class FourDecimals extends FiniteNumberSerializer {
        @Override
        double rounded(double value) {
            return decimals(value, 10_000);
        }
    }

    /** Values in a metric's unit (levels, rates per year), to 6 significant digits. */
    static final class SixDigits extends FiniteNumberSerializer {
        private static final MathContext SIX = new MathContext(6);

        @Override
        double rounded(double value) {
            // from the shortest decimal that reads back as the value: the digits a reader sees, not the binary fraction
            return value == 0 ? 0.0 : BigDecimal.valueOf(value).round(SIX).doubleValue();
        }
    }

    private static double decimals(double value, double scale) {
        if (Math.abs(value) >= NOTHING_TO_ROUND) {
            return value;
        }
        return Math.rint(value * scale) / scale + 0.0; // + 0.0: what rounds to zero is written 0.0, never -0.0
    }

    @Override
    public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        if (!Double.isFinite(value)) {
            throw new NonFiniteNumberException("the report would hold " + value + " at " + path(json.getOutputContext())
                    + "; no report is written with a number that is not finite");
        }
        double written = rounded(value);
        double magnitude = Math.abs(written);
        if (magnitude >= 1e7 && magnitude < 1e21 || magnitude >= 1e-7 && magnitude < 1e-3) {
            // Java writes these in E notation (1.358080958E7, 2.0E-4): valid JSON, but figures a reader has to decode;
            // the same digits in positional notation (13580809.58, 0.0002) read as the amounts and ratios they are
            json.writeNumber(BigDecimal.valueOf(written).stripTrailingZeros().toPlainString());
        } else {
            json.writeNumber(written); // zero, the usual range, and extremes whose digits would fill a line
        }
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
