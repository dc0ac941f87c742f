package io.jenkins.plugins.securitycatalogue.formats.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a result can borrow from its rule (a SARIF {@code reportingDescriptor}): the default level, the
 * {@code security-severity}, the tags, the texts and the help link. Only these few values are kept, not the tree.
 *
 * @param id the rule id, as results refer to it
 * @param name the rule's name; gitleaks 7 results name the rule only in their message
 * @param level the default level ({@code error}, {@code warning}, {@code note}, {@code none})
 * @param securitySeverity the CVSS-like {@code security-severity} property
 * @param tags the {@code properties.tags}: categories, CWE references, Trivy's severity word
 * @param cwes the {@code properties.cwe} values some tools write instead of tags
 * @param shortDescription the one-line description
 * @param fullDescription the full description
 * @param help the help text
 * @param helpUri the link to the rule's documentation
 * @param messageStrings the message templates by id, for results that give a message id instead of a text
 */
record SarifRule(@CheckForNull String id, @CheckForNull String name, @CheckForNull String level,
        @CheckForNull Double securitySeverity, List<String> tags, List<String> cwes,
        @CheckForNull String shortDescription, @CheckForNull String fullDescription, @CheckForNull String help,
        @CheckForNull String helpUri, Map<String, String> messageStrings) {

    /** Reads a rule; anything that is not an object gives a rule without values. */
    static SarifRule of(JsonNode rule) {
        return new SarifRule(Json.text(rule, "id"), Json.text(rule, "name"),
                Json.text(rule, "defaultConfiguration", "level"),
                Json.number(rule, "properties", "security-severity"), texts(rule, "tags"), texts(rule, "cwe"),
                Json.text(rule, "shortDescription", "text"), Json.text(rule, "fullDescription", "text"),
                Json.text(rule, "help", "text"), Json.text(rule, "helpUri"), messageStrings(rule));
    }

    /** Returns the severity named by a tag in capitals, as Trivy writes it ({@code CRITICAL}, {@code HIGH}...). */
    Optional<Severity> severityTag() {
        return tags.stream()
                .filter(tag -> tag.equals(tag.toUpperCase(Locale.ROOT)))
                .map(Severity::fromText)
                .filter(severity -> severity != Severity.UNKNOWN && severity != Severity.INFO)
                .findFirst();
    }

    /** Returns whether a tag says so, ignoring case. */
    boolean hasTag(String... wanted) {
        for (String tag : tags) {
            for (String word : wanted) {
                if (tag.equalsIgnoreCase(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode rule, String property) {
        List<String> values = new ArrayList<>();
        Json.eachText(Json.at(rule, "properties"), property, values::add);
        return List.copyOf(values);
    }

    private static Map<String, String> messageStrings(JsonNode rule) {
        JsonNode strings = Json.at(rule, "messageStrings");
        if (strings == null || !strings.isObject()) {
            return Map.of();
        }
        Map<String, String> templates = new HashMap<>();
        strings.fields().forEachRemaining(entry -> {
            String text = Json.text(entry.getValue(), "text");
            if (text != null) {
                templates.put(entry.getKey(), text);
            }
        });
        return Map.copyOf(templates);
    }
}
