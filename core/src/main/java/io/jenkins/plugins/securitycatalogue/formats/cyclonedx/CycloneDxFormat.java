package io.jenkins.plugins.securitycatalogue.formats.cyclonedx;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The vulnerabilities of a CycloneDX JSON document (1.4 to 1.6): an SBOM with a vulnerabilities section, or a
 * standalone VEX document. One finding per vulnerability and affected component; a VEX analysis that says the
 * component is not affected, a false positive or resolved suppresses it. An SBOM without vulnerabilities is a
 * clean scan. Components may be written after the vulnerabilities: the document is then read a second time,
 * so that memory holds the components and the findings, never the document.
 */
public final class CycloneDxFormat implements ReportFormat {
    private static final String DEFAULT_TOOL = "CycloneDX";
    private static final Set<String> SUPPRESSING_STATES = Set.of("not_affected", "false_positive", "resolved",
            "resolved_with_pedigree");
    private static final List<String> CVSS_METHODS = List.of("CVSSV2", "CVSSV3", "CVSSV31", "CVSSV4");

    /** Creates the format; it keeps no state between reports. */
    public CycloneDxFormat() {
        // stateless
    }

    @Override
    public String id() {
        return "cyclonedx";
    }

    @Override
    public String displayName() {
        return "CycloneDX JSON";
    }

    @Override
    public String description() {
        return "CycloneDX 1.4-1.6 JSON with vulnerabilities (SBOM or VEX), from any tool";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        return sniff.shape() == Sniff.Shape.JSON_OBJECT
                && "cyclonedx".equalsIgnoreCase(sniff.text("bomFormat").orElse(""));
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        var document = new Document(context);
        try (JsonParser parser = Json.parser(input.open())) {
            if (parser.nextToken() == null) {
                context.log().warning("%s: the file is empty; nothing is recorded from it", context.file());
                return;
            }
            Json.forEachField(parser, document::firstPass);
        }
        if (document.deferred) {
            try (JsonParser parser = Json.parser(input.open())) {
                parser.nextToken();
                Json.forEachField(parser, document::secondPass);
            }
        }
        document.finish();
    }

