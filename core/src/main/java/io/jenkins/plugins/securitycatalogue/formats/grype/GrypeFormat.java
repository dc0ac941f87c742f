package io.jenkins.plugins.securitycatalogue.formats.grype;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Grype's JSON report ({@code grype -o json}). Each element of {@code matches} is one vulnerability in one
 * package, however many {@code matchDetails} explain it; {@code ignoredMatches} are kept as suppressed findings.
 * Grype writes {@code source} after the matches, so the image is not known while they stream: a finding's target
 * is the file the package was found in, which also keeps findings stable across image tags.
 */
public final class GrypeFormat implements ReportFormat {
    private static final String TOOL = "Grype";
    private static final Set<String> MATCH_KEYS = Set.of("vulnerability", "artifact");

    /** Creates the format; it keeps no state between reports. */
    public GrypeFormat() {
        // stateless
    }

    @Override
    public String id() {
        return "grype";
    }

    @Override
    public String displayName() {
        return "Grype JSON";
    }

    @Override
    public String description() {
        return "Grype -o json (matches with vulnerability, artifact and related vulnerabilities)";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        if (sniff.shape() != Sniff.Shape.JSON_OBJECT || !sniff.hasKey("matches")) {
            return false;
        }
        return sniff.childKeys("matches").containsAll(MATCH_KEYS)
                || "grype".equalsIgnoreCase(sniff.childText("descriptor", "name").orElse(""));
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        try (JsonParser parser = Json.parser(input.open())) {
            if (parser.nextToken() == null) {
                context.log().warning("%s: the file is empty; nothing is recorded from it", context.file());
                return;
            }
            Json.forEachField(parser, (name, value) -> field(name, value, context));
            context.toolRan(TOOL);
        }
    }

    private static void field(String name, JsonParser parser, ParseContext context) throws IOException {
        switch (name) {
            case "matches" -> Json.forEachElement(parser, (match, index) ->
                    context.add(match(match, context), "matches[" + index + "]"));
            case "ignoredMatches" -> Json.forEachElement(parser, (match, index) ->
                    context.add(match(match, context).suppressed(ignoredBecause(match)),
                            "ignoredMatches[" + index + "]"));
            case "descriptor" -> descriptor(Json.readTree(parser), context);
            default -> {
                // source, distro: the image is not a finding's target here (see the class comment)
            }
        }
    }

    private static void descriptor(JsonNode descriptor, ParseContext context) {
        String name = Json.text(descriptor, "name");
        if (name != null && !"grype".equalsIgnoreCase(name)) {
            context.log().warning("%s: the report says it was written by '%s', not grype; read as Grype JSON",
                    context.file(), name);
        }
    }

    private static FindingBuilder match(JsonNode match, ParseContext context) {
        JsonNode vulnerability = Json.at(match, "vulnerability");
        JsonNode artifact = Json.at(match, "artifact");
        String id = Json.text(vulnerability, "id");
        List<JsonNode> related = Json.list(match, "relatedVulnerabilities");
        String description = Texts.firstNonBlank(Json.text(vulnerability, "description"), relatedDescription(related, id));
        String location = Json.list(artifact, "locations").stream()
                .map(node -> Json.text(node, "path")).filter(path -> path != null).findFirst().orElse(null);

        FindingBuilder finding = context.finding(TOOL, FindingKind.VULNERABILITY)
                .id(id)
                .title(Texts.firstLine(description))
                .description(description)
                .packageName(Json.text(artifact, "name"))
                .installedVersion(Json.text(artifact, "version"))
                .purl(Json.text(artifact, "purl"))
                .fixedVersion(fixedVersion(match, vulnerability))
                .target(Texts.firstNonBlank(location, Json.text(artifact, "name")))
                .path(location)
                .firstUrl(links(vulnerability, related));
        related.forEach(other -> finding.alias(Json.text(other, "id")));
        cwes(vulnerability, finding);
        severity(vulnerability, related, finding);
        return finding;
    }

