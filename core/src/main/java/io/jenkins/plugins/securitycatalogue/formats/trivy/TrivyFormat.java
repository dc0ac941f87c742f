package io.jenkins.plugins.securitycatalogue.formats.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import io.jenkins.plugins.securitycatalogue.formats.UnexpectedShapeException;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Trivy's JSON report ({@code trivy image|fs|repo --format json}): schema 2, an object with {@code Results}, and
 * the legacy schema 1 of Trivy before 0.20, a bare array of results. Vulnerabilities, failed misconfiguration
 * checks and secrets become findings; passed and excepted checks do not. Secret matches are masked by Trivy;
 * they only feed the fingerprint and the lines of code around them are never read.
 */
public final class TrivyFormat implements ReportFormat {
    private static final String TOOL = "Trivy";
    private static final int KNOWN_SCHEMA = 2;
    /** The " (alpine 3.9.4)" Trivy appends to the target of OS packages; it changes with every base image bump. */
    private static final Pattern OS_SUFFIX = Pattern.compile("\\s+\\([\\w.\\-]+ [^()]*\\)$");

    /** Creates the format; it keeps no state between reports. */
    public TrivyFormat() {
        // stateless
    }

    @Override
    public String id() {
        return "trivy";
    }

    @Override
    public String displayName() {
        return "Trivy JSON";
    }

