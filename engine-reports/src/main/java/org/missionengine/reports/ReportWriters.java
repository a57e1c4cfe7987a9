package org.missionengine.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The report writers by format: the built-in {@code json}, {@code text}, {@code markdown} and {@code html}, then any
 * found through {@link ServiceLoader} (see {@link ReportWriter}). A writer of another jar may not take a built-in
 * format's name.
 *
 * <pre>{@code
 * ReportWriters.forFormat("html").write(new ReportSource("missions.json", report, portfolio), Path.of("report.html"));
 * }</pre>
 */
public final class ReportWriters {
    private static final Map<String, ReportWriter> BUILT_IN = index(BuiltInWriters.all());

    private ReportWriters() {
    }

    /**
     * The writer of a format.
     *
     * @param format the format's name, case-insensitive: {@code json}, {@code text}, {@code markdown}, {@code html},
     *               or one a writer on the class path adds
     * @return the writer
     * @throws IllegalArgumentException if no writer has that format; the message names the formats there are
     */
    public static ReportWriter forFormat(String format) {
        Map<String, ReportWriter> all = all(loader());
        ReportWriter writer = format == null ? null : all.get(format.toLowerCase(Locale.ROOT));
        if (writer == null) {
            throw new IllegalArgumentException("no report writer for format \"" + format + "\"; the formats are "
                    + String.join(", ", all.keySet()));
        }
        return writer;
    }

    /**
     * The names of every format there is a writer for: the built-in ones first, in the order {@code json},
     * {@code text}, {@code markdown}, {@code html}.
     *
     * @return the names, lower case
     */
    public static List<String> formats() {
        return List.copyOf(all(loader()).keySet());
    }

    private static Map<String, ReportWriter> all(ClassLoader loader) {
        Map<String, ReportWriter> all = new LinkedHashMap<>(BUILT_IN);
        List<ReportWriter> added = new ArrayList<>();
        ServiceLoader.load(ReportWriter.class, loader).forEach(added::add);
        for (ReportWriter writer : added) {
            String format = writer.format().toLowerCase(Locale.ROOT);
            if (BUILT_IN.containsKey(format)) {
                throw new IllegalStateException(writer.getClass().getName() + " writes the format \"" + format
                        + "\", which is built in; give it a name of its own");
            }
            all.putIfAbsent(format, writer);
        }
        return Collections.unmodifiableMap(all);
    }

    /** The application's class loader where there is one (a web container's), else this library's. */
    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ReportWriters.class.getClassLoader();
    }

    private static Map<String, ReportWriter> index(List<ReportWriter> writers) {
        Map<String, ReportWriter> byFormat = new LinkedHashMap<>();
        writers.forEach(w -> byFormat.put(w.format(), w));
        return Collections.unmodifiableMap(byFormat);
    }
}
