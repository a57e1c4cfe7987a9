package org.missionengine.io;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.missionengine.Problem;

/**
 * Looks for a key that appears twice in one object of a JSON file, on a thread of its own, while the reading thread
 * binds the file with its parser's own check off: that check (a set of the keys of every object) was a fifth of
 * reading. The reader asks, where it stopped, whether a repeated key came before: reading the file on one thread would
 * have stopped there, with {@link #before}'s problem alone.
 * <p>
 * This thread stops at the file's first mistake of any kind; a mistake that is not a repeated key is the reading
 * thread's to report, since it meets it too.
 */
final class DuplicateKeys {
    private final Thread thread;
    private volatile boolean cancelled;
    /** The first repeated key's problem and where it stands in the file (bytes), once found. */
    private volatile Problem problem;
    private volatile long offset = Long.MAX_VALUE;

    private DuplicateKeys(PortfolioStream.Source source, ObjectMapper mapper, String fileName) {
        this.thread = new Thread(() -> scan(source, mapper, fileName), "mission-engine-duplicate-keys");
        thread.setDaemon(true); // never keeps a JVM alive, even if a caller forgets to close
    }

    /** Starts looking through the file {@code source} opens. */
    static DuplicateKeys start(PortfolioStream.Source source, ObjectMapper mapper, String fileName) {
        DuplicateKeys keys = new DuplicateKeys(source, mapper, fileName);
        keys.thread.start();
        return keys;
    }

    /**
     * The problem of the first repeated key that stands before byte {@code stoppedAt} of the file (where the reading
     * thread stopped, {@link Long#MAX_VALUE} when it read to the end), or null; waits for the search to get there.
     */
    Problem before(long stoppedAt) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        return offset < stoppedAt ? problem : null;
    }

    /** Stops the search: the reading failed for a reason of its own. */
    void cancel() {
        cancelled = true;
    }

    private void scan(PortfolioStream.Source source, ObjectMapper mapper, String fileName) {
        try (InputStream in = source.open(); JsonParser parser = mapper.createParser(in)) {
            parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            try {
                while (!cancelled && parser.nextToken() != null) {
                    // the parser checks each key against its object's
                }
            } catch (JsonParseException e) {
                if (JsonProblems.isDuplicateKey(e)) {
                    // described while the parser is open: the message names the object that holds the key
                    problem = JsonProblems.syntax(e, fileName, parser);
                    offset = e.getLocation().getByteOffset();
                }
            }
        } catch (JsonProcessingException e) {
            // any other mistake: the reading thread meets it and reports it
        } catch (IOException | RuntimeException e) {
            // the reading thread reports an unreadable file; nothing found here
        }
    }
}
