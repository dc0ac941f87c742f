package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The key-value fields at the top of a post-mortem in Markdown (Severity, Started, Services, ...). */
final class MarkdownFields {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("start", "started"), Map.entry("start time", "started"), Map.entry("began", "started"),
            Map.entry("detection time", "detected"), Map.entry("mitigation time", "mitigated"),
            Map.entry("end", "resolved"), Map.entry("ended", "resolved"), Map.entry("end time", "resolved"),
            Map.entry("resolution time", "resolved"), Map.entry("cves", "vulnerabilities"),
            Map.entry("cve", "vulnerabilities"), Map.entry("advisories", "vulnerabilities"),
            Map.entry("affected services", "services"), Map.entry("affected environments", "environments"),
            Map.entry("affected versions", "versions"), Map.entry("disclosure", "disclosure due"),
            Map.entry("notification due", "disclosure due"), Map.entry("incident id", "id"));
    private static final Set<String> KNOWN = Set.of("id", "status", "severity", "started", "detected", "mitigated",
            "resolved", "vulnerabilities", "findings", "services", "environments", "versions", "introduced by",
            "fixed by", "disclosure due", "disclosure note");
    private static final Pattern BUILD = Pattern.compile("^(.+?)(?:\\s+#(\\d+))?(?:\\s+<?(https?://\\S+?)>?)?$");

    private MarkdownFields() {
    }

    /** Returns whether the key names a field the import understands. */
    static boolean isKnown(String key) {
        return KNOWN.contains(canonical(key));
    }

    private static String canonical(String key) {
        String lower = key.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }

    @CheckForNull
    private static String get(Map<String, String> fields, String key) {
        for (var field : fields.entrySet()) {
            if (canonical(field.getKey()).equals(key) && !field.getValue().isBlank()) {
                return field.getValue().strip();
            }
        }
        return null;
    }

    /** Reads the four times. */
    static IncidentTimes times(Map<String, String> fields) {
        return new IncidentTimes(MarkdownImport.time(get(fields, "started")),
                MarkdownImport.time(get(fields, "detected")), MarkdownImport.time(get(fields, "mitigated")),
                MarkdownImport.time(get(fields, "resolved")));
    }

    @CheckForNull
    static IncidentId id(Map<String, String> fields) {
        String id = get(fields, "id");
        return id == null ? null : IncidentId.parse(id);
    }

    @CheckForNull
    static IncidentStatus status(Map<String, String> fields) {
        String status = get(fields, "status");
        return status == null ? null : IncidentStatus.parse(status);
    }

    /** Reads the security fields. */
    static SecurityDetails security(Map<String, String> fields) {
        return new SecurityDetails(list(fields, "vulnerabilities"), list(fields, "findings"),
                list(fields, "services"), list(fields, "environments"), list(fields, "versions"),
                build(get(fields, "introduced by")), build(get(fields, "fixed by")),
                new SecurityDetails.Disclosure(yesNo(get(fields, "disclosure due")), get(fields, "disclosure note")));
    }

    private static List<String> list(Map<String, String> fields, String key) {
        String value = get(fields, key);
        return value == null ? List.of() : Arrays.stream(value.split("[,;]")).map(String::strip)
                .filter(item -> !item.isEmpty()).toList();
    }

    @CheckForNull
    private static BuildReference build(@CheckForNull String value) {
        if (value == null) {
            return null;
        }
        Matcher build = BUILD.matcher(value);
        if (!build.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a build like 'job-name #12 https://...'");
        }
        return new BuildReference(build.group(1), build.group(2) == null ? null : Long.valueOf(build.group(2)),
                build.group(3));
    }

    @CheckForNull
    private static Boolean yesNo(@CheckForNull String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("yes") || lower.startsWith("true")) {
            return Boolean.TRUE;
        }
        if (lower.startsWith("no") || lower.startsWith("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("Disclosure due must be yes or no, got '" + value + "'");
    }
}
