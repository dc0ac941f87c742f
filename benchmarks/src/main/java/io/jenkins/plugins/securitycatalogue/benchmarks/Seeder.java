package io.jenkins.plugins.securitycatalogue.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Fills an empty, migrated catalogue with generated services and findings by batched direct inserts, much faster
 * than recording them one build at a time: {@code services} services of 20 teams, each deployed to production,
 * with one scan of {@code findingsPerService} findings (open, a tenth fixed), their aliases and scan links.
 * It commits every batch: in one transaction of 2,000,000 findings H2's file grew to 28 GB, and the P3 queries
 * then read their pages cold from disk.
 */
final class Seeder {
    private static final Logger LOGGER = Logger.getLogger(Seeder.class.getName());
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"};
    private static final int BATCH = 5_000;

    private final Connection connection;
    private final Timestamp now = Timestamp.from(START);

    Seeder(Connection connection) {
        this.connection = connection;
    }

    /** Returns whether the catalogue already holds the services (a cached database). */
    static boolean seeded(Connection connection, int services) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM service")) {
            count.next();
            return count.getInt(1) >= services;
        }
    }

    /** Name of the n-th service. */
    static String service(int index) {
        return String.format(Locale.ROOT, "service-%05d", index);
    }

    /** Identifier of a finding: shared by about {@code services / 100} services, as real CVEs are. */
    static String cve(int finding) {
        return "CVE-2026-" + (10000 + finding);
    }

    void seed(int services, int findingsPerService) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        insertServices(services);
        insertFindings(services, findingsPerService);
        connection.commit();
        connection.setAutoCommit(true);
        LOGGER.info(() -> String.format(Locale.ROOT, "Seeded %,d services and %,d findings in %d s", services,
                (long) services * findingsPerService, (System.nanoTime() - started) / 1_000_000_000L));
    }

    private void insertServices(int services) throws SQLException {
        try (PreparedStatement service = connection.prepareStatement("INSERT INTO service (id, name, team, "
                + "created_at, updated_at, last_recorded_at, last_scanned_at, last_recording_id, open_critical, "
                + "open_high, open_medium, open_low, team_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement recording = connection.prepareStatement("INSERT INTO recording (id, service_id, "
                        + "service_version, environment, recorded_at, build_job, build_number, new_count, "
                        + "fixed_count, open_count) VALUES (?, ?, '1.0', 'production', ?, ?, 1, 0, 0, 0)");
                PreparedStatement deployment = connection.prepareStatement("INSERT INTO deployment (id, service_id, "
                        + "environment, service_version, deployed_at, recording_id, current_deployment) "
                        + "VALUES (?, ?, 'production', '1.0', ?, ?, TRUE)");
                PreparedStatement scan = connection.prepareStatement("INSERT INTO scan (id, service_id, tool, "
                        + "service_version, recording_id, scanned_at, complete, finding_count) "
                        + "VALUES (?, ?, 'Trivy', '1.0', ?, ?, TRUE, 0)")) {
            for (int id = 1; id <= services; id++) {
                bindService(service, id);
                recording.setLong(1, id);
                recording.setLong(2, id);
                recording.setTimestamp(3, now);
                recording.setString(4, service(id) + "/main");
                recording.addBatch();
                deployment.setLong(1, id);
                deployment.setLong(2, id);
                deployment.setTimestamp(3, now);
                deployment.setLong(4, id);
                deployment.addBatch();
                scan.setLong(1, id);
                scan.setLong(2, id);
                scan.setLong(3, id);
                scan.setTimestamp(4, now);
                scan.addBatch();
                if (id % BATCH == 0 || id == services) {
                    service.executeBatch();
                    recording.executeBatch();
                    deployment.executeBatch();
                    scan.executeBatch();
                }
            }
        }
    }

    private void bindService(PreparedStatement service, int id) throws SQLException {
        service.setLong(1, id);
        service.setString(2, service(id));
        service.setString(3, "team-" + id % 20);
        service.setTimestamp(4, now);
        service.setTimestamp(5, now);
        service.setTimestamp(6, now);
        service.setTimestamp(7, now);
        service.setLong(8, id);
        service.setInt(9, id % 7);
        service.setInt(10, id % 23);
        service.setInt(11, id % 41);
        service.setInt(12, id % 13);
        service.setString(13, "team-" + id % 20);
        service.addBatch();
    }

    private void insertFindings(int services, int perService) throws SQLException {
        try (PreparedStatement finding = connection.prepareStatement("INSERT INTO finding (id, service_id, tool, "
                + "fingerprint, kind, identifier, title, description, severity, cvss_score, package_name, purl, "
                + "installed_version, fixed_version, target, line_number, state, first_seen, last_seen, "
                + "first_version, last_version, first_recording_id, last_recording_id, package_key, purl_key) "
                + "VALUES (?, ?, 'Trivy', ?, 'VULNERABILITY', ?, ?, '', ?, 7.5, ?, ?, '1.0', '1.1', 'image', 0, ?, "
                + "?, ?, '1.0', '1.0', ?, ?, ?, ?)");
                PreparedStatement alias = connection.prepareStatement(
                        "INSERT INTO finding_alias (finding_id, alias) VALUES (?, ?)");
                PreparedStatement link = connection.prepareStatement(
                        "INSERT INTO scan_finding (scan_id, finding_id) VALUES (?, ?)")) {
            long id = 0;
            for (int service = 1; service <= services; service++) {
                for (int index = 0; index < perService; index++) {
                    id++;
                    int cve = (service * 7919 + index * 104_729) % (services * perService / 100 + 1);
                    bindFinding(finding, id, service, index, cve);
                    alias.setLong(1, id);
                    alias.setString(2, cve(cve));
                    alias.addBatch();
                    link.setLong(1, service);
                    link.setLong(2, id);
                    link.addBatch();
                    if (id % BATCH == 0) {
                        finding.executeBatch();
                        alias.executeBatch();
                        link.executeBatch();
                        connection.commit();
                    }
                }
            }
            finding.executeBatch();
            alias.executeBatch();
            link.executeBatch();
        }
    }

    private void bindFinding(PreparedStatement finding, long id, int service, int index, int cve)
            throws SQLException {
        String pkg = "package-" + cve % 5000;
        finding.setLong(1, id);
        finding.setLong(2, service);
        finding.setString(3, String.format(Locale.ROOT, "%064x", id));
        finding.setString(4, cve(cve));
        finding.setString(5, pkg + ": " + cve(cve));
        finding.setString(6, SEVERITIES[index % SEVERITIES.length]);
        finding.setString(7, pkg);
        finding.setString(8, "pkg:maven/org.example/" + pkg + "@1.0");
        finding.setString(9, index % 10 == 0 ? "FIXED" : "OPEN");
        Timestamp firstSeen = Timestamp.from(START.minus(Duration.ofDays(index % 400)));
        finding.setTimestamp(10, firstSeen);
        finding.setTimestamp(11, now);
        finding.setLong(12, service);
        finding.setLong(13, service);
        finding.setString(14, pkg);
        finding.setString(15, "pkg:maven/org.example/" + pkg);
        finding.addBatch();
    }

    /** Moves the identity sequences past the explicit ids, so the application can insert afterwards. */
    void restartIdentities(boolean postgres) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {"service", "recording", "deployment", "scan", "finding"}) {
                long next;
                try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                    max.next();
                    next = max.getLong(1);
                }
                statement.execute(postgres
                        ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                        : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }
}
