package io.jenkins.plugins.securitycatalogue.query;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.List;

/**
 * A service that carries a vulnerability or package searched for.
 *
 * @param service the service
 * @param team its team, or {@code null}
 * @param tool the tool that reported it
 * @param id the finding's identifier
 * @param severity its severity
 * @param packageName the package, or {@code null}
 * @param installedVersion the version installed in the latest scan, or {@code null}
 * @param fixedVersion the version that fixes it, or {@code null}
 * @param state the finding's state in the service's newest scan: open, suppressed or fixed
 * @param environments the environments whose deployed version carries it
 */
public record ExposureHit(String service, @CheckForNull String team, String tool, String id, Severity severity,
        @CheckForNull String packageName, @CheckForNull String installedVersion, @CheckForNull String fixedVersion,
        String state, List<String> environments) {
    /** Copies the environments. */
    public ExposureHit {
        environments = List.copyOf(environments);
    }
}
