package io.jenkins.plugins.securitycatalogue.query;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.posture.RiskScore;
import io.jenkins.plugins.securitycatalogue.posture.SeverityCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the services table.
 *
 * @param name the service
 * @param team the owning team, or {@code null}
 * @param tier the tier, or {@code null}
 * @param repository the source repository, or {@code null}
 * @param links named links (dashboards, runbooks)
 * @param deployments the version deployed in each environment, by environment name
 * @param lastBuild the build of the last recording, or {@code null}
 * @param open open findings by severity
 * @param suppressed suppressed findings
 * @param newFindings findings new in the last scan
 * @param slaBreached open findings past their SLA
 * @param risk the risk score with its parts
 * @param lastRecorded when the service was last recorded
 * @param lastScanned when it was last scanned, or {@code null} if never
 * @param stale whether it was not scanned within the staleness limit
 * @param archived whether its repository is archived (read from GitHub)
 */
public record ServiceSummary(String name, @CheckForNull String team, @CheckForNull String tier,
        @CheckForNull String repository, Map<String, String> links, Map<String, String> deployments,
        @CheckForNull BuildLink lastBuild, SeverityCounts open, int suppressed, int newFindings,
        SeverityCounts slaBreached, RiskScore risk, Instant lastRecorded, @CheckForNull Instant lastScanned,
        boolean stale, boolean archived) {
    /** Copies the maps. */
    public ServiceSummary {
        links = Map.copyOf(links);
        deployments = Map.copyOf(deployments);
    }

    /**
     * A build that recorded.
     *
     * @param job the job's full name
     * @param number the build number, or {@code null}
     * @param url the build's URL, or {@code null}
     */
    public record BuildLink(String job, @CheckForNull Long number, @CheckForNull String url) {
    }

    /** Returns the environments in name order. */
    public List<String> environments() {
        return deployments.keySet().stream().sorted().toList();
    }
}
