package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;

/**
 * A stored incident: its id, where its post-mortem is in the lifecycle, who changed it last, and the post-mortem.
 * The revision grows by one with every saved change; a change based on an older revision is refused, so that two
 * people editing at once cannot overwrite each other.
 *
 * @param id the id people say aloud
 * @param revision the revision of this state, from 1
 * @param status where the post-mortem is in its lifecycle
 * @param createdBy who created it
 * @param createdAt when it was created
 * @param updatedBy who saved this revision
 * @param updatedAt when this revision was saved
 * @param publishedAt when it was first published, or {@code null}
 * @param postMortem the post-mortem
 */
public record Incident(IncidentId id, int revision, IncidentStatus status, String createdBy, Instant createdAt,
        String updatedBy, Instant updatedAt, @CheckForNull Instant publishedAt, PostMortem postMortem) {
    /** Returns the title, for lists. */
    public String title() {
        return postMortem.title();
    }

    /** Returns the severity, for lists. */
    public IncidentSeverity severity() {
        return postMortem.severity();
    }
}
