package io.jenkins.plugins.securitycatalogue.formats.osv;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * OSV-Scanner's JSON report ({@code osv-scanner --format json}, v1 and v2): {@code results} per scanned source
 * (a lock file, an SBOM, an image), each with the vulnerable packages. OSV-Scanner groups the records that
 * describe the same problem ({@code GHSA-x} and {@code CVE-y}); each group is one finding per package, its first
 * id the identifier and the others aliases. Reports of versions before groups existed give one finding per
 * record.
 */
public final class OsvScannerFormat implements ReportFormat {
    private static final String TOOL = "OSV-Scanner";

    /** Creates the format; it keeps no state between reports. */
    public OsvScannerFormat() {
        // stateless
    }

    @Override
    public String id() {
        return "osv-scanner";
    }

    @Override
    public String displayName() {
        return "OSV-Scanner JSON";
    }

    @Override
    public String description() {
        return "OSV-Scanner --format json (v1 and v2), grouped records as one finding per package";
    }

    /** Accepts {@code results} whose elements have a source and packages (Semgrep's results have neither). */
    @Override
    public boolean accepts(Sniff sniff) {
        if (sniff.shape() != Sniff.Shape.JSON_OBJECT || !sniff.hasKey("results")) {
            return false;
        }
        var keys = sniff.childKeys("results");
        return keys.contains("source") && keys.contains("packages")
                || keys.isEmpty() && sniff.hasKey("experimental_config");
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        try (JsonParser parser = Json.parser(input.open())) {
            if (parser.nextToken() == null) {
                context.log().warning("%s: the file is empty; nothing is recorded from it", context.file());
                return;
            }
            Json.forEachField(parser, (name, value) -> {
                if ("results".equals(name)) {
                    results(value, context);
                }
            });
            context.toolRan(TOOL);
        }
    }

