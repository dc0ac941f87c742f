package io.jenkins.plugins.securitycatalogue.incident;

import java.util.Locale;
import java.util.Set;

/**
 * Where a post-mortem is in its lifecycle: written as a draft, reviewed, then published for everyone to learn
 * from. A review can send it back to draft; a published post-mortem can be reopened for review.
 */
public enum IncidentStatus {
    /** Being written; not shared yet. */
    DRAFT,
    /** Complete in the authors' eyes, waiting for review. */
    IN_REVIEW,
    /** Reviewed and shared: shown in the feed and counted in the metrics. */
    PUBLISHED;

    /** Returns the label people read and type: {@code draft}, {@code in review}, {@code published}. */
    public String label() {
        return Enums.label(this);
    }

    /** Returns whether the lifecycle allows going from this status to the other one. */
    public boolean canMoveTo(IncidentStatus next) {
        return next == this || successors().contains(next);
    }

    private Set<IncidentStatus> successors() {
        return switch (this) {
            case DRAFT -> Set.of(IN_REVIEW);
            case IN_REVIEW -> Set.of(DRAFT, PUBLISHED);
            case PUBLISHED -> Set.of(IN_REVIEW);
        };
    }

    /**
     * Parses {@code draft}, {@code in review}, {@code in-review}, {@code IN_REVIEW}, {@code review}, {@code published}.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static IncidentStatus parse(String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if ("REVIEW".equals(normalised)) {
            return IN_REVIEW;
        }
        for (IncidentStatus status : values()) {
            if (status.name().equals(normalised)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Status '" + text + "' is not valid: use draft, in review or published");
    }
}
