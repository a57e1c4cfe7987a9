package org.missionengine.samples.cordis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EU Missions as they appear in Horizon Europe call topics: {@code HORIZON-MISS-<year>-<code>-...}. The ids and
 * titles of the five Missions are those of {@code samples/missions/eu-missions.json}, so that the two files can be
 * read side by side. NEB (New European Bauhaus) and CROSS (cross-mission actions) topics are HORIZON-MISS topics too
 * but not one of the five Missions; they become missions of their own when the extract has projects for them.
 */
public enum EuMission {
    CANCER("eu-cancer", "EU Mission Cancer: improve the lives of more than 3 million people by 2030"),
    CLIMA("eu-adaptation", "EU Mission Adaptation to Climate Change: support at least 150 European regions and "
            + "communities to become climate resilient by 2030"),
    OCEAN("eu-ocean", "EU Mission Restore our Ocean and Waters by 2030"),
    CIT("eu-cities", "EU Mission 100 Climate-Neutral and Smart Cities by 2030"),
    SOIL("eu-soil", "EU Mission A Soil Deal for Europe: 100 living labs and lighthouses to lead the transition towards "
            + "healthy soils by 2030"),
    NEB("eu-new-european-bauhaus", "New European Bauhaus actions funded under the EU Missions (HORIZON-MISS-*-NEB topics)"),
    CROSS("eu-cross-mission", "Cross-mission actions of the EU Missions (HORIZON-MISS-*-CROSS topics)");

    /** {@code HORIZON-MISS-2023-OCEAN-01-10}: the code is the part after the year. */
    private static final Pattern TOPIC = Pattern.compile("^HORIZON-MISS-\\d{4}-([A-Z]+)(?:-|$)");

    private final String missionId;
    private final String title;

    EuMission(String missionId, String title) {
        this.missionId = missionId;
        this.title = title;
    }

    public String missionId() {
        return missionId;
    }

    public String title() {
        return title;
    }

    /** True for the five Missions launched in 2021 (not NEB or CROSS). */
    public boolean isOneOfTheFive() {
        return this != NEB && this != CROSS;
    }

    /**
     * The Mission of a call topic, or empty for a topic that is not a Mission topic. A joint topic such as
     * {@code HORIZON-MISS-2023-CLIMA-CITIES-01-01} belongs to the Mission named first (here Adaptation);
     * {@code UNCAN} (the Cancer Mission's UNCAN.eu platform) to Cancer.
     */
    public static Optional<EuMission> ofTopic(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        Matcher m = TOPIC.matcher(topic.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        String code = m.group(1);
        if (code.equals("UNCAN")) {
            return Optional.of(CANCER); // HORIZON-MISS-2021-UNCAN-01-01: preparing UNCAN.eu, the Cancer Mission's platform
        }
        for (EuMission mission : values()) {
            if (mission.name().equals(code)) {
                return Optional.of(mission);
            }
        }
        return Optional.empty(); // such as COOR or NCP: coordination of the Missions, not one of them
    }

    /** True for any {@code HORIZON-MISS-} topic, including codes this enum does not know. */
    public static boolean isMissionTopic(String topic) {
        return topic != null && topic.strip().startsWith("HORIZON-MISS-");
    }
}
