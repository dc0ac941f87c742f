package io.jenkins.plugins.securitycatalogue.formats.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the results of one run to findings: the rule a result refers to, its kind, texts, location, severity,
 * fingerprint and suppression. Results that are no longer current ({@code baselineState} absent) and passed
 * checks ({@code kind} pass or notApplicable) are not findings.
 */
final class ResultMapper {
    private static final Pattern ADVISORY = Pattern.compile("^(?i:CVE-\\d{4}-\\d{4,}|GHSA(?:-[0-9a-z]{4}){3}"
            + "|RUSTSEC-\\d{4}-\\d{4,}|GO-\\d{4}-\\d{4,}|PYSEC-\\d{4}-\\d+|SNYK-[A-Z0-9]+(?:-[A-Z0-9]+)*-\\d+)");
    private static final Pattern AQUA_CONFIG_RULE = Pattern.compile("^AVD-[A-Z0-9]+-\\d+$");
    private static final Pattern TRIVY_CONFIG_RULE = Pattern.compile("^(?:DS|KSV|KCV|AWS|GCP|AZU)-?\\d{3,}$");
    private static final Pattern CWE = Pattern.compile("(?i)(?:^|[^a-z])cwe[-_/ ]?(\\d{1,6})");
    private static final String NO_FINGERPRINT = "requires login";

    private final ParseContext context;
    private final SarifTool tool;
    private final ArtifactLocations locations;
    private final int run;
    private int notCurrent;
    private int passed;

    ResultMapper(ParseContext context, SarifTool tool, ArtifactLocations locations, int run) {
        this.context = context;
        this.tool = tool;
        this.locations = locations;
        this.run = run;
    }

    SarifTool tool() {
        return tool;
    }

    /** Maps one element of the run's {@code results}. */
    void add(JsonNode result, int index) {
        String where = "runs[" + run + "].results[" + index + "]";
        if (!result.isObject()) {
            context.skip(where, "a result must be an object, found " + result.getNodeType());
            return;
        }
        if ("absent".equals(Json.text(result, "baselineState"))) {
            notCurrent++;
            return;
        }
        String resultKind = Json.text(result, "kind");
        if ("pass".equals(resultKind) || "notApplicable".equals(resultKind)) {
            passed++;
            return;
        }
        context.add(finding(result), where);
    }

    /** Logs what was left out on purpose, once per run. */
    void finish() {
        if (notCurrent > 0) {
            context.log().info("%s: %s: %d results absent from the scan (baselineState absent) were left out",
                    context.file(), tool.name(), notCurrent);
        }
        if (passed > 0) {
            context.log().info("%s: %s: %d passed or not applicable checks were left out", context.file(),
                    tool.name(), passed);
        }
    }

    private FindingBuilder finding(JsonNode result) {
        String rawMessage = Json.text(result, "message", "text");
        SarifRule rule = rule(result, rawMessage).orElse(null);
        String message = SarifMessages.text(Json.at(result, "message"), rule);
        String ruleId = ruleId(result, rule);
        Map<String, String> fields = SarifMessages.fields(message);
        FindingKind kind = kind(ruleId, rule, fields);
        FindingBuilder finding = context.finding(tool.name(), kind);
        identify(finding, kind, ruleId, fields);
        describe(finding, ruleId, rule, message, fields);
        JsonNode physical = physicalLocation(result);
        String path = locations.path(Json.at(physical, "artifactLocation"));
        finding.path(path).line(Json.line(physical, "region", "startLine"));
        if (kind == FindingKind.VULNERABILITY) {
            finding.target(path);
        }
        finding.severity(severity(result, rule, kind));
        Double score = securitySeverity(result, rule);
        finding.cvss(score, null);
        identity(finding, result, kind, message, Json.text(physical, "region", "snippet", "text"));
        suppression(result).ifPresent(finding::suppressed);
        return finding;
    }

    private Optional<SarifRule> rule(JsonNode result, @CheckForNull String rawMessage) {
        String id = ruleId(result, null);
        Optional<SarifRule> rule = tool.byId(id);
        if (rule.isPresent()) {
            return rule;
        }
        Double index = Json.number(result, "ruleIndex");
        if (index == null) {
            index = Json.number(result, "rule", "index");
        }
        if (index != null) {
            Double component = Json.number(result, "rule", "toolComponent", "index");
            return tool.byIndex(component == null ? -1 : component.intValue(), index.longValue());
        }
        return id == null ? tool.byMessage(rawMessage) : Optional.empty();
    }

