package io.jenkins.plugins.securitycatalogue.incident;

import java.time.Instant;

/**
 * A save was based on an older revision than the stored one: someone else changed the incident in the meantime.
 * Nothing was saved; the message says who changed it and when, so that the editor can reload and merge.
 */
public final class EditConflictException extends IncidentException {
    private static final long serialVersionUID = 1L;

    private final int currentRevision;

    EditConflictException(IncidentId id, int expected, int current, String changedBy, Instant changedAt) {
        super(id + " was changed by " + changedBy + " at " + Times.format(changedAt) + " (revision " + current
                + ") after you loaded revision " + expected + "; nothing was saved. Reload it, apply your "
                + "changes again and save with revision " + current);
        this.currentRevision = current;
    }

    /** Returns the stored revision, which a retry must name. */
    public int currentRevision() {
        return currentRevision;
    }
}
