package org.missionengine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Bytes of an open file, read at any position by any thread (positional reads, no shared file pointer): what several
 * threads reading one portfolio file need. Not a memory mapping, which would keep the file mapped, and on Windows
 * locked against deletion, until a collection happened to release it.
 */
final class FileBytes {
    private final FileChannel channel;
    private final int size;

    /** The bytes of a file of at most {@link Integer#MAX_VALUE} bytes. */
    FileBytes(FileChannel channel, int size) {
        this.channel = channel;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** Reads bytes {@code position} on into {@code into}; fails when the file got shorter meanwhile. */
    void read(int position, byte[] into, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, offset, length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + (long) buffer.position() - offset);
            if (read < 0) {
                throw new IOException("the file got shorter while it was read");
            }
        }
    }

    /** Bytes {@code start} to {@code end}, between {@code before} and {@code after}. */
    byte[] read(int start, int end, byte[] before, byte[] after) throws IOException {
        byte[] bytes = new byte[before.length + end - start + after.length];
        System.arraycopy(before, 0, bytes, 0, before.length);
        read(start, bytes, before.length, end - start);
        System.arraycopy(after, 0, bytes, bytes.length - after.length, after.length);
        return bytes;
    }
}