    @CheckForNull
    private static String ruleId(JsonNode result, @CheckForNull SarifRule rule) {
        String id = Json.text(result, "ruleId");
        if (id == null) {
            id = Json.text(result, "rule", "id");
        }
        return id == null && rule != null ? rule.id() : id;
    }

    private FindingKind kind(@CheckForNull String ruleId, @CheckForNull SarifRule rule,
            Map<String, String> fields) {
        if (tool.isSecretScanner() || rule != null && rule.hasTag("secret", "secrets")) {
            return FindingKind.SECRET;
        }
        boolean packageNamed = fields.containsKey("Package");
        if (ruleId != null && ADVISORY.matcher(ruleId).find()
                || rule != null && rule.hasTag("vulnerability") && packageNamed) {
            return FindingKind.VULNERABILITY;
        }
        if (tool.isIacScanner() || rule != null && rule.hasTag("misconfiguration") || ruleId != null
                && (AQUA_CONFIG_RULE.matcher(ruleId).matches()
                        || tool.isTrivy() && TRIVY_CONFIG_RULE.matcher(ruleId).matches())) {
            return FindingKind.MISCONFIGURATION;
        }
        return FindingKind.WEAKNESS;
    }

    /** Sets the ids; a vulnerability's id is the advisory, its package and versions come from Trivy's lines. */
    private static void identify(FindingBuilder finding, FindingKind kind, @CheckForNull String ruleId,
            Map<String, String> fields) {
        Matcher advisory = ruleId == null ? null : ADVISORY.matcher(ruleId);
        if (kind != FindingKind.VULNERABILITY || advisory == null || !advisory.find()) {
            finding.id(ruleId);
        }
        else {
            finding.id(advisory.group()).alias(ruleId);
        }
        if (kind == FindingKind.VULNERABILITY) {
            finding.packageName(fields.get("Package"))
                    .installedVersion(fields.get("Installed Version"))
                    .fixedVersion(fields.get("Fixed Version"));
        }
    }

    private static void describe(FindingBuilder finding, @CheckForNull String ruleId, @CheckForNull SarifRule rule,
            @CheckForNull String message, Map<String, String> fields) {
        String title = title(ruleId, rule, message, fields);
        finding.title(title);
        String description = rule == null ? null : Texts.firstNonBlank(rule.fullDescription(), rule.help(),
                rule.shortDescription());
        if (description == null && message != null && !message.strip().equals(title)) {
            description = message;
        }
        finding.description(description);
        if (rule != null) {
            finding.url(rule.helpUri());
            rule.tags().forEach(tag -> cwe(finding, tag));
            rule.cwes().forEach(finding::cwe);
        }
    }

