package org.missionengine.samples.cordis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVPrinter;

import org.missionengine.Problem;
import org.missionengine.UserErrorException;

/**
 * Copies the rows of a CORDIS Horizon Europe extract that the EU Missions' portfolio needs: the projects with a
 * {@code HORIZON-MISS-*} topic (found in the topics file and also present in the projects file) and their
 * organisations, topics and EuroSciVoc rows. Values are copied unchanged; columns the importer does not read and
 * that are not CORDIS data or are large are dropped from the projects file ({@code objective}, {@code grantDoi}, and
 * {@code cluster}, which the extract's author added and is not a CORDIS field). Files keep their names.
 */
public final class CordisFilter {
    /** Columns of the projects file that are copied, in this order, when present. */
    static final List<String> PROJECT_COLUMNS = List.of("id", "acronym", "title", "startDate", "endDate", "totalCost",
            "legalBasis", "topics", "masterCall", "subCall", "fundingScheme");

    private CordisFilter() {
    }

    /** Row counts of what was written, by file name. */
    public static Map<String, Integer> filter(Path from, Path to) {
        Path projects = CordisTables.PROJECTS.find(from);
        Path orgs = CordisTables.ORGANISATIONS.find(from);
        Path topics = CordisTables.TOPICS.find(from);
        Path disciplines = CordisTables.DISCIPLINES.find(from);
        try {
            Files.createDirectories(to);
        } catch (IOException e) {
            throw new UserErrorException(new Problem(to.toString(), null, "cannot create the directory: " + e.getMessage(),
                    "Give a directory you can write to."));
        }
        if (to.toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
            throw new UserErrorException(new Problem(to.toString(), null, "the target is the source directory",
                    "Write the filtered copy to another directory."));
        }

        Set<String> missionTopics = new HashSet<>();
        CordisTables.TOPICS.read(topics, row -> {
            if (EuMission.isMissionTopic(row.get("topic"))) {
                missionTopics.add(row.get("projectID"));
            }
        });
        Set<String> keep = new HashSet<>();
        CordisTables.PROJECTS.read(projects, row -> {
            if (missionTopics.contains(row.get("id"))) {
                keep.add(row.get("id"));
            }
        });

        Map<String, Integer> written = new LinkedHashMap<>();
        written.put(projects.getFileName().toString(), copy(CordisTables.PROJECTS, projects, to, "id", keep, true));
        written.put(orgs.getFileName().toString(), copy(CordisTables.ORGANISATIONS, orgs, to, "projectID", keep, false));
        written.put(topics.getFileName().toString(), copy(CordisTables.TOPICS, topics, to, "projectID", keep, false));
        written.put(disciplines.getFileName().toString(),
                copy(CordisTables.DISCIPLINES, disciplines, to, "projectID", keep, false));
        return written;
    }

    private static int copy(CordisTables table, Path source, Path toDir, String idColumn, Set<String> keep,
                            boolean onlyProjectColumns) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        table.read(source, names -> {
            for (String column : names) {
                if (!onlyProjectColumns || PROJECT_COLUMNS.contains(column)) {
                    header.add(column);
                }
            }
        }, row -> {
            if (keep.contains(row.get(idColumn))) {
                List<String> values = new ArrayList<>();
                for (String column : header) {
                    values.add(row.record().isSet(column) ? row.record().get(column) : "");
                }
                rows.add(values);
            }
        });
        Path target = toDir.resolve(source.getFileName());
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, table.format().builder().setHeader(header.toArray(String[]::new))
                     .setSkipHeaderRecord(false).get())) {
            for (List<String> values : rows) {
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UserErrorException(new Problem(target.toString(), null, "cannot write the file: " + e.getMessage(),
                    "Check that the directory is writable."));
        }
        return rows.size();
    }
}
