package org.missionengine.spi;

import org.missionengine.EngineConfig;
import org.missionengine.MissionEngine;

/**
 * Implemented by an engine module and registered in {@code META-INF/services/org.missionengine.spi.MissionEngineProvider},
 * so that code written against {@code engine-api} never names the implementation.
 */
public interface MissionEngineProvider {
    /**
     * Builds an engine for the configuration.
     *
     * @param config the rules, disabled rules, parameters and severities
     * @return the engine
     * @throws org.missionengine.InvalidRulesException for bad rules, unknown parameters or codes
     */
    MissionEngine create(EngineConfig config);
}
