package io.jenkins.plugins.securitycatalogue.formats.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.UnexpectedShapeException;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.io.IOException;

/**
 * Reads the JSON of {@code npm audit --json} and {@code pnpm audit --json}, streaming: the legacy report
 * ({@code advisories} keyed by advisory id, npm 6 and pnpm), the report version 2 ({@code vulnerabilities} keyed
 * by package, npm 7 and later), and the error object npm and pnpm write when the audit service fails.
 */
final class NpmAuditReader {
    private final String tool;
    private final ParseContext context;
    private boolean understood;
    @CheckForNull
    private String message;
    @CheckForNull
    private JsonNode error;

    NpmAuditReader(String tool, ParseContext context) {
        this.tool = tool;
        this.context = context;
    }

    void read(ReportInput input) throws IOException {
        context.toolRan(tool);
        try (JsonParser parser = Json.parser(input.open())) {
            parser.nextToken();
            Json.forEachField(parser, this::field);
            if (error != null) {
                failed(error);
            }
            else if (!understood) {
                throw new UnexpectedShapeException(parser, "an audit report has advisories, vulnerabilities or an"
                        + " error object");
            }
        }
    }

    private void field(String name, JsonParser value) throws IOException {
        switch (name) {
            case "auditReportVersion" -> version(value.getValueAsString());
            case "advisories" -> {
                understood = true;
                Json.forEachField(value, (id, advisory) -> NpmAdvisories.addLegacy(context, tool,
                        Json.readTree(advisory), "advisories." + id));
            }
            case "vulnerabilities" -> {
                understood = true;
                Json.forEachField(value, (key, entry) -> vulnerablePackage(key, Json.readTree(entry)));
            }
            case "error" -> error = Json.readTree(value);
            case "message" -> message = value.getValueAsString();
            default -> {
                // actions, muted, metadata and runId say nothing a finding needs
            }
        }
    }

    private void version(@CheckForNull String version) {
        if (!"2".equals(version)) {
            context.toolIncomplete(tool, "audit report version " + version + " is not one this version reads"
                    + " (2); findings may be missing");
        }
    }

    private void failed(JsonNode errorObject) {
        var reason = new StringBuilder();
        for (String part : new String[] {Json.text(errorObject, "code"), Json.text(errorObject, "summary"),
                Json.text(errorObject, "message"), Json.text(errorObject, "detail"), message}) {
            if (part != null && reason.indexOf(part) < 0) {
                reason.append(reason.length() == 0 ? "" : ": ").append(part);
            }
        }
        if (reason.length() == 0) {
            reason.append(errorObject.isValueNode() ? errorObject.asText() : "no detail");
        }
        context.toolIncomplete(tool, "the audit failed (" + reason + ")");
    }

    /** Adds one finding per advisory of a package of a version 2 report; a bare name is a path, not a finding. */
    private void vulnerablePackage(String key, JsonNode entry) {
        String name = Json.text(entry, "name");
        String packageName = name == null ? key : name;
        int index = 0;
        for (JsonNode via : Json.list(entry, "via")) {
            if (via.isObject()) {
                advisory(packageName, entry, via, "vulnerabilities." + key + ".via[" + index + "]");
            }
            index++;
        }
    }

    private void advisory(String packageName, JsonNode entry, JsonNode via, String where) {
        String link = Json.text(via, "url");
        String source = Json.text(via, "source");
        String id = NpmAdvisories.ghsa(link);
        JsonNode fix = entry.get("fixAvailable");
        boolean noFix = fix != null && fix.isBoolean() && !fix.asBoolean();
        FindingBuilder finding = context.finding(tool, FindingKind.VULNERABILITY)
                .id(id == null && source != null ? "npm-advisory-" + source : id)
                .title(Json.text(via, "title"))
                .description(fixText(fix))
                .severity(Severity.fromText(Json.text(via, "severity")))
                .url(link)
                .packageName(packageName)
                .fixedVersion(noFix ? null : NpmAdvisories.firstAfter(Json.text(via, "range")))
                .path(Json.text(Json.list(entry, "nodes").stream().findFirst().orElse(null)));
        Json.eachText(via, "cwe", finding::cwe);
        NpmAdvisories.cvss(finding, Json.at(via, "cvss"));
        context.add(finding, where);
    }

    @CheckForNull
    private static String fixText(@CheckForNull JsonNode fix) {
        if (fix == null || fix.isNull()) {
            return null;
        }
        if (fix.isBoolean()) {
            return fix.asBoolean() ? "npm audit fix can fix it." : "npm reports no fix available.";
        }
        String name = Json.text(fix, "name");
        String version = Json.text(fix, "version");
        boolean major = "true".equals(Json.text(fix, "isSemVerMajor"));
        return "npm audit fix can fix it by installing " + name + "@" + version
                + (major ? " (a semver-major change)." : ".");
    }
}
