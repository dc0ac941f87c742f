package io.jenkins.plugins.securitycatalogue.incident;

import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.time.Instant;

/**
 * One moment of an incident's timeline: what happened or was done, and when. Entries describe actions and
 * systems ("the responder revoked the token"), not people's failings.
 *
 * @param at when it happened
 * @param text what happened, one line
 */
public record TimelineEntry(Instant at, String text) {
    /** The longest entry kept. */
    public static final int MAX_TEXT = 2_000;

    /**
     * Cleans the text.
     *
     * @throws IllegalArgumentException if the text is blank
     */
    public TimelineEntry {
        String cleaned = Texts.clean(text, MAX_TEXT);
        if (cleaned == null) {
            throw new IllegalArgumentException("The timeline entry at " + Times.format(at) + " has no text");
        }
        text = cleaned.replaceAll("\\s+", " ");
    }
}
