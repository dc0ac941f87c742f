package io.jenkins.plugins.securitycatalogue.query;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.posture.SeverityCounts;
import io.jenkins.plugins.securitycatalogue.recording.MetadataField;
import io.jenkins.plugins.securitycatalogue.recording.MetadataSource;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.FindingRows;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Answers the questions people ask the catalogue: what runs where, who owns it, where the risk is. */
public final class CatalogueQueries {
    private static final String SUMMARY_COLUMNS = "s.id, s.name, s.team, s.tier, s.repository, s.description, "
            + "s.last_recorded_at, s.last_scanned_at, s.open_critical, s.open_high, s.open_medium, s.open_low, "
            + "s.open_info, s.open_unknown, s.suppressed_count, s.new_count, r.build_job, r.build_number, r.build_url, "
            + "s.archived, s.topics, s.default_branch, s.visibility, s.primary_language, s.latest_release";
    private static final String SUMMARY_FROM = " FROM service s LEFT JOIN recording r ON r.id = s.last_recording_id";

    private final CatalogueStore store;
    private final CataloguePolicy policy;
    private final java.util.function.Supplier<Instant> clock;

    /** Creates the queries over a store under a policy, at the current time. */
    public CatalogueQueries(CatalogueStore store, CataloguePolicy policy) {
        this(store, policy, Instant::now);
    }