    /** Takes Grype's own severity word; the CVSS score decides only where Grype gives no word at all. */
    private static void severity(@CheckForNull JsonNode vulnerability, List<JsonNode> related,
            FindingBuilder finding) {
        JsonNode cvss = bestCvss(Json.list(vulnerability, "cvss"));
        for (int i = 0; cvss == null && i < related.size(); i++) {
            cvss = bestCvss(Json.list(related.get(i), "cvss"));
        }
        Double score = Json.number(cvss, "metrics", "baseScore");
        finding.cvss(score, Json.text(cvss, "vector"));
        String word = Json.text(vulnerability, "severity");
        if (word == null && score != null) {
            finding.severity(Severity.fromCvss(score));
        }
        else {
            finding.severity(Severity.fromText(word));
        }
    }

    /** Returns the CVSS entry of the highest version with a base score, a primary one before a secondary. */
    @CheckForNull
    private static JsonNode bestCvss(List<JsonNode> entries) {
        JsonNode best = null;
        double bestRank = -1;
        for (JsonNode entry : entries) {
            if (Json.number(entry, "metrics", "baseScore") == null) {
                continue;
            }
            Double version = Json.number(entry, "version");
            double rank = (version == null ? 0 : version) * 10
                    + ("primary".equalsIgnoreCase(Json.text(entry, "type")) ? 1 : 0);
            if (rank > bestRank) {
                best = entry;
                bestRank = rank;
            }
        }
        return best;
    }

    private static void cwes(@CheckForNull JsonNode vulnerability, FindingBuilder finding) {
        for (JsonNode cwe : Json.list(vulnerability, "cwes")) {
            finding.cwe(cwe.isObject() ? Json.text(cwe, "cwe") : cwe.asText());
        }
    }

    /** Returns the version Grype suggests, else the first fixed version it lists. */
    @CheckForNull
    private static String fixedVersion(JsonNode match, @CheckForNull JsonNode vulnerability) {
        for (JsonNode detail : Json.list(match, "matchDetails")) {
            String suggested = Json.text(detail, "fix", "suggestedVersion");
            if (suggested != null) {
                return suggested;
            }
        }
        List<JsonNode> versions = Json.list(vulnerability, "fix", "versions");
        if (!versions.isEmpty() && !versions.get(0).asText().isBlank()) {
            return versions.get(0).asText();
        }
        List<JsonNode> available = Json.list(vulnerability, "fix", "available");
        return available.isEmpty() ? null : Json.text(available.get(0), "version");
    }

    /**
     * Returns the candidate links in order: the record's data source, its first URL, the related records' data
     * sources; the first http or https one is the finding's link.
     */
    private static List<String> links(@CheckForNull JsonNode vulnerability, List<JsonNode> related) {
        List<String> links = new ArrayList<>();
        links.add(Json.text(vulnerability, "dataSource"));
        List<JsonNode> urls = Json.list(vulnerability, "urls");
        if (!urls.isEmpty()) {
            links.add(urls.get(0).asText());
        }
        related.forEach(other -> links.add(Json.text(other, "dataSource")));
        return links;
    }

    /** Returns the description of a related record, the same id first: distro records often have none. */
    @CheckForNull
    private static String relatedDescription(List<JsonNode> related, @CheckForNull String id) {
        String any = null;
        for (JsonNode other : related) {
            String description = Json.text(other, "description");
            if (description != null && id != null && id.equalsIgnoreCase(Json.text(other, "id"))) {
                return description;
            }
            any = any == null ? description : any;
        }
        return any;
    }

    private static String ignoredBecause(JsonNode match) {
        for (JsonNode rule : Json.list(match, "appliedIgnoreRules")) {
            String reason = Texts.firstNonBlank(Json.text(rule, "reason"), Json.text(rule, "vulnerability"),
                    Json.text(rule, "fix-state"), Json.text(rule, "namespace"));
            if (reason != null) {
                return "ignored by a grype rule: " + reason;
            }
        }
        return "ignored by a grype rule";
    }

}