    private static void results(JsonParser parser, ParseContext context) throws IOException {
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
            String where = "results[" + index++ + "]";
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                new Source(context, where).read(parser);
            }
            else {
                context.skip(where, "a result must be an object, found " + Json.describe(parser.currentToken()));
                parser.skipChildren();
            }
        }
    }

    /**
     * One scanned source, streamed package by package. Findings read before the {@code source} (OSV-Scanner writes
     * it first) wait until the end of the element.
     */
    private static final class Source {
        private final ParseContext context;
        private final String where;
        private final Map<FindingBuilder, String> pending = new LinkedHashMap<>();
        @CheckForNull
        private String path;
        private boolean placed;

        Source(ParseContext context, String where) {
            this.context = context;
            this.where = where;
        }

        void read(JsonParser parser) throws IOException {
            Json.forEachField(parser, (name, value) -> {
                if ("source".equals(name)) {
                    path = Json.text(Json.readTree(value), "path");
                    placed = true;
                }
                else if ("packages".equals(name)) {
                    Json.forEachElement(value, (node, index) -> pack(node, where + ".packages[" + index + "]"));
                }
            });
            pending.forEach((finding, at) -> context.add(finding.target(path).path(path), at));
        }

        private void offer(FindingBuilder finding, String at) {
            if (placed) {
                context.add(finding.target(path).path(path), at);
            }
            else {
                pending.put(finding, at);
            }
        }

        private void pack(JsonNode node, String at) {
            JsonNode pack = Json.at(node, "package");
            Map<String, JsonNode> records = new LinkedHashMap<>();
            for (JsonNode record : Json.list(node, "vulnerabilities")) {
                String id = Json.text(record, "id");
                if (id != null) {
                    records.putIfAbsent(id, record);
                }
            }
            List<JsonNode> groups = Json.list(node, "groups");
            if (groups.isEmpty()) {
                records.forEach((id, record) -> offer(group(pack, List.of(id), List.of(), null, records),
                        at + ".vulnerabilities[" + id + "]"));
                return;
            }
            for (int i = 0; i < groups.size(); i++) {
                JsonNode group = groups.get(i);
                List<String> ids = texts(group, "ids");
                offer(group(pack, ids, texts(group, "aliases"), Json.number(group, "max_severity"), records),
                        at + ".groups[" + i + "]");
            }
        }

        private FindingBuilder group(@CheckForNull JsonNode pack, List<String> ids, List<String> aliases,
                @CheckForNull Double maxSeverity, Map<String, JsonNode> records) {
            FindingBuilder finding = context.finding(TOOL, FindingKind.VULNERABILITY);
            String packageName = Json.text(pack, "name");
            String version = Json.text(pack, "version");
            finding.id(ids.isEmpty() ? null : ids.get(0))
                    .packageName(packageName)
                    .installedVersion(version);
            ids.forEach(finding::alias);
            aliases.forEach(finding::alias);
            List<JsonNode> members = ids.stream().map(records::get).filter(Objects::nonNull).toList();
            members.forEach(record -> Json.eachText(record, "aliases", finding::alias));
            JsonNode main = members.isEmpty() ? null : members.get(0);
            String details = Json.text(main, "details");
            finding.title(Texts.firstNonBlank(Json.text(main, "summary"), Texts.firstLine(details)))
                    .description(details)
                    .url(url(main, ids.isEmpty() ? null : ids.get(0)))
                    .fixedVersion(fixedVersion(members, packageName, version));
            members.forEach(record -> Json.eachText(Json.at(record, "database_specific"), "cwe_ids", finding::cwe));
            severity(members, maxSeverity, finding);
            return finding;
        }
    }

    /**
     * Takes the group's maximum CVSS score (OSV records carry vectors, not scores), else the first severity word
     * of a record's {@code database_specific}. The vector is the first record's newest CVSS vector.
     */
    private static void severity(List<JsonNode> records, @CheckForNull Double maxSeverity, FindingBuilder finding) {
        String vector = null;
        for (JsonNode record : records) {
            for (JsonNode severity : Json.list(record, "severity")) {
                String type = String.valueOf(Json.text(severity, "type"));
                if (type.startsWith("CVSS_V") && (vector == null || "CVSS_V4".equals(type))) {
                    vector = Json.text(severity, "score");
                }
            }
            if (vector != null) {
                break;
            }
        }
        finding.cvss(maxSeverity, vector);
        if (maxSeverity != null) {
            finding.severity(Severity.fromCvss(maxSeverity));
            return;
        }
        finding.severity(records.stream().map(record -> Json.text(record, "database_specific", "severity"))
                .map(Severity::fromText).filter(severity -> severity != Severity.UNKNOWN).findFirst()
                .orElse(Severity.UNKNOWN));
    }

    /**
     * Returns the lowest {@code fixed} event above the installed version among the ranges of this package;
     * records name the package in {@code affected[].package}, and list several ranges for several branches.
     */
    @CheckForNull
    private static String fixedVersion(List<JsonNode> records, @CheckForNull String packageName,
            @CheckForNull String installed) {
        List<String> fixed = new ArrayList<>();
        for (JsonNode record : records) {
            for (JsonNode affected : Json.list(record, "affected")) {
                String name = Json.text(affected, "package", "name");
                if (name != null && packageName != null && !name.equalsIgnoreCase(packageName)) {
                    continue;
                }
                Json.list(affected, "ranges").forEach(range -> Json.list(range, "events")
                        .forEach(event -> addIfPresent(fixed, Json.text(event, "fixed"))));
            }
        }
        String best = null;
        for (String candidate : fixed) {
            boolean above = installed == null || VersionOrder.compare(candidate, installed) > 0;
            if (above && (best == null || VersionOrder.compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        return best == null && !fixed.isEmpty() ? fixed.get(0) : best;
    }

    @CheckForNull
    private static String url(@CheckForNull JsonNode record, @CheckForNull String id) {
        List<JsonNode> references = Json.list(record, "references");
        for (String type : List.of("ADVISORY", "WEB")) {
            for (JsonNode reference : references) {
                String link = Texts.httpUrl(Json.text(reference, "url")).orElse(null);
                if (link != null && type.equalsIgnoreCase(Json.text(reference, "type"))) {
                    return link;
                }
            }
        }
        return id == null ? null : "https://osv.dev/vulnerability/" + id;
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        Json.eachText(node, field, texts::add);
        return texts;
    }

    private static void addIfPresent(List<String> list, @CheckForNull String value) {
        if (value != null) {
            list.add(value);
        }
    }

    /**
     * A loose order of version strings across ecosystems: numbers compare as numbers, other parts as text. It
     * only chooses among the fixed versions of one record, so an odd scheme costs a less precise fixed version.
     */
    private static final class VersionOrder {
        private VersionOrder() {
        }

        static int compare(String left, String right) {
            String[] a = left.toLowerCase(Locale.ROOT).split("[^0-9a-z]+|(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
            String[] b = right.toLowerCase(Locale.ROOT).split("[^0-9a-z]+|(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                String x = i < a.length ? a[i] : "0";
                String y = i < b.length ? b[i] : "0";
                int order = x.chars().allMatch(Character::isDigit) && y.chars().allMatch(Character::isDigit)
                        ? new java.math.BigInteger("0" + x).compareTo(new java.math.BigInteger("0" + y))
                        : x.compareTo(y);
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        }
    }
}
