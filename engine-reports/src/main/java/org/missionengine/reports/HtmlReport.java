package org.missionengine.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.missionengine.model.Portfolio;
import org.missionengine.report.EvaluationReport;

/**
 * The report as one self-contained HTML page that opens offline: the template ({@code src/main/jte/report.jte},
 * compiled at build time, escaping every value) lays out the views of {@link HtmlModel}; Apache ECharts, read from its
 * webjar on the classpath, is inlined with the page's own script and style, and draws the charts from the JSON of
 * {@link ChartSpecs}.
 */
final class HtmlReport {
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final Pattern END_SCRIPT = Pattern.compile("(?i)</(script)");

    /** The precompiled templates are classes of this package (see jte-maven-plugin in the pom). */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), HtmlReport.class.getPackageName());

    record Input(String file, EvaluationReport report, Portfolio portfolio) {
    }

    private HtmlReport() {
    }

    static String render(List<Input> inputs) {
        ChartSpecs charts = new ChartSpecs();
        List<HtmlModel.Doc> docs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            docs.add(HtmlModel.doc("r" + i + "-", in.file(), in.report(), in.portfolio(), charts));
        }
        String title = inputs.size() == 1 ? "Mission evaluation of " + inputs.get(0).file() : "Mission evaluation";
        String version = echartsVersion();
        HtmlModel.Page page = new HtmlModel.Page(title, docs, resource("report.css"), inline(resource("report.js")),
                inline(classpath("META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js")), version,
                charts.toJson());
        StringOutput out = new StringOutput(2 << 20);
        TEMPLATES.render("report.jte", page, out);
        return out.toString();
    }

    /** The version of the ECharts webjar on the classpath, which names the directory of its files. */
    private static String echartsVersion() {
        Properties pom = new Properties();
        try (InputStream in = open(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
        }
        return pom.getProperty("version");
    }

    /** Script text made safe to sit inside a script element: only the sequence "</script" could end it. */
    private static String inline(String script) {
        return END_SCRIPT.matcher(script).replaceAll("<\\\\/$1");
    }

    private static String resource(String name) {
        return classpath(HtmlReport.class.getPackageName().replace('.', '/') + "/" + name);
    }

    private static String classpath(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the classpath", e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            // a packaging fault, not a user's: the jar lacks a file the build puts there
            throw new IllegalStateException(path + " is missing from the classpath (the ECharts webjar or the "
                    + "report's resources were left out of the build)");
        }
        return in;
    }
}