    @Override
    public String description() {
        return "Trivy --format json: schema 2 (Trivy 0.20 and later) and the legacy schema-1 array";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        if (sniff.shape() == Sniff.Shape.JSON_OBJECT) {
            return sniff.hasKey("SchemaVersion") && (sniff.hasKey("ArtifactName") || sniff.hasKey("Results"));
        }
        return sniff.shape() == Sniff.Shape.JSON_ARRAY && sniff.hasKey("Target")
                && (sniff.hasKey("Vulnerabilities") || sniff.hasKey("Type"));
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        try (JsonParser parser = Json.parser(input.open())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                context.log().warning("%s: the file is empty; nothing is recorded from it", context.file());
                return;
            }
            var reading = new Reading(context);
            if (first == JsonToken.START_ARRAY) {
                reading.legacy = true;
                reading.results(parser, "");
            }
            else {
                Json.forEachField(parser, reading::topLevel);
            }
            reading.finish();
        }
    }

    /** What is known while one report is read. */
    private static final class Reading {
        private final ParseContext context;
        @CheckForNull
        private String artifact;
        @CheckForNull
        private String schema;
        private boolean legacy;

        Reading(ParseContext context) {
            this.context = context;
        }

        void topLevel(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "SchemaVersion" -> schema = parser.currentToken().isScalarValue() ? parser.getText() : "?";
                case "ArtifactName" -> artifact = scalar(parser);
                case "Metadata" -> metadata(Json.readTree(parser));
                case "Results" -> results(parser, "Results");
                default -> {
                    // other fields (ArtifactType, CreatedAt, ReportID) say nothing about findings
                }
            }
        }

        void metadata(JsonNode metadata) {
            JsonNode os = Json.at(metadata, "OS");
            if (os != null && os.path("EOSL").asBoolean(false)) {
                context.log().warning("%s: the operating system %s %s is end-of-support: it gets no more security "
                        + "fixes, and its vulnerabilities may no longer be reported", context.file(),
                        String.valueOf(Json.text(os, "Family")), String.valueOf(Json.text(os, "Name")));
            }
        }

        void results(JsonParser parser, String where) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new UnexpectedShapeException(parser, "expected the array of results but found "
                        + Json.describe(token));
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new UnexpectedShapeException(parser, "the file ends inside the results");
                }
                String at = where + "[" + index++ + "]";
                if (parser.currentToken() == JsonToken.START_OBJECT) {
                    new Result(this, at).read(parser);
                }
                else {
                    context.skip(at, "a result must be an object, found " + Json.describe(parser.currentToken()));
                    parser.skipChildren();
                }
            }
        }

        void finish() {
            context.toolRan(TOOL);
            if (schema != null && !isKnownSchema(schema)) {
                context.toolIncomplete(TOOL, "unknown SchemaVersion " + schema + "; only the fields of schema "
                        + KNOWN_SCHEMA + " were read");
            }
        }

        private static boolean isKnownSchema(String schema) {
            try {
                int version = Integer.parseInt(schema.strip());
                return version >= 1 && version <= KNOWN_SCHEMA;
            }
            catch (NumberFormatException exception) {
                return false;
            }
        }
    }

    /**
     * One element of {@code Results}, streamed field by field because an image's result can hold thousands of
     * vulnerabilities. Findings read before the {@code Target} wait until the element ends.
     */
    private static final class Result {
        private final Reading reading;
        private final String where;
        private final List<Pending> pending = new ArrayList<>();
        @CheckForNull
        private String target;
        @CheckForNull
        private String resultClass;
        private int passed;
        @CheckForNull
        private String placeOf;
        @CheckForNull
        private String place;

        Result(Reading reading, String where) {
            this.reading = reading;
            this.where = where;
        }

        void read(JsonParser parser) throws IOException {
            Json.forEachField(parser, this::field);
            finish();
        }

        private void field(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "Target" -> target = scalar(parser);
                case "Class" -> resultClass = scalar(parser);
                case "Vulnerabilities" -> Json.forEachElement(parser, (node, index) -> offer(new Pending(
                        vulnerability(node), FindingKind.VULNERABILITY, Json.text(node, "PkgPath"),
                        where + ".Vulnerabilities[" + index + "]")));
                case "Misconfigurations" -> Json.forEachElement(parser, (node, index) ->
                        misconfiguration(node, where + ".Misconfigurations[" + index + "]"));
                case "Secrets" -> Json.forEachElement(parser, (node, index) -> offer(new Pending(
                        secret(node), FindingKind.SECRET, null, where + ".Secrets[" + index + "]")));
                default -> {
                    // Type, Packages, MisconfSummary, Licenses, CustomResources: not findings
                }
            }
        }

        /**
         * Adds the finding at once when the result's target and class are known, as Trivy writes them first;
         * else keeps it until the end of the result.
         */
        private void offer(Pending entry) {
            if (target != null && (resultClass != null || reading.legacy)) {
                reading.context.add(placed(entry), entry.where());
            }
            else {
                pending.add(entry);
            }
        }

        private void finish() {
            reading.context.targetScanned(TOOL, place());
            reading.context.targetScanned(TOOL, reading.artifact);
            for (Pending entry : pending) {
                reading.context.add(placed(entry), entry.where());
            }
            if (passed > 0) {
                reading.context.log().info("%s: %s: %d passed or excepted checks are not findings",
                        reading.context.file(), target == null ? where : target, passed);
            }
        }

        /**
         * Places a finding: a vulnerability's target is the result's target (without the OS release Trivy
         * appends, so that a base image update keeps the findings it does not fix); misconfigurations and
         * secrets are in the result's file of the scanned artifact.
         */
        private FindingBuilder placed(Pending entry) {
            if (entry.kind() != FindingKind.VULNERABILITY) {
                return entry.finding().path(target).target(reading.artifact);
            }
            String place = place();
            String path = entry.path() == null && "lang-pkgs".equals(resultClass) ? target : entry.path();
            return entry.finding().target(place).path(path);
        }

        /**
         * Returns the target without the OS release Trivy appends to OS package results; computed once per
         * target, not once per vulnerability.
         */
        @CheckForNull
        private String place() {
            boolean osPackages = resultClass == null || "os-pkgs".equals(resultClass);
            if (target == null || !osPackages) {
                return target;
            }
            if (!target.equals(placeOf)) {
                placeOf = target;
                place = OS_SUFFIX.matcher(target).replaceFirst("");
            }
            return place;
        }

        private FindingBuilder vulnerability(JsonNode node) {
            FindingBuilder finding = reading.context.finding(TOOL, FindingKind.VULNERABILITY);
            String description = Json.text(node, "Description");
            String title = Json.text(node, "Title");
            finding.id(Json.text(node, "VulnerabilityID"))
                    .packageName(Texts.firstNonBlank(Json.text(node, "PkgName"), Json.text(node, "PkgID")))
                    .purl(Json.text(node, "PkgIdentifier", "PURL"))
                    .installedVersion(Json.text(node, "InstalledVersion"))
                    .fixedVersion(Json.text(node, "FixedVersion"))
                    .title(title == null ? Texts.firstLine(description) : title)
                    .description(description)
                    .url(Texts.firstNonBlank(Json.text(node, "PrimaryURL"), firstHttp(node, "References")));
            Json.eachText(node, "VendorIDs", finding::alias);
            Json.eachText(node, "CweIDs", finding::cwe);
            Cvss cvss = Cvss.of(node);
            finding.cvss(cvss.score(), cvss.vector());
            String severity = Json.text(node, "Severity");
            if (severity == null && cvss.score() != null) {
                finding.severity(Severity.fromCvss(cvss.score()));
            }
            else {
                finding.severity(Severity.fromText(severity));
            }
            return finding;
        }

        private void misconfiguration(JsonNode node, String at) {
            String status = Json.text(node, "Status");
            if (status != null && !"FAIL".equalsIgnoreCase(status)) {
                passed++;
                return;
            }
            FindingBuilder finding = reading.context.finding(TOOL, FindingKind.MISCONFIGURATION);
            String avdId = Json.text(node, "AVDID");
            String message = Json.text(node, "Message");
            JsonNode cause = Json.at(node, "CauseMetadata");
            finding.id(Texts.firstNonBlank(Json.text(node, "ID"), avdId))
                    .alias(avdId)
                    .title(Texts.firstNonBlank(Json.text(node, "Title"), message))
                    .description(join(Json.text(node, "Description"), message,
                            prefixed("Resolution: ", Json.text(node, "Resolution"))))
                    .severity(Severity.fromText(Json.text(node, "Severity")))
                    .line(Json.line(cause, "StartLine"))
                    .url(Texts.firstNonBlank(Json.text(node, "PrimaryURL"), firstHttp(node, "References")))
                    .flaggedText(join(message, Json.text(cause, "Resource")));
            offer(new Pending(finding, FindingKind.MISCONFIGURATION, null, at));
        }

        private FindingBuilder secret(JsonNode node) {
            FindingBuilder finding = reading.context.finding(TOOL, FindingKind.SECRET);
            String category = Json.text(node, "Category");
            return finding.id(Json.text(node, "RuleID"))
                    .title(Json.text(node, "Title"))
                    .description(category == null ? null : "Category: " + category)
                    .severity(Severity.fromText(Json.text(node, "Severity")))
                    .line(Json.line(node, "StartLine"))
                    .flaggedText(Json.text(node, "Match"));
        }
    }

    /** A finding read from a result, waiting for the end of the result to be placed. */
    private record Pending(FindingBuilder finding, FindingKind kind, @CheckForNull String path, String where) {
    }

    /**
     * The CVSS v3 score and vector of a vulnerability, taken from the vendor its severity came from
     * ({@code SeveritySource}), else NVD, else the first vendor that gives one; CVSS v4 where no v3 is given.
     */
    private record Cvss(@CheckForNull Double score, @CheckForNull String vector) {
        static Cvss of(JsonNode vulnerability) {
            JsonNode all = Json.at(vulnerability, "CVSS");
            if (all == null || !all.isObject()) {
                return new Cvss(null, null);
            }
            List<JsonNode> candidates = new ArrayList<>();
            String source = Json.text(vulnerability, "SeveritySource");
            if (source != null && all.has(source)) {
                candidates.add(all.get(source));
            }
            if (all.has("nvd")) {
                candidates.add(all.get("nvd"));
            }
            all.forEach(candidates::add);
            for (String version : List.of("V3", "V40")) {
                for (JsonNode candidate : candidates) {
                    Double score = Json.number(candidate, version + "Score");
                    if (score != null) {
                        return new Cvss(score, Json.text(candidate, version + "Vector"));
                    }
                }
            }
            return new Cvss(null, null);
        }
    }

    @CheckForNull
    private static String scalar(JsonParser parser) throws IOException {
        return parser.currentToken().isScalarValue() && parser.currentToken() != JsonToken.VALUE_NULL
                ? parser.getText() : null;
    }

    @CheckForNull
    private static String firstHttp(JsonNode node, String field) {
        List<String> links = new ArrayList<>();
        Json.eachText(node, field, links::add);
        return links.stream().filter(link -> link.toLowerCase(Locale.ROOT).startsWith("http")).findFirst()
                .orElse(null);
    }

    @CheckForNull
    private static String prefixed(String prefix, @CheckForNull String value) {
        return value == null ? null : prefix + value;
    }

    @CheckForNull
    private static String join(@CheckForNull String... parts) {
        var joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.append(joined.length() == 0 ? "" : "\n\n").append(part.strip());
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

}
