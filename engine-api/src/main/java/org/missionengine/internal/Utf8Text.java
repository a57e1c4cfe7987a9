package org.missionengine.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.missionengine.Problem;

/**
 * The text of a file the engine reads as a table (a CSV decision table, an input-output table), decoded strictly as
 * UTF-8: a byte that is not UTF-8 (an "é" saved as Latin-1, 0xE9) is refused at its line and column, never read in
 * the JVM's default charset, where the same file would read differently from one machine to the next. Not public API.
 */
public final class Utf8Text {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Utf8Text() {
    }

    /**
     * The text of {@code bytes} from {@code from} on, or the first byte there that is not UTF-8 refused as
     * {@code file:line:column: the file is not UTF-8 (byte 0xE9, "é" in Latin-1 or Windows-1252). hint}.
     *
     * @param bytes   the file's bytes
     * @param from    where its text starts (after a byte-order mark)
     * @param file    the file as messages name it
     * @param hint    how to save it as UTF-8
     * @param refused the exception for the problem
     * @param <E>     its type
     * @return the text
     * @throws E if a byte is not UTF-8
     */
    public static <E extends RuntimeException> String decode(byte[] bytes, int from, String file, String hint,
                                                            Function<Problem, E> refused) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from + 1); // UTF-8 gives at most one char a byte
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (!result.isError()) {
            return out.toString();
        }
        int line = 1;
        int column = 1;
        while (out.hasRemaining()) {
            boolean newLine = out.get() == '\n';
            line = newLine ? line + 1 : line;
            column = newLine ? 1 : column + 1;
        }
        int b = bytes[in.position()] & 0xFF;
        throw refused.apply(new Problem(file, line + ":" + column, "the file is not UTF-8 (byte "
                + String.format("0x%02X", b) + readAs(b) + ")", hint));
    }

    /** What the byte is in the charsets a file that is not UTF-8 is most often in: ", "é" in Latin-1 or ...". */
    private static String readAs(int b) {
        String c = WINDOWS_1252.decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
        if (b >= 0xA0) {
            return ", \"" + c + "\" in Latin-1 or Windows-1252";
        }
        return b >= 0x80 && !c.equals("\uFFFD") ? ", \"" + c + "\" in Windows-1252" : "";
    }
}
