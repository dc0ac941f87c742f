package io.jenkins.plugins.securitycatalogue.query;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.posture.SlaState;
import java.time.Instant;
import java.util.List;

/**
 * Everything the catalogue knows about one service.
 *
 * @param summary the row of the services table
 * @param description the description, or {@code null}
 * @param deployments the current deployment per environment, by environment name
 * @param findings open findings, most severe first
 * @param suppressed findings the tools reported as suppressed
 * @param scans the latest scan of each tool
 * @param recordings the latest recordings, newest first
 * @param repository what was read from the service's repository, and where each metadata value came from
 */
public record ServiceDetails(ServiceSummary summary, @CheckForNull String description, List<Deployment> deployments,
        List<StoredFinding> findings, List<StoredFinding> suppressed, List<ScanInfo> scans,
        List<Recording> recordings, RepositoryInfo repository) {
    /** Copies the lists. */
    public ServiceDetails {
        deployments = List.copyOf(deployments);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        scans = List.copyOf(scans);
        recordings = List.copyOf(recordings);
    }

    /**
     * A version running in an environment.
     *
     * @param environment where
     * @param version which version
     * @param since since when
     * @param build the build that deployed it, or {@code null}
     */
    public record Deployment(String environment, String version, Instant since,
            @CheckForNull ServiceSummary.BuildLink build) {
    }

    /**
     * A finding as the catalogue holds it.
     *
     * @param finding the finding
     * @param firstSeen when it was first seen
     * @param lastSeen when it was last reported
     * @param firstVersion the first version it was seen in
     * @param sla where it stands against its SLA
     * @param due when it is due, or {@code null} if its severity has no SLA
     */
    public record StoredFinding(Finding finding, Instant firstSeen, Instant lastSeen, String firstVersion,
            SlaState sla, @CheckForNull Instant due) {
    }

    /**
     * The latest scan of one tool.
     *
     * @param tool the tool
     * @param version the version scanned
     * @param at when
     * @param complete whether it completed
     * @param findings how many findings it had
     */
    public record ScanInfo(String tool, String version, Instant at, boolean complete, int findings) {
    }

    /**
     * One recording.
     *
     * @param id its id
     * @param version the version recorded
     * @param environment the environment deployed to, or {@code null}
     * @param at when
     * @param build the build, or {@code null}
     * @param newFindings new findings
     * @param fixed fixed findings
     * @param open open findings after it
     */
    public record Recording(long id, String version, @CheckForNull String environment, Instant at,
            @CheckForNull ServiceSummary.BuildLink build, int newFindings, int fixed, int open) {
    }

    /**
     * What was read from the service's repository, and where each metadata value came from.
     *
     * @param topics the repository's topics
     * @param defaultBranch the default branch, or {@code null}
     * @param archived whether the repository is archived
     * @param visibility {@code public}, {@code private} or {@code internal}, or {@code null}
     * @param language the primary language, or {@code null}
     * @param latestRelease the tag of the latest release, or {@code null}
     * @param sources where each value came from and when it was given or read, by field
     */
    public record RepositoryInfo(List<String> topics, @CheckForNull String defaultBranch, boolean archived,
            @CheckForNull String visibility, @CheckForNull String language, @CheckForNull String latestRelease,
            List<Provenance> sources) {
        /** Copies the lists. */
        public RepositoryInfo {
            topics = List.copyOf(topics);
            sources = List.copyOf(sources);
        }
    }

    /**
     * Where one metadata value came from.
     *
     * @param field the field, such as {@code team} or {@code latest-release}
     * @param source {@code pipeline}, {@code github} or {@code codeowners}
     * @param at when it was given or read
     */
    public record Provenance(String field, String source, Instant at) {
    }
}
