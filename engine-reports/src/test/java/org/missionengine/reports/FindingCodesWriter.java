package org.missionengine.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.missionengine.report.Finding;
import org.missionengine.report.MissionReport;

/** A report format of an application's own, registered in META-INF/services as an embedder would: mission;code lines. */
public final class FindingCodesWriter implements ReportWriter {
    @Override
    public String format() {
        return "codes";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public void write(List<ReportSource> reports, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ReportSource source : reports) {
            for (MissionReport mission : source.report().missions()) {
                for (Finding finding : mission.findings()) {
                    sb.append(mission.id()).append(';').append(finding.code()).append('\n');
                }
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
