package org.missionengine.drools;

import org.missionengine.EngineConfig;
import org.missionengine.MissionEngine;
import org.missionengine.spi.MissionEngineProvider;

/** Registered for {@link java.util.ServiceLoader}: {@code MissionEngine.builder().build()} lands here. */
public final class DroolsEngineProvider implements MissionEngineProvider {
    @Override
    public MissionEngine create(EngineConfig config) {
        return DroolsMissionEngine.create(config);
    }
}
