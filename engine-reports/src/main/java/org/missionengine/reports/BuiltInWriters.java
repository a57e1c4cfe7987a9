package org.missionengine.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.io.ReportFiles;

/** The four formats that come with the engine; each renders the whole document, then writes it. */
final class BuiltInWriters {
    private BuiltInWriters() {
    }

    static List<ReportWriter> all() {
        return List.of(new Json(),
                // plain text for a terminal; several reports follow one another
                new Joined("text", "txt", "\n", r -> new TextReport(r.name(), r.report(), r.portfolio()).render()),
                // GitHub-flavoured Markdown; several reports are separated by a rule
                new Joined("markdown", "md", "\n---\n\n",
                        r -> new MarkdownReport(r.name(), r.report(), r.portfolio()).render()),
                new Html());
    }

    /** A writer whose document is built as one string. */
    private abstract static class WholeDocument implements ReportWriter {
        private final String format;
        private final String fileExtension;

        WholeDocument(String format, String fileExtension) {
            this.format = format;
            this.fileExtension = fileExtension;
        }

        @Override
        public final String format() {
            return format;
        }

        @Override
        public final String fileExtension() {
            return fileExtension;
        }

        @Override
        public final void write(List<ReportSource> reports, OutputStream out) throws IOException {
            if (reports.isEmpty()) {
                throw new IllegalArgumentException("no report to write as " + format());
            }
            out.write(document(reports).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        abstract String document(List<ReportSource> reports);

        @Override
        public String toString() {
            return format() + " report writer";
        }
    }

    /** {@code mission-report/1}; several reports make a JSON array, each document with a "file" field. */
    static final class Json extends WholeDocument {
        Json() {
            super("json", "json");
        }

        @Override
        String document(List<ReportSource> reports) {
            if (reports.size() == 1) {
                return ReportFiles.toJson(reports.get(0).report());
            }
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            try {
                for (ReportSource source : reports) {
                    ObjectNode document = (ObjectNode) mapper.readTree(ReportFiles.toJson(source.report()));
                    ObjectNode withFile = mapper.createObjectNode();
                    withFile.set("format", document.remove("format"));
                    withFile.put("file", source.name());
                    withFile.setAll(document);
                    array.add(withFile);
                }
                return mapper.writeValueAsString(array) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot combine the JSON reports: " + e.getMessage(), e);
            }
        }
    }

    /** Each report rendered on its own; several are joined by a separator. */
    static final class Joined extends WholeDocument {
        private final String separator;
        private final Function<ReportSource, String> render;

        Joined(String format, String fileExtension, String separator, Function<ReportSource, String> render) {
            super(format, fileExtension);
            this.separator = separator;
            this.render = render;
        }

        @Override
        String document(List<ReportSource> reports) {
            return reports.stream().map(render).collect(Collectors.joining(separator));
        }
    }

    /** One self-contained page (charts included, no network needed) for all the reports. */
    static final class Html extends WholeDocument {
        Html() {
            super("html", "html");
        }

        @Override
        String document(List<ReportSource> reports) {
            return HtmlReport.render(reports.stream()
                    .map(r -> new HtmlReport.Input(r.name(), r.report(), r.portfolio())).toList());
        }
    }
}
