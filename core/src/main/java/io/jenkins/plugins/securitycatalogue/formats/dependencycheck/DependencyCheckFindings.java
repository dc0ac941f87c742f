package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one vulnerability of a Dependency-Check report into a finding. Both report formats meet here: the JSON
 * reader hands over the vulnerability as written, the XML reader as a tree of the same shape, so that the two
 * formats cannot drift apart in what they keep.
 */
final class DependencyCheckFindings {
    /** The tool name of both formats. */
    static final String TOOL = "OWASP Dependency-Check";

    private static final Pattern CWE = Pattern.compile("(?i)^\\s*(?:CWE-?)?(\\d{1,6})\\b");
    private static final Set<String> VECTOR_WORDS = Set.of("NETWORK", "ADJACENT_NETWORK", "ADJACENT", "LOCAL",
            "PHYSICAL", "LOW", "MEDIUM", "HIGH", "NONE", "REQUIRED", "UNCHANGED", "CHANGED", "PARTIAL", "COMPLETE",
            "SINGLE", "SINGLE_INSTANCE", "MULTIPLE", "MULTIPLE_INSTANCES");
    /** The metrics of a vector, each with the keys the report versions used for it. */
    private static final List<Metric> V2_FIELDS = Metric.all("accessVector:AV", "accessComplexity:AC",
            "authenticationr|authenticationr>|authentication:Au", "confidentialImpact|confidentialityImpact:C",
            "integrityImpact:I", "availabilityImpact:A");
    private static final List<Metric> V3_FIELDS = Metric.all("attackVector:AV", "attackComplexity:AC",
            "privilegesRequired:PR", "userInteraction:UI", "scope:S", "confidentialityImpact:C",
            "integrityImpact:I", "availabilityImpact:A");
    private static final int MAX_TITLE = 160;
    private static final Pattern SCORE = Pattern.compile("\\d{1,2}(\\.\\d+)?");

    private DependencyCheckFindings() {
    }

    /**
     * Adds the finding of one vulnerability of the dependency.
     *
     * @param vulnerability the vulnerability in the JSON report's shape
     * @param suppressed whether it was listed among the suppressed vulnerabilities
     * @param where where it was in the report, for warnings
     */
    static void add(ParseContext context, DependencyCheckPackage dependency, JsonNode vulnerability,
            boolean suppressed, String where) {
        String name = Json.text(vulnerability, "name");
        String description = Json.text(vulnerability, "description");
        FindingBuilder finding = context.finding(TOOL, FindingKind.VULNERABILITY)
                .id(name)
                .title(title(name, description))
                .description(description)
                .severity(severity(vulnerability))
                .packageName(dependency.packageName())
                .purl(dependency.purl())
                .installedVersion(dependency.version())
                .fixedVersion(fixedVersion(vulnerability))
                .target(dependency.target())
                .path(dependency.filePath())
                .firstUrl(links(vulnerability));
        cvss(finding, vulnerability);
        Json.list(vulnerability, "cwes").forEach(cwe -> cwe(finding, cwe.asText()));
        cwe(finding, Json.text(vulnerability, "cwe"));
        if (suppressed) {
            String notes = Json.text(vulnerability, "notes");
            finding.suppressed(notes == null ? "suppressed in Dependency-Check" : "suppressed in Dependency-Check: "
                    + notes);
        }
        context.add(finding, where);
    }

    /**
     * Returns the severity: the report's own word, else the CVSS v3, v4 and v2 severity or score in that order.
     * Unscored vulnerabilities carry the word, or a number, or {@code 0.0} written as {@code Unknown}.
     */
    static Severity severity(JsonNode vulnerability) {
        Severity word = word(Json.text(vulnerability, "severity"));
        if (word != Severity.UNKNOWN) {
            return word;
        }
        for (String version : List.of("cvssv3", "cvssv4")) {
            Severity severity = word(Json.text(vulnerability, version, "baseSeverity"));
            if (severity == Severity.UNKNOWN) {
                severity = word(Json.text(vulnerability, version, "baseSeverity>"));
            }
            if (severity == Severity.UNKNOWN) {
                severity = score(Json.number(vulnerability, version, "baseScore"));
            }
            if (severity != Severity.UNKNOWN) {
                return severity;
            }
        }
        Severity v2 = score(Json.number(vulnerability, "cvssv2", "score"));
        return v2 == Severity.UNKNOWN ? word(Json.text(vulnerability, "cvssv2", "severity")) : v2;
    }

