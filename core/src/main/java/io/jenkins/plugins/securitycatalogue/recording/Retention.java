package io.jenkins.plugins.securitycatalogue.recording;

import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one service's history bounded, inside the transaction of each of its recordings, so that the
 * catalogue's size follows the number of services and tools, not the number of builds.
 *
 * <ul>
 *   <li>Scans: the newest {@link CataloguePolicy#scansKept()} per tool, and every scan of a version that is
 *       deployed now in some environment (exposure needs them).</li>
 *   <li>Deployments: the current one of each environment, and past ones younger than
 *       {@link CataloguePolicy#deploymentHistory()}.</li>
 *   <li>Recordings: the newest {@link CataloguePolicy#scansKept()}, and every one a kept scan or deployment
 *       comes from.</li>
 *   <li>Findings: open and suppressed ones, and fixed ones still in a kept scan. A fixed finding that is in no
 *       kept scan is removed; if it comes back later it is new again, with a new first-seen time.</li>
 * </ul>
 */
final class Retention {
    private final Connection connection;
    private final CataloguePolicy policy;
    private final long serviceId;

    Retention(Connection connection, CataloguePolicy policy, long serviceId) {
        this.connection = connection;
        this.policy = policy;
        this.serviceId = serviceId;
    }

    /** Applies the policy; returns how many rows were removed. */
    int apply(long currentRecordingId, Instant now) throws SQLException {
        int removed = 0;
        for (String tool : tools()) {
            removed += pruneScans(tool);
        }
        removed += pruneDeployments(now);
        removed += pruneRecordings(currentRecordingId);
        return removed + pruneFixedFindings();
    }

    private List<String> tools() throws SQLException {
        List<String> tools = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT tool FROM scan WHERE service_id = ?")) {
            select.setLong(1, serviceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tools.add(row.getString(1));
                }
            }
        }
        return tools;
    }

    private int pruneScans(String tool) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM scan WHERE service_id = ? "
                + "AND tool = ? AND id NOT IN (SELECT id FROM (SELECT id FROM scan WHERE service_id = ? "
                + "AND tool = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY) kept) AND service_version NOT IN "
                + "(SELECT service_version FROM deployment WHERE service_id = ? AND current_deployment = TRUE)")) {
            delete.setLong(1, serviceId);
            delete.setString(2, tool);
            delete.setLong(3, serviceId);
            delete.setString(4, tool);
            delete.setInt(5, policy.scansKept());
            delete.setLong(6, serviceId);
            return delete.executeUpdate();
        }
    }

    private int pruneDeployments(Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM deployment WHERE service_id = ? "
                + "AND current_deployment = FALSE AND deployed_at < ?")) {
            delete.setLong(1, serviceId);
            delete.setTimestamp(2, Timestamp.from(now.minus(policy.deploymentHistory())));
            return delete.executeUpdate();
        }
    }

    /**
     * Deletes the service's old recordings that no scan or deployment comes from. The references are looked up
     * by recording id alone (a recording belongs to one service): with the service id as well, both databases
     * read all of the service's deployments for each recording, a cost that grew with the square of a year's
     * deployment history (P2 in docs/performance.md).
     */
    private int pruneRecordings(long currentRecordingId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM recording WHERE service_id = ? "
                + "AND id <> ? AND id NOT IN (SELECT id FROM (SELECT id FROM recording WHERE service_id = ? "
                + "ORDER BY id DESC FETCH FIRST ? ROWS ONLY) kept) "
                + "AND NOT EXISTS (SELECT 1 FROM scan sc WHERE sc.recording_id = recording.id) "
                + "AND NOT EXISTS (SELECT 1 FROM deployment d WHERE d.recording_id = recording.id)")) {
            delete.setLong(1, serviceId);
            delete.setLong(2, currentRecordingId);
            delete.setLong(3, serviceId);
            delete.setInt(4, policy.scansKept());
            return delete.executeUpdate();
        }
    }

    private int pruneFixedFindings() throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM finding WHERE service_id = ? "
                + "AND state = 'FIXED' AND NOT EXISTS (SELECT 1 FROM scan_finding sf "
                + "WHERE sf.finding_id = finding.id)")) {
            delete.setLong(1, serviceId);
            return delete.executeUpdate();
        }
    }
}
