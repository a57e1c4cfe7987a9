package org.missionengine.test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.missionengine.MissionEngine;
import org.missionengine.UserErrorException;

/**
 * Engines by configuration (rule paths and disabled rules), built once per run: compiling rules is the slow part of
 * a scenario, and most scenarios share a configuration. Parameters are not part of the key: they travel with the
 * portfolio. A configuration that fails to build fails the same way for every scenario that uses it.
 */
final class EngineCache {
    private record Key(List<Path> rules, List<String> disable) {
    }

    private final Map<Key, Object> engines = new HashMap<>();

    /** The engine for these rules with these rules disabled; throws the build's user error (bad DRL, unknown code). */
    synchronized MissionEngine engine(List<Path> rules, List<String> disable) {
        Key key = new Key(rules.stream().map(p -> p.toAbsolutePath().normalize()).toList(), List.copyOf(disable));
        Object cached = engines.computeIfAbsent(key, k -> {
            try {
                return MissionEngine.builder().rules(rules).disable(disable.toArray(String[]::new)).build();
            } catch (UserErrorException e) {
                return e;
            }
        });
        if (cached instanceof UserErrorException e) {
            throw e;
        }
        return (MissionEngine) cached;
    }

    /** Every code the rules can emit when nothing is disabled: tells a disabled code from a typo. */
    Set<String> allCodes(List<Path> rules) {
        try {
            return Checks.codes(engine(rules, List.of()).catalog());
        } catch (UserErrorException e) {
            return Set.of();
        }
    }
}
