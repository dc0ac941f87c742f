package io.jenkins.plugins.securitycatalogue.formats.yarn;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.npm.NpmAdvisories;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the lines of one yarn audit report said so far: findings go to the context, the rest is counted. */
final class YarnAuditLines {
    private final ParseContext context;
    private final String tool;
    private int lines;
    private int advisories;
    private int deprecations;
    private boolean summary;
    @CheckForNull
    private String firstError;

    YarnAuditLines(ParseContext context, String tool) {
        this.context = context;
        this.tool = tool;
    }

    boolean isEmpty() {
        return lines == 0;
    }

    /** Takes one line, an object. */
    void line(JsonNode line, int number) {
        lines++;
        String where = "line " + number;
        if (line.has("type")) {
            typed(line, where);
        }
        else if (line.has("children")) {
            berry(line, where);
        }
        else if (line.has("advisories")) {
            summary = true;
            line.get("advisories").fields().forEachRemaining(entry -> legacy(entry.getValue(),
                    where + ": advisories." + entry.getKey()));
        }
        else {
            context.skip(where, "neither a yarn audit line nor a yarn npm audit entry");
        }
    }

    private void typed(JsonNode line, String where) {
        String type = String.valueOf(Json.text(line, "type"));
        switch (type) {
            case "auditAdvisory" -> legacy(Json.at(line, "data", "advisory"), where);
            case "auditSummary" -> summary = true;
            case "error" -> {
                if (firstError == null) {
                    firstError = firstLine(Json.text(line, "data"));
                }
            }
            default -> {
                // info, warning and auditAction lines say nothing a finding needs
            }
        }
    }

    private void legacy(@CheckForNull JsonNode advisory, String where) {
        if (advisory == null || !advisory.isObject()) {
            context.skip(where, "the advisory is missing");
            return;
        }
        advisories++;
        NpmAdvisories.addLegacy(context, tool, advisory, where);
    }

    /** Takes one package entry of yarn 4; deprecation notices are not vulnerabilities and are only counted. */
    private void berry(JsonNode line, String where) {
        JsonNode children = line.get("children");
        String link = Json.text(children, "URL");
        String id = YarnAuditFormat.berryId(Json.at(children, "ID"), link);
        if (link == null && id != null && id.endsWith("(deprecation)")) {
            deprecations++;
            return;
        }
        advisories++;
        String name = Json.text(line, "value");
        Set<String> versions = new LinkedHashSet<>();
        Json.eachText(children, "Tree Versions", versions::add);
        List<String> dependents = new ArrayList<>();
        Json.eachText(children, "Dependents", dependents::add);
        FindingBuilder finding = context.finding(tool, FindingKind.VULNERABILITY)
                .id(id)
                .title(Json.text(children, "Issue"))
                .description(dependents.isEmpty() ? null : "Required by: " + String.join(", ", dependents))
                .severity(Severity.fromText(Json.text(children, "Severity")))
                .url(link)
                .packageName(name)
                .installedVersion(versions.isEmpty() ? null : String.join(", ", versions))
                .fixedVersion(NpmAdvisories.firstAfter(Json.text(children, "Vulnerable Versions")));
        if (name != null && versions.size() == 1) {
            finding.purl(NpmAdvisories.purl(name, versions.iterator().next()));
        }
        context.add(finding, where);
    }

    /** Records how the report ended: an error line, or a yarn 1 report without its summary, is incomplete. */
    void finish() {
        if (deprecations > 0) {
            context.log().info("%s: %d deprecation notices are not vulnerabilities and were not recorded",
                    context.file(), deprecations);
        }
        if (firstError != null) {
            context.toolIncomplete(tool, "yarn reported an error: " + firstError);
        }
        else if (!summary && advisories == 0 && deprecations == 0) {
            context.toolIncomplete(tool, "the report has neither advisories nor an audit summary");
        }
    }

    private static String firstLine(@CheckForNull String text) {
        if (text == null) {
            return "no detail";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
