package org.missionengine.drools;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.missionengine.EngineConfig;
import org.missionengine.report.EngineInfo;
import org.missionengine.report.Severity;

/**
 * The engine-level part of a report's {@code engine} block: what an auditor needs to reproduce the verdicts besides
 * the portfolio (the engine and Java versions, the packs by content hash, the limits, what was disabled and which
 * severities were changed). It names rule files as given, never by an absolute path, which would say where a file
 * lay on one machine and make two runs' reports differ.
 */
final class EngineAudit {
    private EngineAudit() {
    }

    static EngineInfo info(String version, EngineConfig config, CompiledRules rules) {
        EngineInfo.Builder info = EngineInfo.builder().version(version)
                .limits(new EngineInfo.Limits(config.threads(), config.timeout(), config.maxFirings()));
        rules.packs.forEach(p -> info.pack(new EngineInfo.Pack(p.id(), p.version(), p.sha256(), source(p))));
        rules.disabled.forEach((given, off) -> info.disabled(new EngineInfo.Disabled(given, off.stream()
                .map(r -> new EngineInfo.Rule(r.pack(), r.name(), r.code())).toList())));
        config.severities().forEach((code, severity) ->
                info.severityOverride(new EngineInfo.SeverityOverride(code, severity, declared(rules.rules, code))));
        return info.build();
    }

    /** The severity the rules emitting {@code code} declare, or null when they declare different ones. */
    private static Severity declared(List<CompiledRules.RuleMeta> rules, String code) {
        List<Severity> declared = rules.stream().filter(r -> code.equals(r.code())).map(CompiledRules.RuleMeta::severity)
                .distinct().toList();
        return declared.size() == 1 ? declared.get(0) : null;
    }

    /** {@code built-in}, or the rule file or directory as given when relative, else its name. */
    static String source(RulePack pack) {
        if (pack.builtIn()) {
            return "built-in";
        }
        try {
            Path path = Path.of(pack.source());
            return path.isAbsolute() && path.getFileName() != null ? path.getFileName().toString()
                    : path.normalize().toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return pack.source(); // rules given as text under a name that is no path
        }
    }
}
