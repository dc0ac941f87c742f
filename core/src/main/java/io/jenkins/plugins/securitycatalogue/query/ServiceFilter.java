package io.jenkins.plugins.securitycatalogue.query;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Severity;

/**
 * Which services the table shows; {@code null} values do not filter.
 *
 * @param team only services of this team
 * @param environment only services deployed in this environment
 * @param severity only services with an open finding of at least this severity
 */
public record ServiceFilter(@CheckForNull String team, @CheckForNull String environment,
        @CheckForNull Severity severity) {
    /** No filter. */
    public static final ServiceFilter ALL = new ServiceFilter(null, null, null);
}