    /** A component that a vulnerability can affect. */
    private record Component(@CheckForNull String name, @CheckForNull String version, @CheckForNull String purl) {
        /** Returns what a reference that names no component of the document says by itself. */
        static Component ofDangling(String ref) {
            if (!ref.startsWith("pkg:")) {
                return new Component(ref, null, null);
            }
            String path = ref.split("[?#]", 2)[0];
            int at = path.lastIndexOf('@');
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1, at > slash ? at : path.length());
            String version = at > slash ? path.substring(at + 1) : null;
            return new Component(decode(name), version == null ? null : decode(version), ref);
        }
    }

    /** What is known of the document while it is read. */
    private static final class Document {
        private final ParseContext context;
        private final Map<String, Component> components = new HashMap<>();
        private String tool = DEFAULT_TOOL;
        @CheckForNull
        private String subject;
        private boolean metadataSeen;
        private boolean componentsSeen;
        private boolean deferred;
        private int dangling;

        Document(ParseContext context) {
            this.context = context;
        }

        void firstPass(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "metadata" -> metadata(Json.readTree(parser));
                case "components" -> {
                    componentsSeen = true;
                    Json.forEachElement(parser, (node, index) -> component(node));
                }
                case "vulnerabilities" -> {
                    if (metadataSeen && componentsSeen) {
                        vulnerabilities(parser);
                    }
                    else {
                        deferred = true;
                    }
                }
                default -> {
                    // dependencies, services, compositions, ...: not findings
                }
            }
        }

        void secondPass(String name, JsonParser parser) throws IOException {
            if ("vulnerabilities".equals(name)) {
                vulnerabilities(parser);
            }
        }

        void finish() {
            context.toolRan(tool);
            if (dangling > 0) {
                context.log().info("%s: %d affected references name no component of this document; the "
                        + "reference is kept as the package", context.file(), dangling);
            }
        }

        private void metadata(JsonNode metadata) {
            metadataSeen = true;
            JsonNode tools = Json.at(metadata, "tools");
            List<JsonNode> list = tools != null && tools.isObject()
                    ? concat(Json.list(tools, "components"), Json.list(tools, "services"))
                    : Json.list(tools);
            list.stream().map(node -> Json.text(node, "name")).filter(name -> name != null).findFirst()
                    .ifPresent(name -> tool = name);
            JsonNode component = Json.at(metadata, "component");
            if (component != null) {
                subject = Json.text(component, "name");
                component(component);
            }
        }

        private void component(JsonNode node) {
            String ref = Json.text(node, "bom-ref");
            if (ref != null) {
                components.putIfAbsent(ref, new Component(Json.text(node, "name"), Json.text(node, "version"),
                        Json.text(node, "purl")));
            }
            Json.list(node, "components").forEach(this::component);
        }

        private void vulnerabilities(JsonParser parser) throws IOException {
            Json.forEachElement(parser, (node, index) -> vulnerability(node, "vulnerabilities[" + index + "]"));
        }

        private void vulnerability(JsonNode node, String where) {
            List<JsonNode> affects = Json.list(node, "affects");
            if (affects.isEmpty()) {
                context.add(finding(node, null), where);
            }
            for (int i = 0; i < affects.size(); i++) {
                String ref = Json.text(affects.get(i), "ref");
                context.add(finding(node, ref == null ? null : resolve(ref)), where + ".affects[" + i + "]");
            }
        }

        private Component resolve(String ref) {
            String local = ref.startsWith("urn:cdx:") && ref.indexOf('#') > 0 ? ref.substring(ref.indexOf('#') + 1)
                    : ref;
            Component component = components.get(local);
            if (component == null) {
                component = components.get(decode(local));
            }
            if (component == null) {
                dangling++;
                component = Component.ofDangling(local);
            }
            return component;
        }

        private FindingBuilder finding(JsonNode node, @CheckForNull Component component) {
            String id = Json.text(node, "id");
            String description = Texts.firstNonBlank(Json.text(node, "description"), Json.text(node, "detail"));
            FindingBuilder finding = context.finding(tool, FindingKind.VULNERABILITY)
                    .id(id)
                    .title(Texts.firstLine(description))
                    .description(description)
                    .target(subject)
                    .url(url(node, id));
            Json.list(node, "references").forEach(reference -> finding.alias(Json.text(reference, "id")));
            Json.list(node, "cwes").forEach(cwe -> finding.cwe(cwe.asText()));
            ratings(Json.list(node, "ratings"), finding);
            if (component != null) {
                finding.packageName(component.name()).installedVersion(component.version())
                        .purl(component.purl());
            }
            String state = Json.text(node, "analysis", "state");
            if (state != null && SUPPRESSING_STATES.contains(state.toLowerCase(Locale.ROOT))) {
                String justification = Json.text(node, "analysis", "justification");
                finding.suppressed(justification == null ? state : state + ": " + justification);
            }
            return finding;
        }
    }

    /**
     * Takes the first severity word of the ratings; the CVSS score and vector of the newest CVSS method. Only a
     * document without any word gets its severity from the CVSS v3 or v4 score.
     */
    private static void ratings(List<JsonNode> ratings, FindingBuilder finding) {
        Severity word = Severity.UNKNOWN;
        JsonNode cvss = null;
        int cvssRank = -1;
        for (JsonNode rating : ratings) {
            Severity severity = Severity.fromText(Json.text(rating, "severity"));
            word = word == Severity.UNKNOWN ? severity : word;
            String method = String.valueOf(Json.text(rating, "method")).toUpperCase(Locale.ROOT);
            int rank = CVSS_METHODS.indexOf(method);
            if (rank > cvssRank && Json.number(rating, "score") != null) {
                cvss = rating;
                cvssRank = rank;
            }
        }
        Double score = Json.number(cvss, "score");
        finding.cvss(score, Json.text(cvss, "vector"));
        if (word == Severity.UNKNOWN && score != null && cvssRank > 0) {
            word = Severity.fromCvss(score);
        }
        finding.severity(word);
    }

    /**
     * Returns the first advisory link, else the source's link if it is about this vulnerability: a source link
     * naming another identifier is not kept, because it would send the reader to the wrong advisory.
     */
    @CheckForNull
    private static String url(JsonNode node, @CheckForNull String id) {
        for (JsonNode advisory : Json.list(node, "advisories")) {
            String link = Texts.httpUrl(Json.text(advisory, "url")).orElse(null);
            if (link != null) {
                return link;
            }
        }
        String source = Json.text(node, "source", "url");
        if (source != null && id != null && source.toUpperCase(Locale.ROOT).contains(id.toUpperCase(Locale.ROOT))) {
            return source;
        }
        return null;
    }

    private static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
        var all = new java.util.ArrayList<JsonNode>(first);
        all.addAll(second);
        return all;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException exception) {
            return text;
        }
    }

}
