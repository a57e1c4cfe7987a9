package org.missionengine.reports;

import java.util.ArrayList;
import java.util.List;

import org.missionengine.report.EngineInfo;

/**
 * The audit appendix of a report, as rows of display strings that the Markdown, HTML and text reports lay out: what
 * produced the report (engine, Java, limits), the rule packs with their versions and short content hashes, the
 * parameters (those that differ from their defaults first, then all), the disabled rules and the severity overrides.
 *
 * @param engine     "Mission Engine 1.0 on Java Eclipse Adoptium 17.0.12+7"
 * @param limits     "threads: one per processor · timeout: 10 s · max firings: 10000", or empty when not known
 * @param packs      id, version, short hash, source
 * @param changed    the parameters whose value is not their pack's default: name, value, default, source
 * @param parameters every parameter in force: name, value, default, source
 * @param disabled   what was given, what it left out
 * @param overrides  code, severity, the severity its rule declares
 */
record Audit(String engine, String limits, List<List<String>> packs, List<List<String>> changed,
             List<List<String>> parameters, List<List<String>> disabled, List<List<String>> overrides) {

    static Audit of(EngineInfo info) {
        String engine = "Mission Engine " + info.version() + (info.java() == null ? "" : " on Java " + info.java());
        EngineInfo.Limits l = info.limits();
        String limits = l == null ? "" : "threads: " + (l.threads() == 0 ? "one per processor" : l.threads())
                + " · timeout: " + Text.number(l.timeout().toMillis() / 1000.0) + " s · max firings: " + l.maxFirings();
        List<List<String>> packs = new ArrayList<>();
        if (info.packs().isEmpty()) {
            info.rulePacks().forEach(p -> packs.add(List.of(p, "", "", "")));
        }
        info.packs().forEach(p -> packs.add(List.of(p.id(), p.version(), p.shortHash(), p.source())));
        List<List<String>> changed = new ArrayList<>();
        List<List<String>> parameters = new ArrayList<>();
        for (EngineInfo.Parameter p : info.parameters()) {
            List<String> row = List.of(p.name(), Text.value(p.value()),
                    p.defaultValue() == null ? "—" : Text.value(p.defaultValue()), source(p));
            parameters.add(row);
            if (p.differsFromDefault()) {
                changed.add(row);
            }
        }
        List<List<String>> disabled = new ArrayList<>();
        info.disabled().forEach(d -> disabled.add(List.of(d.given(), String.join("; ", d.rules().stream()
                .map(r -> r.pack() + ": " + r.rule() + (r.code() == null ? "" : " (" + r.code() + ")")).toList()))));
        List<List<String>> overrides = new ArrayList<>();
        info.severityOverrides().forEach(o -> overrides.add(List.of(o.code(), o.severity().name(),
                o.declared() == null ? "—" : o.declared().name())));
        return new Audit(engine, limits, packs, changed, parameters, disabled, overrides);
    }

    /** {@code default of pack rating}, {@code portfolio file}, {@code option (--param)}. */
    static String source(EngineInfo.Parameter p) {
        return switch (p.source()) {
            case DEFAULT -> p.pack() == null ? "default" : "default of pack " + p.pack();
            case PORTFOLIO -> "portfolio file";
            case OPTION -> "option (--param)";
        };
    }

    /** One line for the text report's footer. */
    String footer() {
        StringBuilder sb = new StringBuilder(engine);
        if (!limits.isEmpty()) {
            sb.append("; ").append(limits);
        }
        sb.append(". Packs: ").append(String.join(", ", packs.stream()
                .map(p -> p.get(1).isEmpty() ? p.get(0) : p.get(0) + "@" + p.get(1) + " " + p.get(2)).toList()));
        sb.append(". Parameters changed: ").append(changed.isEmpty() ? "none" : String.join(", ", changed.stream()
                .map(p -> p.get(0) + "=" + p.get(1) + " from " + p.get(3)).toList()));
        sb.append(". Disabled: ").append(disabled.isEmpty() ? "none" : String.join(", ", disabled.stream()
                .map(d -> d.get(0)).toList()));
        sb.append(". Severity overrides: ").append(overrides.isEmpty() ? "none" : String.join(", ", overrides.stream()
                .map(o -> o.get(0) + "=" + o.get(1)).toList()));
        return sb.append('.').toString();
    }
}
