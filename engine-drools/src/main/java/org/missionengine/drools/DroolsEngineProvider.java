package org.missionengine.drools;

import org.missionengine.EngineConfig;
import org.missionengine.MissionEngine;
import org.missionengine.spi.MissionEngineProvider;

/** Registered for {@link java.util.ServiceLoader}: {@code MissionEngine.builder().build()} lands here. */
public final class DroolsEngineProvider implements MissionEngineProvider {
    /** Created by {@code MissionEngine.builder()} through {@link java.util.ServiceLoader}. */
    public DroolsEngineProvider() {
    }

    @Override
    public MissionEngine create(EngineConfig config) {
        return DroolsMissionEngine.create(config);
    }
}
