package io.jenkins.plugins.securitycatalogue.posture;

import java.time.Duration;

/**
 * The configurable rules of a catalogue.
 *
 * @param risk how the risk score is made
 * @param sla days to fix per severity
 * @param staleAfter a service not scanned for longer than this is flagged stale (default 30 days)
 * @param scansKept scans kept per service and tool; older ones are removed unless their version is deployed
 * @param deploymentHistory how long past deployments are kept; the current one of each environment always is
 */
public record CataloguePolicy(RiskPolicy risk, SlaPolicy sla, Duration staleAfter, int scansKept,
        Duration deploymentHistory) {
    private static final Duration DEFAULT_DEPLOYMENT_HISTORY = Duration.ofDays(365);

    /** Validates the policy. */
    public CataloguePolicy {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("Staleness limit must be positive, got " + staleAfter);
        }
        if (scansKept < 1) {
            throw new IllegalArgumentException("At least one scan per tool must be kept, got " + scansKept);
        }
        if (deploymentHistory.isNegative()) {
            throw new IllegalArgumentException("Deployment history cannot be negative, got " + deploymentHistory);
        }
    }

    /** Creates a policy that keeps a year of deployment history. */
    public CataloguePolicy(RiskPolicy risk, SlaPolicy sla, Duration staleAfter, int scansKept) {
        this(risk, sla, staleAfter, scansKept, DEFAULT_DEPLOYMENT_HISTORY);
    }

    /** Returns the default policy. */
    public static CataloguePolicy defaults() {
        return new CataloguePolicy(RiskPolicy.defaults(), SlaPolicy.defaults(), Duration.ofDays(30), 50,
                DEFAULT_DEPLOYMENT_HISTORY);
    }
}
