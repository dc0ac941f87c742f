package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Which incidents a list shows; {@code null} values do not filter.
 *
 * @param status only incidents in this status
 * @param severity only incidents of this severity
 * @param service only incidents that affected this catalogue service
 * @param team only incidents that affected a service of this team or gave this team an action item
 * @param year only incidents of this year (the year of their id)
 */
public record IncidentFilter(@CheckForNull IncidentStatus status, @CheckForNull IncidentSeverity severity,
        @CheckForNull String service, @CheckForNull String team, @CheckForNull Integer year) {
    /** Every incident. */
    public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null, null);

    /** Only the published ones, for the feed and the shared metrics. */
    public static final IncidentFilter PUBLISHED = new IncidentFilter(IncidentStatus.PUBLISHED, null, null, null,
            null);
}