    /** Creates the queries with a clock, for tests of time-dependent states. */
    public CatalogueQueries(CatalogueStore store, CataloguePolicy policy, java.util.function.Supplier<Instant> clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** Returns the services that pass the filter, riskiest first, then by name. */
    public List<ServiceSummary> services(ServiceFilter filter) throws StoreException {
        return store.read(connection -> {
            Instant now = clock.get();
            Map<Long, Map<String, String>> deployments = deployments(connection, null);
            Map<Long, Map<String, String>> links = links(connection, null);
            Map<Long, SeverityCounts> breaches = breaches(connection, null, now);
            List<ServiceSummary> services = new ArrayList<>();
            var sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + SUMMARY_FROM);
            if (filter.team() != null) {
                sql.append(" WHERE LOWER(s.team) = ?");
            }
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                if (filter.team() != null) {
                    select.setString(1, filter.team().toLowerCase(Locale.ROOT));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long id = row.getLong("id");
                        services.add(summary(row, links.getOrDefault(id, Map.of()),
                                deployments.getOrDefault(id, Map.of()), breaches.getOrDefault(id, SeverityCounts.NONE),
                                now));
                    }
                }
            }
            return services.stream()
                    .filter(service -> filter.environment() == null
                            || service.deployments().containsKey(filter.environment()))
                    .filter(service -> filter.severity() == null || service.open().atLeast(filter.severity()) > 0)
                    .sorted(Comparator.comparingLong((ServiceSummary service) -> service.risk().total()).reversed()
                            .thenComparing(ServiceSummary::name))
                    .toList();
        });
    }

    /** Returns everything known about one service. */
    public Optional<ServiceDetails> service(String name) throws StoreException {
        return store.read(connection -> {
            Instant now = clock.get();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + SUMMARY_COLUMNS + SUMMARY_FROM + " WHERE s.name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    long id = row.getLong("id");
                    ServiceSummary summary = summary(row, links(connection, id).getOrDefault(id, Map.of()),
                            deployments(connection, id).getOrDefault(id, Map.of()),
                            breaches(connection, id, now).getOrDefault(id, SeverityCounts.NONE), now);
                    return Optional.of(new ServiceDetails(summary, row.getString("description"),
                            deploymentDetails(connection, id), findings(connection, id, "OPEN", now),
                            findings(connection, id, "SUPPRESSED", now), latestScans(connection, id),
                            recordings(connection, id), repository(connection, row, id)));
                }
            }
        });
    }

    /**
     * Returns the services that carry a vulnerability (any of its identifiers: CVE, GHSA, ...) or a package (its
     * name or purl), with the environments whose deployed version carries it. A finding fixed in the newest scan
     * is still listed while an environment runs a version that has it.
     */
    public List<ExposureHit> exposure(String query) throws StoreException {
        String wanted = query.strip();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return store.read(connection -> {
            List<ExposureHit> hits = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT f.id, s.name, s.team, f.tool, "
                    + "f.identifier, f.severity, f.package_name, f.installed_version, f.fixed_version, f.state "
                    + "FROM finding f JOIN service s ON s.id = f.service_id WHERE ("
                    + "f.id IN (SELECT finding_id FROM finding_alias WHERE alias = ?) "
                    + "OR LOWER(f.package_name) = ? OR LOWER(f.purl) LIKE ?) ORDER BY s.name, f.identifier")) {
                select.setString(1, Recorder.normaliseIdentifier(wanted));
                select.setString(2, wanted.toLowerCase(Locale.ROOT));
                select.setString(3, escapeLike(wanted.toLowerCase(Locale.ROOT)) + "@%");
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        List<String> environments = exposedEnvironments(connection, row.getLong("id"));
                        String state = row.getString("state");
                        if ("FIXED".equals(state) && environments.isEmpty()) {
                            continue;
                        }
                        hits.add(new ExposureHit(row.getString("name"), row.getString("team"), row.getString("tool"),
                                row.getString("identifier"), Severity.valueOf(row.getString("severity")),
                                row.getString("package_name"), row.getString("installed_version"),
                                row.getString("fixed_version"), state, environments));
                    }
                }
            }
            return hits;
        });
    }

    /**
     * Returns, per service name, the full names of the CI jobs that recorded it: who may see a service's findings
     * follows who may read those jobs.
     */
    public Map<String, java.util.Set<String>> recordingJobs() throws StoreException {
        return store.read(connection -> {
            Map<String, java.util.Set<String>> jobs = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT s.name, r.build_job FROM "
                    + "recording r JOIN service s ON s.id = r.service_id WHERE r.build_job IS NOT NULL");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    jobs.computeIfAbsent(row.getString(1), name -> new TreeSet<>()).add(row.getString(2));
                }
            }
            return jobs;
        });
    }

    /** Returns the names of the services a CI job has recorded. */
    public java.util.Set<String> servicesRecordedBy(String job) throws StoreException {
        return store.read(connection -> {
            var services = new TreeSet<String>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT s.name FROM recording r "
                    + "JOIN service s ON s.id = r.service_id WHERE r.build_job = ?")) {
                select.setString(1, job);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        services.add(row.getString(1));
                    }
                }
            }
            return services;
        });
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<String> exposedEnvironments(Connection connection, long findingId) throws SQLException {
        var environments = new TreeSet<String>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT d.environment FROM deployment d "
                + "JOIN scan sc ON sc.service_id = d.service_id AND sc.service_version = d.service_version "
                + "JOIN scan_finding sf ON sf.scan_id = sc.id WHERE d.current_deployment = TRUE AND sf.finding_id = ?")) {
            select.setLong(1, findingId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    environments.add(row.getString(1));
                }
            }
        }
        return List.copyOf(environments);
    }

    private ServiceSummary summary(ResultSet row, Map<String, String> links, Map<String, String> deployments,
            SeverityCounts breached, Instant now) throws SQLException {
        var open = new SeverityCounts(row.getInt("open_critical"), row.getInt("open_high"), row.getInt("open_medium"),
                row.getInt("open_low"), row.getInt("open_info"), row.getInt("open_unknown"));
        Instant lastScanned = instant(row.getTimestamp("last_scanned_at"));
        boolean stale = lastScanned == null || lastScanned.plus(policy.staleAfter()).isBefore(now);
        return new ServiceSummary(row.getString("name"), row.getString("team"), row.getString("tier"),
                row.getString("repository"), links, deployments, build(row), open, row.getInt("suppressed_count"),
                row.getInt("new_count"), breached, policy.risk().score(open),
                row.getTimestamp("last_recorded_at").toInstant(), lastScanned, stale, row.getBoolean("archived"));
    }

    @CheckForNull
    private static ServiceSummary.BuildLink build(ResultSet row) throws SQLException {
        String job = row.getString("build_job");
        if (job == null) {
            return null;
        }
        long number = row.getLong("build_number");
        return new ServiceSummary.BuildLink(job, row.wasNull() ? null : number, row.getString("build_url"));
    }

    private static Map<Long, Map<String, String>> deployments(Connection connection, @CheckForNull Long serviceId)
            throws SQLException {
        return pairs(connection, "SELECT service_id, environment, service_version FROM deployment WHERE "
                + "current_deployment = TRUE", serviceId);
    }

    private static Map<Long, Map<String, String>> links(Connection connection, @CheckForNull Long serviceId)
            throws SQLException {
        return pairs(connection, "SELECT service_id, link_name, url FROM service_link WHERE 1 = 1", serviceId);
    }

    private static Map<Long, Map<String, String>> pairs(Connection connection, String sql,
            @CheckForNull Long serviceId) throws SQLException {
        Map<Long, Map<String, String>> pairs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                serviceId == null ? sql : sql + " AND service_id = ?")) {
            if (serviceId != null) {
                select.setLong(1, serviceId);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    pairs.computeIfAbsent(row.getLong(1), id -> new TreeMap<>()).put(row.getString(2),
                            row.getString(3));
                }
            }
        }
        return pairs;
    }

    private Map<Long, SeverityCounts> breaches(Connection connection, @CheckForNull Long serviceId, Instant now)
            throws SQLException {
        Map<Long, Map<Severity, Integer>> counts = new HashMap<>();
        for (Severity severity : Severity.values()) {
            Instant limit = policy.sla().breachedBefore(severity, now);
            if (limit == null) {
                continue;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT service_id, COUNT(*) FROM finding "
                    + "WHERE state = 'OPEN' AND severity = ? AND first_seen < ?"
                    + (serviceId == null ? "" : " AND service_id = ?") + " GROUP BY service_id")) {
                select.setString(1, severity.name());
                select.setTimestamp(2, Timestamp.from(limit));
                if (serviceId != null) {
                    select.setLong(3, serviceId);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        counts.computeIfAbsent(row.getLong(1), id -> new EnumMap<>(Severity.class))
                                .put(severity, row.getInt(2));
                    }
                }
            }
        }
        Map<Long, SeverityCounts> result = new HashMap<>();
        counts.forEach((id, bySeverity) -> result.put(id, SeverityCounts.of(bySeverity)));
        return result;
    }

    private static List<ServiceDetails.Deployment> deploymentDetails(Connection connection, long serviceId)
            throws SQLException {
        List<ServiceDetails.Deployment> deployments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT d.environment, d.service_version, "
                + "d.deployed_at, r.build_job, r.build_number, r.build_url FROM deployment d JOIN recording r ON "
                + "r.id = d.recording_id WHERE d.service_id = ? AND d.current_deployment = TRUE ORDER BY d.environment")) {
            select.setLong(1, serviceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    deployments.add(new ServiceDetails.Deployment(row.getString("environment"),
                            row.getString("service_version"), row.getTimestamp("deployed_at").toInstant(), build(row)));
                }
            }
        }
        return deployments;
    }

    private List<ServiceDetails.StoredFinding> findings(Connection connection, long serviceId, String state,
            Instant now) throws SQLException {
        Map<Long, ServiceDetails.StoredFinding> findings = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, first_seen, last_seen, "
                + "first_version, " + FindingRows.COLUMNS + " FROM finding WHERE service_id = ? AND state = ?")) {
            select.setLong(1, serviceId);
            select.setString(2, state);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Finding finding = FindingRows.read(row);
                    Instant firstSeen = row.getTimestamp("first_seen").toInstant();
                    findings.put(row.getLong("id"), new ServiceDetails.StoredFinding(finding, firstSeen,
                            row.getTimestamp("last_seen").toInstant(), row.getString("first_version"),
                            policy.sla().state(finding.severity(), firstSeen, now),
                            policy.sla().due(finding.severity(), firstSeen).orElse(null)));
                }
            }
        }
        return findings.values().stream()
                .sorted(Comparator.comparing((ServiceDetails.StoredFinding stored) -> stored.finding().severity())
                        .thenComparing(stored -> stored.finding().id())
                        .thenComparing(stored -> String.valueOf(stored.finding().packageName())))
                .toList();
    }

    private static List<ServiceDetails.ScanInfo> latestScans(Connection connection, long serviceId)
            throws SQLException {
        List<ServiceDetails.ScanInfo> scans = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT tool, service_version, scanned_at, "
                + "complete, finding_count FROM scan WHERE id IN (SELECT MAX(id) FROM scan WHERE service_id = ? "
                + "GROUP BY tool) ORDER BY tool")) {
            select.setLong(1, serviceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    scans.add(new ServiceDetails.ScanInfo(row.getString(1), row.getString(2),
                            row.getTimestamp(3).toInstant(), row.getBoolean(4), row.getInt(5)));
                }
            }
        }
        return scans;
    }

    private static List<ServiceDetails.Recording> recordings(Connection connection, long serviceId)
            throws SQLException {
        List<ServiceDetails.Recording> recordings = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, service_version, environment, "
                + "recorded_at, build_job, build_number, build_url, new_count, fixed_count, open_count FROM recording "
                + "WHERE service_id = ? ORDER BY id DESC FETCH FIRST 20 ROWS ONLY")) {
            select.setLong(1, serviceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    recordings.add(new ServiceDetails.Recording(row.getLong("id"), row.getString("service_version"),
                            row.getString("environment"), row.getTimestamp("recorded_at").toInstant(), build(row),
                            row.getInt("new_count"), row.getInt("fixed_count"), row.getInt("open_count")));
                }
            }
        }
        return recordings;
    }

    private static ServiceDetails.RepositoryInfo repository(Connection connection, ResultSet service, long serviceId)
            throws SQLException {
        String topics = service.getString("topics");
        return new ServiceDetails.RepositoryInfo(
                topics == null || topics.isBlank() ? List.of() : List.of(topics.split(",")),
                service.getString("default_branch"), service.getBoolean("archived"), service.getString("visibility"),
                service.getString("primary_language"), service.getString("latest_release"),
                provenance(connection, serviceId));
    }

    private static List<ServiceDetails.Provenance> provenance(Connection connection, long serviceId)
            throws SQLException {
        List<ServiceDetails.Provenance> sources = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT field_name, source, read_at FROM "
                + "service_metadata_source WHERE service_id = ? ORDER BY field_name")) {
            select.setLong(1, serviceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sources.add(new ServiceDetails.Provenance(MetadataField.valueOf(row.getString(1)).label(),
                            MetadataSource.valueOf(row.getString(2)).label(), row.getTimestamp(3).toInstant()));
                }
            }
        }
        return sources;
    }

    @CheckForNull
    private static Instant instant(@CheckForNull Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
