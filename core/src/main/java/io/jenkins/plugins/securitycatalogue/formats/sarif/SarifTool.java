package io.jenkins.plugins.securitycatalogue.formats.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tool of one run: its name and its rules, those of the driver and of the extensions, by id and by index.
 */
final class SarifTool {
    /** The name of a run whose driver has no name (null or empty, which real logs contain). */
    static final String UNNAMED = "SARIF (unnamed tool)";

    private static final List<String> SECRET_SCANNERS = List.of("gitleaks", "trufflehog", "detect-secrets",
            "detect_secrets", "ggshield");
    private static final List<String> IAC_SCANNERS = List.of("checkov", "kics", "tfsec", "terrascan");

    private final String name;
    private final List<SarifRule> driverRules;
    private final List<List<SarifRule>> extensionRules;
    private final Map<String, SarifRule> byId = new HashMap<>();

    private SarifTool(String name, List<SarifRule> driverRules, List<List<SarifRule>> extensionRules) {
        this.name = name;
        this.driverRules = driverRules;
        this.extensionRules = extensionRules;
        driverRules.forEach(this::index);
        extensionRules.forEach(rules -> rules.forEach(this::index));
    }

    /** Reads a run's {@code tool} object. */
    static SarifTool of(JsonNode tool) {
        String name = Texts.line(Json.text(tool, "driver", "name"));
        if (name == null) {
            name = Texts.line(Json.text(tool, "name"));
        }
        List<List<SarifRule>> extensions = new ArrayList<>();
        for (JsonNode extension : Json.list(tool, "extensions")) {
            extensions.add(rules(extension));
        }
        return new SarifTool(name == null ? UNNAMED : name, rules(Json.at(tool, "driver")), extensions);
    }

    /** Returns the tool of a run that names none. */
    static SarifTool unnamed() {
        return new SarifTool(UNNAMED, List.of(), List.of());
    }

    String name() {
        return name;
    }

    /** Returns whether the tool looks for committed secrets only, so that each of its results is a secret. */
    boolean isSecretScanner() {
        return nameContainsAny(SECRET_SCANNERS);
    }

    /** Returns whether the tool checks infrastructure as code: each of its results is a misconfiguration. */
    boolean isIacScanner() {
        return nameContainsAny(IAC_SCANNERS);
    }

    /** Returns whether the tool is Trivy, whose config rules have ids such as {@code DS002} or {@code KSV001}. */
    boolean isTrivy() {
        return name.toLowerCase(Locale.ROOT).contains("trivy");
    }

    /**
     * Returns the rule with the id; a hierarchical id such as {@code CA2000/sub} falls back to its parent
     * {@code CA2000}, as the SARIF specification allows.
     */
    Optional<SarifRule> byId(@CheckForNull String id) {
        String wanted = id;
        while (wanted != null) {
            SarifRule rule = byId.get(wanted);
            if (rule != null) {
                return Optional.of(rule);
            }
            int slash = wanted.lastIndexOf('/');
            wanted = slash > 0 ? wanted.substring(0, slash) : null;
        }
        return Optional.empty();
    }

    /** Returns the rule at the index of the driver (component -1) or of an extension; out of range is empty. */
    Optional<SarifRule> byIndex(int component, long index) {
        List<SarifRule> rules = component < 0 ? driverRules
                : component < extensionRules.size() ? extensionRules.get(component) : List.of();
        if (index < 0 || index >= rules.size()) {
            return Optional.empty();
        }
        return Optional.of(rules.get((int) index));
    }

    /**
     * Returns the rule whose id or name the message starts with, the longest such; gitleaks 7 names the rule
     * only this way ("AWS Access Key secret detected").
     */
    Optional<SarifRule> byMessage(@CheckForNull String message) {
        if (message == null) {
            return Optional.empty();
        }
        SarifRule best = null;
        int bestLength = 0;
        for (SarifRule rule : byId.values()) {
            int length = Math.max(prefixLength(message, rule.id()), prefixLength(message, rule.name()));
            if (length > bestLength) {
                best = rule;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int prefixLength(String message, @CheckForNull String prefix) {
        if (prefix == null || prefix.isBlank() || !message.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return 0;
        }
        boolean wholeWord = message.length() == prefix.length()
                || !Character.isLetterOrDigit(message.charAt(prefix.length()));
        return wholeWord ? prefix.length() : 0;
    }

    private void index(SarifRule rule) {
        if (rule.id() != null) {
            byId.putIfAbsent(rule.id(), rule);
        }
    }

    private boolean nameContainsAny(List<String> words) {
        String lower = name.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::contains);
    }

    private static List<SarifRule> rules(@CheckForNull JsonNode component) {
        List<SarifRule> rules = new ArrayList<>();
        for (JsonNode rule : Json.list(component, "rules")) {
            rules.add(SarifRule.of(rule));
        }
        return List.copyOf(rules);
    }
}
