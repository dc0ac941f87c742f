package io.jenkins.plugins.securitycatalogue.github;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Maps Dependabot alerts ({@code GET /repos/{owner}/{repo}/dependabot/alerts}) to vulnerability findings of the tool
 * {@value #TOOL}: the CVE (else the GHSA id) in the package of the manifest, so the same alert keeps its
 * fingerprint across imports. Dismissed and auto-dismissed alerts are suppressed with the reason; fixed ones are left
 * out, so that the merge marks them fixed.
 */
final class DependabotAlerts {
    /** The tool name of the imported scans. */
    static final String TOOL = "Dependabot";

    private DependabotAlerts() {
    }

    /** Adds the alerts to the context; returns how many were left out as fixed. */
    static int addAll(List<JsonNode> alerts, ParseContext context) {
        context.toolRan(TOOL);
        int fixed = 0;
        for (int index = 0; index < alerts.size(); index++) {
            JsonNode alert = alerts.get(index);
            String state = Json.text(alert, "state");
            if ("fixed".equalsIgnoreCase(state)) {
                fixed++;
                continue;
            }
            context.add(finding(alert, state == null ? "" : state.toLowerCase(Locale.ROOT), context),
                    "alert " + index + " (number " + Json.text(alert, "number") + ")");
        }
        return fixed;
    }

    private static FindingBuilder finding(JsonNode alert, String state, ParseContext context) {
        JsonNode advisory = Json.at(alert, "security_advisory");
        JsonNode vulnerability = Json.at(alert, "security_vulnerability");
        String cve = Json.text(advisory, "cve_id");
        String ghsa = Json.text(advisory, "ghsa_id");
        FindingBuilder builder = context.finding(TOOL, FindingKind.VULNERABILITY)
                .id(cve != null ? cve : ghsa)
                .alias(ghsa)
                .title(Json.text(advisory, "summary"))
                .description(description(advisory, vulnerability))
                .severity(Severity.fromText(first(Json.text(vulnerability, "severity"),
                        Json.text(advisory, "severity"))))
                .packageName(first(Json.text(vulnerability, "package", "name"),
                        Json.text(alert, "dependency", "package", "name")))
                .fixedVersion(Json.text(vulnerability, "first_patched_version", "identifier"))
                .target(Json.text(alert, "dependency", "manifest_path"))
                .url(Json.text(alert, "html_url"));
        for (JsonNode identifier : Json.list(advisory, "identifiers")) {
            builder.alias(Json.text(identifier, "value"));
        }
        for (JsonNode cwe : Json.list(advisory, "cwes")) {
            builder.cwe(Json.text(cwe, "cwe_id"));
        }
        cvss(advisory, builder);
        suppression(alert, state, builder);
        return builder;
    }

    /** Prefers the CVSS v4, then v3 score of {@code cvss_severities}, then the older {@code cvss} object. */
    private static void cvss(@CheckForNull JsonNode advisory, FindingBuilder builder) {
        for (String[] path : new String[][] {{"cvss_severities", "cvss_v4"}, {"cvss_severities", "cvss_v3"},
            {"cvss"}}) {
            JsonNode cvss = Json.at(advisory, path);
            Double score = Json.number(cvss, "score");
            if (score != null && score > 0) {
                builder.cvss(score, Json.text(cvss, "vector_string"));
                return;
            }
        }
    }

    private static void suppression(JsonNode alert, String state, FindingBuilder builder) {
        if ("dismissed".equals(state)) {
            String reason = Json.text(alert, "dismissed_reason");
            String comment = Json.text(alert, "dismissed_comment");
            builder.suppressed("dismissed on GitHub" + (reason == null ? "" : ": " + reason)
                    + (comment == null ? "" : " (" + comment + ")"));
        }
        else if ("auto_dismissed".equals(state)) {
            builder.suppressed("auto-dismissed on GitHub by a Dependabot rule");
        }
    }

    private static String description(@CheckForNull JsonNode advisory, @CheckForNull JsonNode vulnerability) {
        String range = Json.text(vulnerability, "vulnerable_version_range");
        String text = Json.text(advisory, "description");
        String affected = range == null ? "" : "Vulnerable versions: " + range + ".";
        return text == null ? affected : affected.isEmpty() ? text : affected + "\n\n" + text;
    }

    @CheckForNull
    private static String first(@CheckForNull String one, @CheckForNull String other) {
        return one != null ? one : other;
    }
}