    private static Severity word(@CheckForNull String text) {
        if (text != null && SCORE.matcher(text).matches()) {
            return score(Double.valueOf(text));
        }
        return Severity.fromText(text);
    }

    private static Severity score(@CheckForNull Double score) {
        return score == null ? Severity.UNKNOWN : Severity.fromCvss(score);
    }

    private static void cvss(FindingBuilder finding, JsonNode vulnerability) {
        Double v3 = Json.number(vulnerability, "cvssv3", "baseScore");
        if (v3 != null) {
            String version = Json.text(vulnerability, "cvssv3", "version");
            String vector = vector(Json.at(vulnerability, "cvssv3"), V3_FIELDS);
            finding.cvss(v3, vector == null || version == null ? null : "CVSS:" + version + "/" + vector);
            return;
        }
        Double v4 = Json.number(vulnerability, "cvssv4", "baseScore");
        if (v4 != null) {
            finding.cvss(v4, Json.text(vulnerability, "cvssv4", "vectorString"));
            return;
        }
        Double v2 = Json.number(vulnerability, "cvssv2", "score");
        if (v2 != null) {
            finding.cvss(v2, vector(Json.at(vulnerability, "cvssv2"), V2_FIELDS));
        }
    }

    /** Returns the vector written from the metric words, or {@code null} if one is missing or not known. */
    @CheckForNull
    static String vector(@CheckForNull JsonNode metrics, List<Metric> fields) {
        var vector = new StringBuilder();
        for (Metric field : fields) {
            String value = null;
            for (String key : field.keys()) {
                value = value == null ? Json.text(metrics, key) : value;
            }
            if (value == null || !VECTOR_WORDS.contains(value.toUpperCase(java.util.Locale.ROOT))) {
                return null;
            }
            vector.append(vector.length() == 0 ? "" : "/").append(field.metric()).append(':')
                    .append(Character.toUpperCase(value.charAt(0)));
        }
        return vector.toString();
    }

    /**
     * One metric of a CVSS vector: the report's keys for it, the first present taken, and its abbreviation.
     * Written as {@code key|other key:abbreviation} and split once, not once per finding.
     */
    record Metric(List<String> keys, String metric) {
        static List<Metric> all(String... fields) {
            List<Metric> metrics = new ArrayList<>();
            for (String field : fields) {
                String[] keyAndMetric = field.split(":");
                metrics.add(new Metric(List.of(keyAndMetric[0].split("\\|")), keyAndMetric[1]));
            }
            return List.copyOf(metrics);
        }
    }

    /** Adds a CWE given as {@code CWE-79} or {@code CWE-79 name}; {@code NVD-CWE-Other} and CWE-0 are no CWE. */
    private static void cwe(FindingBuilder finding, @CheckForNull String text) {
        if (text == null) {
            return;
        }
        Matcher matcher = CWE.matcher(text);
        if (matcher.find() && Integer.parseInt(matcher.group(1)) > 0) {
            finding.cwe("CWE-" + Integer.parseInt(matcher.group(1)));
        }
    }

    /** Returns the end of the matched vulnerable range, which is the first version that fixes it. */
    @CheckForNull
    private static String fixedVersion(JsonNode vulnerability) {
        for (JsonNode software : Json.list(vulnerability, "vulnerableSoftware")) {
            String matched = Json.text(software, "software", "vulnerabilityIdMatched");
            if ("true".equalsIgnoreCase(matched)) {
                return Json.text(software, "software", "versionEndExcluding");
            }
        }
        return null;
    }

    /** Returns the references' links; the first http or https one is the finding's link. */
    private static List<String> links(JsonNode vulnerability) {
        List<String> links = new ArrayList<>();
        for (JsonNode reference : Json.list(vulnerability, "references")) {
            links.add(Json.text(reference, "url"));
        }
        return links;
    }

    @CheckForNull
    private static String title(@CheckForNull String name, @CheckForNull String description) {
        String line = Texts.line(description);
        if (line == null) {
            return name;
        }
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 1).strip() + "…";
    }
}
