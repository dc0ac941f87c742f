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
 * Maps code scanning alerts ({@code GET /repos/{owner}/{repo}/code-scanning/alerts}) to findings of the tool
 * {@value #TOOL}. The alert number is GitHub's stable identity of an alert, so it makes the fingerprint: the same
 * alert keeps its identity across imports wherever its location moves. Dismissed alerts are suppressed with the
 * reason; fixed and closed ones are left out, so that the merge marks them fixed.
 */
final class CodeScanningAlerts {
    /** The tool name of the imported scans. */
    static final String TOOL = "GitHub code scanning";

    private CodeScanningAlerts() {
    }

    /** Adds the alerts to the context; returns how many were left out as fixed. */
    static int addAll(List<JsonNode> alerts, ParseContext context) {
        context.toolRan(TOOL);
        int fixed = 0;
        for (int index = 0; index < alerts.size(); index++) {
            JsonNode alert = alerts.get(index);
            String state = lower(Json.text(alert, "state"));
            if ("fixed".equals(state) || "closed".equals(state)) {
                fixed++;
                continue;
            }
            context.add(finding(alert, state, context), "alert " + index + " (number "
                    + Json.text(alert, "number") + ")");
        }
        return fixed;
    }

    private static FindingBuilder finding(JsonNode alert, @CheckForNull String state, ParseContext context) {
        JsonNode rule = Json.at(alert, "rule");
        JsonNode instance = Json.at(alert, "most_recent_instance");
        String ruleId = Json.text(rule, "id");
        FindingBuilder builder = context.finding(TOOL, FindingKind.WEAKNESS)
                .id(ruleId == null ? Json.text(rule, "name") : ruleId)
                .title(first(Json.text(rule, "description"), Json.text(instance, "message", "text")))
                .description(description(alert, instance))
                .severity(severity(rule))
                .path(Json.text(instance, "location", "path"))
                .line(Json.line(instance, "location", "start_line"))
                .url(Json.text(alert, "html_url"))
                .partialFingerprint("github-alert:" + Json.text(alert, "number"));
        Json.eachText(rule, "tags", tag -> builder.cwe(cweOf(tag)));
        if ("dismissed".equals(state)) {
            builder.suppressed(dismissal(alert));
        }
        return builder;
    }

    /** Uses {@code security_severity_level} where the rule has one, else the rule's SARIF-style level. */
    static Severity severity(@CheckForNull JsonNode rule) {
        Severity security = Severity.fromText(Json.text(rule, "security_severity_level"));
        if (security != Severity.UNKNOWN) {
            return security;
        }
        String level = lower(Json.text(rule, "severity"));
        if (level == null) {
            return Severity.UNKNOWN;
        }
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "note" -> Severity.LOW;
            case "none" -> Severity.INFO;
            default -> Severity.UNKNOWN;
        };
    }

    private static String description(JsonNode alert, @CheckForNull JsonNode instance) {
        String message = Json.text(instance, "message", "text");
        String tool = Json.text(alert, "tool", "name");
        String version = Json.text(alert, "tool", "version");
        String reportedBy = tool == null ? "" : "Reported by " + tool + (version == null ? "" : " " + version) + ".";
        return message == null ? reportedBy : message + (reportedBy.isEmpty() ? "" : "\n" + reportedBy);
    }

    private static String dismissal(JsonNode alert) {
        String reason = Json.text(alert, "dismissed_reason");
        String comment = Json.text(alert, "dismissed_comment");
        return "dismissed on GitHub" + (reason == null ? "" : ": " + reason) + (comment == null ? "" : " (" + comment
                + ")");
    }

    @CheckForNull
    private static String cweOf(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        return lower.startsWith("external/cwe/") ? lower.substring("external/cwe/".length()) : null;
    }

    @CheckForNull
    private static String first(@CheckForNull String one, @CheckForNull String other) {
        return one != null ? one : other;
    }

    @CheckForNull
    private static String lower(@CheckForNull String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
