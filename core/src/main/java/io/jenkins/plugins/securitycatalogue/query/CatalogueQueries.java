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

    /** The order of the services table: riskiest first, then by name. */
    private static final Comparator<ServiceSummary> RISKIEST_FIRST = Comparator
            .comparingLong((ServiceSummary service) -> service.risk().total()).reversed()
            .thenComparing(ServiceSummary::name);
    /** At most this many ids in one {@code IN} list: PostgreSQL takes at most 32,767 parameters. */
    private static final int CHUNK = 1_000;

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
            List<ServiceSummary> services = summaries(connection, pageIds(connection, filter, 0, -1), null, now);
            return services.stream().sorted(RISKIEST_FIRST).toList();
        });
    }

    /**
     * Returns one page of the services that pass the filter, in the order of {@link #services(ServiceFilter)}:
     * riskiest first (the score of the current risk policy, computed by the database from the stored counts),
     * then by name. Only the services of the page are read, with their deployments, links and SLA breaches, so
     * that a page costs the same in a catalogue of any size. Ties of score are broken by name as the database
     * orders names, which may differ from Java's order for names that differ only in case or punctuation.
     *
     * @param offset how many services to skip, 0 or more
     * @param limit how many services at most, 1 or more
     */
    public List<ServiceSummary> services(ServiceFilter filter, int offset, int limit) throws StoreException {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("A page needs an offset of 0 or more and a limit of 1 or more, got "
                    + offset + " and " + limit);
        }
        return store.read(connection -> {
            List<Long> ids = pageIds(connection, filter, offset, limit);
            return summaries(connection, ids, ids, clock.get()).stream().sorted(RISKIEST_FIRST).toList();
        });
    }

    /** Selects the ids of the services that pass the filter, riskiest first; a negative limit means all. */
    private List<Long> pageIds(Connection connection, ServiceFilter filter, int offset, int limit)
            throws SQLException {
        var sql = new StringBuilder("SELECT s.id FROM service s WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (filter.team() != null) {
            sql.append(" AND s.team_key = ?");
            values.add(filter.team().toLowerCase(Locale.ROOT));
        }
        if (filter.environment() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM deployment d WHERE d.service_id = s.id AND d.environment = ? "
                    + "AND d.current_deployment = TRUE)");
            values.add(filter.environment());
        }
        if (filter.severity() != null) {
            sql.append(" AND ").append(openAtLeast(filter.severity())).append(" > 0");
        }
        sql.append(" ORDER BY ").append(riskExpression()).append(" DESC, s.name");
        if (limit >= 0) {
            sql.append(" OFFSET ").append(offset).append(" ROWS FETCH NEXT ").append(limit).append(" ROWS ONLY");
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int index = 0; index < values.size(); index++) {
                select.setString(index + 1, values.get(index));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The risk score of the current policy over the stored open counts; weights are integers, never input. */
    private String riskExpression() {
        List<String> terms = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            terms.add("CAST(s." + openColumn(severity) + " AS BIGINT) * " + policy.risk().weight(severity));
        }
        return "(" + String.join(" + ", terms) + ")";
    }

    /** The sum of the open counts that {@link SeverityCounts#atLeast(Severity)} adds up. */
    private static String openAtLeast(Severity wanted) {
        if (wanted == Severity.UNKNOWN) {
            return "s." + openColumn(Severity.UNKNOWN);
        }
        List<String> columns = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            if (severity != Severity.UNKNOWN && severity.isAtLeast(wanted)) {
                columns.add("s." + openColumn(severity));
            }
        }
        return "(" + String.join(" + ", columns) + ")";
    }

    private static String openColumn(Severity severity) {
        return "open_" + severity.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the summaries of services by id, in the order given.
     *
     * @param only the ids whose deployments, links and breaches to read, or {@code null} to read the whole
     *     catalogue's at once (cheaper than a long list of ids when every service is wanted)
     */
    private List<ServiceSummary> summaries(Connection connection, List<Long> ids, @CheckForNull List<Long> only,
            Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, String>> deployments = deployments(connection, only);
        Map<Long, Map<String, String>> links = links(connection, only);
        Map<Long, SeverityCounts> breaches = breaches(connection, only, now);
        Map<Long, ServiceSummary> byId = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + SUMMARY_COLUMNS + SUMMARY_FROM
                    + " WHERE s.id IN (" + placeholders(chunk.size()) + ")")) {
                bindIds(select, 1, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long id = row.getLong("id");
                        byId.put(id, summary(row, links.getOrDefault(id, Map.of()),
                                deployments.getOrDefault(id, Map.of()), breaches.getOrDefault(id, SeverityCounts.NONE),
                                now));
                    }
                }
            }
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
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
                    List<Long> only = List.of(id);
                    ServiceSummary summary = summary(row, links(connection, only).getOrDefault(id, Map.of()),
                            deployments(connection, only).getOrDefault(id, Map.of()),
                            breaches(connection, only, now).getOrDefault(id, SeverityCounts.NONE), now);
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
            List<ExposureRow> rows = exposureRows(connection, wanted);
            Map<Long, List<String>> environments = exposedEnvironments(connection,
                    rows.stream().map(ExposureRow::findingId).toList());
            List<ExposureHit> hits = new ArrayList<>();
            for (ExposureRow row : rows) {
                List<String> where = environments.getOrDefault(row.findingId(), List.of());
                if (!"FIXED".equals(row.hit().state()) || !where.isEmpty()) {
                    ExposureHit hit = row.hit();
                    hits.add(new ExposureHit(hit.service(), hit.team(), hit.tool(), hit.id(), hit.severity(),
                            hit.packageName(), hit.installedVersion(), hit.fixedVersion(), hit.state(), where));
                }
            }
            return hits;
        });
    }

    /**
     * Finds the findings that carry the identifier or package: a union of three index lookups (alias, lower-case
     * package name, purl without its version) instead of one condition with OR, which neither database can serve
     * from an index.
     */
    private static List<ExposureRow> exposureRows(Connection connection, String wanted) throws SQLException {
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<ExposureRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT f.id, s.name, s.team, f.tool, "
                + "f.identifier, f.severity, f.package_name, f.installed_version, f.fixed_version, f.state "
                + "FROM (SELECT finding_id AS id FROM finding_alias WHERE alias = ? "
                + "UNION SELECT id FROM finding WHERE package_key = ? "
                + "UNION SELECT id FROM finding WHERE purl_key = ? AND LOWER(purl) LIKE ?) hit "
                + "JOIN finding f ON f.id = hit.id JOIN service s ON s.id = f.service_id "
                + "ORDER BY s.name, f.identifier")) {
            select.setString(1, Recorder.normaliseIdentifier(wanted));
            select.setString(2, lower);
            select.setString(3, FindingRows.purlKey(wanted));
            select.setString(4, escapeLike(lower) + "@%");
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new ExposureRow(row.getLong("id"), new ExposureHit(row.getString("name"),
                            row.getString("team"), row.getString("tool"), row.getString("identifier"),
                            Severity.valueOf(row.getString("severity")), row.getString("package_name"),
                            row.getString("installed_version"), row.getString("fixed_version"),
                            row.getString("state"), List.of())));
                }
            }
        }
        return rows;
    }

    /** A finding found by an exposure search, before its environments are known. */
    private record ExposureRow(long findingId, ExposureHit hit) {
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

    /**
     * Returns, per finding, the environments whose current deployment's version has a scan that lists it: one
     * query per chunk of findings, not one per finding.
     */
    private static Map<Long, List<String>> exposedEnvironments(Connection connection, List<Long> findingIds)
            throws SQLException {
        Map<Long, java.util.Set<String>> environments = new HashMap<>();
        for (List<Long> chunk : chunks(findingIds)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT sf.finding_id, "
                    + "d.environment FROM scan_finding sf JOIN scan sc ON sc.id = sf.scan_id "
                    + "JOIN deployment d ON d.service_id = sc.service_id AND d.service_version = sc.service_version "
                    + "WHERE d.current_deployment = TRUE AND sf.finding_id IN (" + placeholders(chunk.size())
                    + ")")) {
                bindIds(select, 1, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        environments.computeIfAbsent(row.getLong(1), id -> new TreeSet<>()).add(row.getString(2));
                    }
                }
            }
        }
        Map<Long, List<String>> sorted = new HashMap<>();
        environments.forEach((id, names) -> sorted.put(id, List.copyOf(names)));
        return sorted;
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

    private static Map<Long, Map<String, String>> deployments(Connection connection, @CheckForNull List<Long> ids)
            throws SQLException {
        return pairs(connection, "SELECT service_id, environment, service_version FROM deployment WHERE "
                + "current_deployment = TRUE", ids);
    }

    private static Map<Long, Map<String, String>> links(Connection connection, @CheckForNull List<Long> ids)
            throws SQLException {
        return pairs(connection, "SELECT service_id, link_name, url FROM service_link WHERE 1 = 1", ids);
    }

    /** Reads (service id, key, value) rows of the services, or of all services when {@code ids} is null. */
    private static Map<Long, Map<String, String>> pairs(Connection connection, String sql,
            @CheckForNull List<Long> ids) throws SQLException {
        Map<Long, Map<String, String>> pairs = new HashMap<>();
        for (List<Long> chunk : ids == null ? List.<List<Long>>of(List.of()) : chunks(ids)) {
            try (PreparedStatement select = connection.prepareStatement(
                    ids == null ? sql : sql + " AND service_id IN (" + placeholders(chunk.size()) + ")")) {
                bindIds(select, 1, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        pairs.computeIfAbsent(row.getLong(1), id -> new TreeMap<>()).put(row.getString(2),
                                row.getString(3));
                    }
                }
            }
        }
        return pairs;
    }

    /**
     * Counts the SLA breaches of the services, or of all services when {@code ids} is null, in one grouped
     * query per chunk of ids: for a page, a few range scans of the index on
     * {@code (service_id, state, severity, first_seen)}.
     */
    private Map<Long, SeverityCounts> breaches(Connection connection, @CheckForNull List<Long> ids, Instant now)
            throws SQLException {
        Map<Severity, Instant> limits = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Instant limit = policy.sla().breachedBefore(severity, now);
            if (limit != null) {
                limits.put(severity, limit);
            }
        }
        Map<Long, Map<Severity, Integer>> counts = new HashMap<>();
        if (limits.isEmpty()) {
            return Map.of();
        }
        for (List<Long> chunk : ids == null ? List.<List<Long>>of(List.of()) : chunks(ids)) {
            countBreaches(connection, limits, ids == null ? null : chunk, counts);
        }
        Map<Long, SeverityCounts> result = new HashMap<>();
        counts.forEach((id, bySeverity) -> result.put(id, SeverityCounts.of(bySeverity)));
        return result;
    }

    private static void countBreaches(Connection connection, Map<Severity, Instant> limits,
            @CheckForNull List<Long> ids, Map<Long, Map<Severity, Integer>> counts) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT service_id, severity, COUNT(*) FROM "
                + "finding WHERE " + (ids == null ? "" : "service_id IN (" + placeholders(ids.size()) + ") AND ")
                + Recorder.breachCondition(limits.size()) + " GROUP BY service_id, severity")) {
            int index = ids == null ? 1 : bindIds(select, 1, ids);
            for (var limit : limits.entrySet()) {
                select.setString(index++, limit.getKey().name());
                select.setTimestamp(index++, Timestamp.from(limit.getValue()));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.computeIfAbsent(row.getLong(1), id -> new EnumMap<>(Severity.class))
                            .put(Severity.valueOf(row.getString(2)), row.getInt(3));
                }
            }
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** Binds ids from parameter {@code first} on; returns the next parameter index. */
    private static int bindIds(PreparedStatement statement, int first, List<Long> ids) throws SQLException {
        int index = first;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
        return index;
    }

    private static List<ServiceDetails.Deployment> deploymentDetails(Connection connection, long serviceId)
            throws SQLException {
        List<ServiceDetails.Deployment> deployments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT d.environment, d.service_version, "
                + "d.deployed_at, r.build_job, r.build_number, r.build_url FROM deployment d JOIN recording r ON "
                + "r.id = d.recording_id WHERE d.service_id = ? AND d.current_deployment = TRUE "
                + "ORDER BY d.environment")) {
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
