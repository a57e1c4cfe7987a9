package org.missionengine.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.missionengine.ProgressListener;

/**
 * A one-line progress bar on stderr for long evaluations, redrawn in place at most ten times a second and wiped when
 * the evaluation ends, so that it never mixes with a report. Shown only when stderr is a terminal and the portfolio has
 * more than {@link #MIN_MISSIONS} missions; otherwise {@link #of} gives a listener that prints nothing.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
    /** Portfolios up to this many missions evaluate in a few seconds: no bar. */
    static final int MIN_MISSIONS = 1000;
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long started = System.nanoTime();
    private long drawnAt;
    private int drawnWidth;

    private ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar for evaluating {@code missions} missions of {@code file}, or a silent listener when none is wanted. */
    static ProgressListener of(PrintWriter err, String file, int missions) {
        return missions > MIN_MISSIONS && System.console() != null ? new ProgressBar(err, file) : ProgressListener.NONE;
    }

    /** Wipes the bar of a listener made by {@link #of}, if it is one. */
    static void finish(ProgressListener listener) {
        if (listener instanceof ProgressBar bar) {
            bar.close();
        }
    }

    @Override
    public synchronized void missionsEvaluated(int done, int total) {
        long now = System.nanoTime();
        if (done < total && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        drawnAt = now;
        draw(line(label, done, total, (now - started) / 1_000_000_000L));
    }

    /** The bar's text: label, bar, percentage, count and elapsed seconds. */
    static String line(String label, int done, int total, long seconds) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        return String.format(Locale.ROOT, "Evaluating %s [%s%s] %3d%% %,d/%,d missions, %d s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), total == 0 ? 100 : (int) (100L * done / total), done, total, seconds);
    }

    private void draw(String text) {
        err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
        err.flush();
        drawnWidth = text.length();
    }

    @Override
    public synchronized void close() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
