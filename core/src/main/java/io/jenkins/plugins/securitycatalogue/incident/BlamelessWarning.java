package io.jenkins.plugins.securitycatalogue.incident;

/**
 * Wording that may blame an individual, where it is and what to write instead. A warning, never an error.
 *
 * @param where the section, timeline entry or action item ({@code root causes}, {@code timeline 3})
 * @param matched the words that matched
 * @param context the words around them
 * @param suggestion what to write instead
 */
public record BlamelessWarning(String where, String matched, String context, String suggestion) {
    @Override
    public String toString() {
        return where + ": \"" + matched + "\" in \"" + context + "\". " + suggestion;
    }
}