    /**
     * Returns the title: the message's first line, but for messages made of {@code Key: value} lines (Trivy)
     * their {@code Message:} line, else the rule's own short description or the first sentence of its
     * description, because the first such line ({@code Package: libssl1.1}) is no title.
     */
    @CheckForNull
    private static String title(@CheckForNull String ruleId, @CheckForNull SarifRule rule,
            @CheckForNull String message, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return Texts.firstNonBlank(SarifMessages.firstLine(message), rule == null ? null : rule.shortDescription());
        }
        if (fields.containsKey("Message") && !fields.get("Message").isBlank()) {
            return fields.get("Message");
        }
        String shortDescription = rule == null ? null : rule.shortDescription();
        if (shortDescription != null && !shortDescription.equalsIgnoreCase(ruleId)) {
            return shortDescription;
        }
        return Texts.firstNonBlank(rule == null ? null : SarifMessages.firstSentence(rule.fullDescription()),
                SarifMessages.firstLine(message));
    }

    private static void cwe(FindingBuilder finding, String tag) {
        Matcher cwe = CWE.matcher(tag);
        if (cwe.find()) {
            finding.cwe(cwe.group(1));
        }
    }

    @CheckForNull
    private static JsonNode physicalLocation(JsonNode result) {
        for (JsonNode location : Json.list(result, "locations")) {
            JsonNode physical = Json.at(location, "physicalLocation");
            if (physical != null) {
                return physical;
            }
        }
        return null;
    }

    /**
     * Returns the severity: the {@code security-severity} score of the result or its rule, else a severity word
     * among the rule's tags (Trivy), else the level of the result or the rule's default level. Without any
     * level, a secret is high; anything else is a {@code warning} as the specification says, or {@code none}
     * for results whose kind is not {@code fail}.
     */
    private static Severity severity(JsonNode result, @CheckForNull SarifRule rule, FindingKind kind) {
        Double score = securitySeverity(result, rule);
        if (score != null && Severity.fromCvss(score) != Severity.UNKNOWN) {
            return Severity.fromCvss(score);
        }
        Optional<Severity> tagged = rule == null ? Optional.empty() : rule.severityTag();
        if (tagged.isPresent()) {
            return tagged.get();
        }
        String level = Texts.firstNonBlank(Json.text(result, "level"), rule == null ? null : rule.level());
        if (level == null) {
            String resultKind = Json.text(result, "kind");
            if (kind == FindingKind.SECRET) {
                return Severity.HIGH;
            }
            level = resultKind == null || "fail".equals(resultKind) ? "warning" : "none";
        }
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "note" -> Severity.LOW;
            case "none" -> Severity.INFO;
            default -> Severity.MEDIUM;
        };
    }

    @CheckForNull
    private static Double securitySeverity(JsonNode result, @CheckForNull SarifRule rule) {
        Double score = Json.number(result, "properties", "security-severity");
        if (score == null || score.isNaN() || score < 0 || score > 10) {
            score = rule == null ? null : rule.securitySeverity();
        }
        return score == null || score.isNaN() || score < 0 || score > 10 ? null : score;
    }

    /**
     * Sets what identifies the finding across builds: a secret's value (gitleaks 7 gives it as
     * {@code properties.offender}, others only in the snippet, which is therefore never kept as text), else the
     * tool's fingerprints, else the flagged snippet or the message.
     */
    private static void identity(FindingBuilder finding, JsonNode result, FindingKind kind,
            @CheckForNull String message, @CheckForNull String snippet) {
        if (kind == FindingKind.SECRET) {
            finding.secret(Texts.firstNonBlank(Json.text(result, "properties", "offender"), snippet)).flaggedText(message);
            return;
        }
        String fingerprint = fingerprint(Json.at(result, "partialFingerprints"));
        if (fingerprint == null) {
            fingerprint = fingerprint(Json.at(result, "fingerprints"));
        }
        finding.partialFingerprint(fingerprint).flaggedText(Texts.firstNonBlank(snippet, message));
    }

    /** Joins the fingerprints sorted by name; Semgrep's placeholder "requires login" is no fingerprint. */
    @CheckForNull
    private static String fingerprint(@CheckForNull JsonNode fingerprints) {
        if (fingerprints == null || !fingerprints.isObject()) {
            return null;
        }
        Map<String, String> sorted = new TreeMap<>();
        fingerprints.fields().forEachRemaining(entry -> {
            String value = Json.text(entry.getValue());
            if (value != null && !NO_FINGERPRINT.equalsIgnoreCase(value)) {
                sorted.put(entry.getKey(), value);
            }
        });
        if (sorted.isEmpty()) {
            return null;
        }
        var joined = new StringBuilder();
        sorted.forEach((name, value) -> joined.append(name).append('=').append(value).append(';'));
        return joined.toString();
    }

    /** Returns why the result is suppressed: an accepted suppression or one without status; else empty. */
    private static Optional<String> suppression(JsonNode result) {
        for (JsonNode suppression : Json.list(result, "suppressions")) {
            String status = Json.text(suppression, "status");
            if (status == null || "accepted".equalsIgnoreCase(status)) {
                String kind = Texts.firstNonBlank(Json.text(suppression, "kind"), "suppressed");
                String justification = Json.text(suppression, "justification");
                return Optional.of(justification == null ? kind : kind + ": " + justification);
            }
        }
        return Optional.empty();
    }

}
