/**
 * Mission Engine's API: the domain model, the evaluation API, the report model, explanations of findings, the SPI
 * an engine implements, and the reading and writing of portfolio and report files.
 *
 * <p>{@code org.missionengine.internal} is exported only to Mission Engine's own modules: it is not API.
 */
module org.missionengine {
    requires transitive com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.yaml.snakeyaml;

    exports org.missionengine;
    exports org.missionengine.catalog;
    exports org.missionengine.explain;
    exports org.missionengine.io;
    exports org.missionengine.model;
    exports org.missionengine.report;
    exports org.missionengine.spi;
    // helpers the engine's own modules share (atomic file writing, "did you mean" hints, strict UTF-8, money): every
    // module that imports org.missionengine.internal is named here, by its Automatic-Module-Name
    exports org.missionengine.internal to org.missionengine.drools, org.missionengine.decisiontables,
            org.missionengine.test, org.missionengine.reports, org.missionengine.tables, org.missionengine.spark,
            org.missionengine.cli;

    // the portfolio reader binds records, and the report writer reads them, through Jackson
    opens org.missionengine.model to com.fasterxml.jackson.databind;
    opens org.missionengine.report to com.fasterxml.jackson.databind;
    opens org.missionengine.explain to com.fasterxml.jackson.databind;

    uses org.missionengine.spi.MissionEngineProvider;
}
