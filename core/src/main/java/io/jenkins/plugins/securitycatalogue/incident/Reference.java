package io.jenkins.plugins.securitycatalogue.incident;

import io.jenkins.plugins.securitycatalogue.model.Texts;

/**
 * A source or further reading about the incident: a public write-up, an advisory, a ticket. Only http and https
 * links are kept, because references are shown as links.
 *
 * @param title what the link is
 * @param url the http or https URL
 */
public record Reference(String title, String url) {
    /**
     * Validates the link and cleans the title (the URL stands in for a blank title).
     *
     * @throws IllegalArgumentException if the URL is not http or https
     */
    public Reference {
        String given = url;
        url = Texts.httpUrl(url).orElseThrow(() -> new IllegalArgumentException(
                "Reference link must be an absolute http or https URL, got '" + given + "'"));
        String cleaned = Texts.line(title);
        title = cleaned == null ? url : cleaned;
    }
}
