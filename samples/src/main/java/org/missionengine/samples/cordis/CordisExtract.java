package org.missionengine.samples.cordis;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CORDIS Horizon Europe extract read into memory: the projects, their participants, their call topics and their
 * EuroSciVoc disciplines. Values are parsed as CORDIS writes them: {@code totalCost} with a decimal comma,
 * {@code ecContribution} with a decimal point (empty when the participant receives none), {@code SME} as
 * {@code True}/{@code False}, dates as ISO-8601.
 *
 * @param extractDate the date in the projects file's name ({@code he_projects_2025-02-26.psv}), if it has one
 */
public record CordisExtract(Path directory, LocalDate extractDate, List<Project> projects,
                            List<Participation> participations, List<Topic> topics, List<Discipline> disciplines) {

    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern PIC_IN_CONTACT_FORM = Pattern.compile("/project/(\\d+)/");

    public CordisExtract {
        projects = List.copyOf(projects);
        participations = List.copyOf(participations);
        topics = List.copyOf(topics);
        disciplines = List.copyOf(disciplines);
    }

    /** A funded project. {@code totalCost} is null when CORDIS gives none. */
    public record Project(String id, String acronym, String title, LocalDate start, LocalDate end, Double totalCost,
                          String topics, String fundingScheme) {
    }

    /**
     * One organisation's part in a project. {@code pic} is the participant identification code taken from the
     * contact-form address (null when absent); {@code sme} is null when CORDIS leaves the flag empty;
     * {@code ecContribution} is null when empty.
     */
    public record Participation(String projectId, String name, String shortName, Boolean sme, String activityType,
                                String country, String pic, String order, String role, Double ecContribution) {
    }

    /** A call topic a project was funded under. */
    public record Topic(String projectId, String topic, String title) {
    }

    /** A EuroSciVoc field of a project, such as {@code /natural sciences/biological sciences/ecology}. */
    public record Discipline(String projectId, String path) {
    }

    /** Reads the four files of the extract in {@code directory}. */
    public static CordisExtract read(Path directory) {
        Path projectsFile = CordisTables.PROJECTS.find(directory);
        Path orgsFile = CordisTables.ORGANISATIONS.find(directory);
        Path topicsFile = CordisTables.TOPICS.find(directory);
        Path disciplinesFile = CordisTables.DISCIPLINES.find(directory);

        List<Project> projects = new ArrayList<>();
        CordisTables.PROJECTS.read(projectsFile, row -> projects.add(new Project(required(row, "id"),
                row.get("acronym"), row.get("title"), date(row, "startDate"), date(row, "endDate"),
                amount(row, "totalCost", true), row.get("topics"), row.get("fundingScheme"))));

        List<Participation> participations = new ArrayList<>();
        CordisTables.ORGANISATIONS.read(orgsFile, row -> participations.add(new Participation(
                required(row, "projectID"), required(row, "name"), row.get("shortName"), flag(row, "SME"),
                row.get("activityType"), row.get("country"), pic(row.get("contactForm")), row.get("order"),
                row.get("role"), amount(row, "ecContribution", false))));

        List<Topic> topics = new ArrayList<>();
        CordisTables.TOPICS.read(topicsFile, row -> topics.add(new Topic(required(row, "projectID"),
                required(row, "topic"), row.get("title"))));

        List<Discipline> disciplines = new ArrayList<>();
        CordisTables.DISCIPLINES.read(disciplinesFile, row -> disciplines.add(new Discipline(
                required(row, "projectID"), row.get("euroSciVocPath"))));

        Matcher m = DATE_IN_NAME.matcher(projectsFile.getFileName().toString());
        LocalDate extractDate = null;
        if (m.find()) {
            try {
                extractDate = LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                extractDate = null;
            }
        }
        return new CordisExtract(directory, extractDate, projects, participations, topics, disciplines);
    }

    private static String required(CordisTables.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw row.error("empty " + column, "Every row of this file needs a " + column + ".");
        }
        return value;
    }

    private static LocalDate date(CordisTables.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw row.error(column + " \"" + value + "\" is not a date", "CORDIS writes dates as YYYY-MM-DD.");
        }
    }

    /**
     * An amount: with a decimal comma ({@code 7995922,4}, the projects file) or a decimal point
     * ({@code 596937.5}, the organisations file).
     */
    private static Double amount(CordisTables.Row row, String column, boolean decimalComma) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        // with a decimal comma, a point can only separate thousands
        String normalised = decimalComma && value.indexOf(',') >= 0 ? value.replace(".", "").replace(',', '.') : value;
        try {
            double parsed = Double.parseDouble(normalised);
            if (!Double.isFinite(parsed) || parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw row.error(column + " \"" + value + "\" is not an amount",
                    decimalComma ? "The projects file writes amounts with a decimal comma, such as 7995922,4."
                                 : "The organisations file writes amounts with a decimal point, such as 596937.5.");
        }
    }

    private static Boolean flag(CordisTables.Row row, String column) {
        String value = row.get(column);
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw row.error(column + " \"" + value + "\" is neither True nor False",
                    "CORDIS writes the SME flag as True, False or leaves it empty.");
        };
    }

    private static String pic(String contactForm) {
        Matcher m = PIC_IN_CONTACT_FORM.matcher(contactForm);
        return m.find() ? m.group(1) : null;
    }
}
