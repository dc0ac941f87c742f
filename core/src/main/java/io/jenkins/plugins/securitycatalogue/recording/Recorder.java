package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.Fingerprints;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.posture.SeverityCounts;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.FindingRows;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records a service, its version, its deployment and its scans into the catalogue, in one transaction. Each tool's
 * scan is merged with the service's previous findings of that tool: a finding seen before stays open and keeps its
 * first-seen time, a new one is added, and one no longer reported is fixed, but only when the scan completed.
 */
public final class Recorder {
    private static final String OPEN = "OPEN";
    private static final String FIXED = "FIXED";
    private static final String SUPPRESSED = "SUPPRESSED";

    private static final Logger LOGGER = Logger.getLogger(Recorder.class.getName());

    private final CatalogueStore store;
    private final CataloguePolicy policy;
    @CheckForNull
    private final RepositoryMetadataSource repositories;

    /** Creates a recorder that writes to the store under the policy and reads no repository. */
    public Recorder(CatalogueStore store, CataloguePolicy policy) {
        this(store, policy, null);
    }

    /**
     * Creates a recorder that also fills what the pipeline did not give from the service's repository.
     *
     * @param repositories where to read repositories, or {@code null} to read none
     */
    public Recorder(CatalogueStore store, CataloguePolicy policy, @CheckForNull RepositoryMetadataSource repositories) {
        this.store = store;
        this.policy = policy;
        this.repositories = repositories;
    }

    /**
     * Records the request: all of it or, if anything fails, nothing.
     *
     * @throws StoreException if the catalogue refuses the change
     */
    public RecordingResult record(RecordingRequest request) throws StoreException {
        Map<String, ToolScan> scans = mergeReports(request.reports());
        ReportLog repositoryLog = new ReportLog();
        RepositoryFacts facts = readRepository(request, repositoryLog);
        return store.inTransaction(connection -> new Transaction(connection, request, facts, repositoryLog)
                .run(scans));
    }

    /**
     * Reads the service's repository before the transaction, so that no database lock waits for the network. Any
     * failure is logged and recording goes on with what the pipeline gave.
     */
    @CheckForNull
    private RepositoryFacts readRepository(RecordingRequest request, ReportLog log) throws StoreException {
        if (repositories == null) {
            return null;
        }
        String repository = request.service().repository();
        if (repository == null) {
            repository = storedRepository(request.service().name());
        }
        if (repository == null) {
            log.info("No repository is known for %s; its metadata was not read", request.service().name());
            return null;
        }
        try {
            return repositories.read(repository, log).orElse(null);
        }
        catch (RuntimeException exception) {
            LOGGER.log(Level.WARNING, "Reading the repository of a service failed", exception);
            log.warning("The repository's metadata could not be read (%s); recorded what the pipeline gave",
                    exception.getClass().getSimpleName());
            return null;
        }
    }

    @CheckForNull
    private String storedRepository(String service) throws StoreException {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT repository FROM service WHERE name = ?")) {
                select.setString(1, service);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /** The findings of one tool across the reports of a recording. */
    private static final class ToolScan {
        private final Map<String, Finding> findings = new LinkedHashMap<>();
        private String incompleteReason;
        /** The targets the scan looked at; {@code null} when it looked at everything the tool reports on. */
        private Set<String> scope = new java.util.HashSet<>();
        private boolean scoped;

        void lookedAt(ParsedReport report, String tool) {
            Set<String> targets = report.scopes().get(tool);
            if (targets == null) {
                scope = null;
            }
            else if (scope != null) {
                scope.addAll(targets);
                scoped = true;
            }
        }

        boolean covers(Finding finding) {
            if (scope == null || !scoped) {
                return true;
            }
            String target = finding.target() == null ? "" : Fingerprints.normaliseTarget(finding.target());
            return scope.contains(target);
        }
    }

    private static Map<String, ToolScan> mergeReports(List<ParsedReport> reports) {
        Map<String, ToolScan> scans = new TreeMap<>();
        for (ParsedReport report : reports) {
            report.tools().forEach(tool -> scans.computeIfAbsent(tool, name -> new ToolScan()).lookedAt(report, tool));
            report.incomplete().forEach((tool, reason) -> {
                ToolScan scan = scans.computeIfAbsent(tool, name -> new ToolScan());
                if (scan.incompleteReason == null) {
                    scan.incompleteReason = reason;
                }
            });
            for (Finding finding : report.findings()) {
                scans.computeIfAbsent(finding.tool(), name -> new ToolScan()).findings
                        .putIfAbsent(finding.fingerprint(), finding);
            }
        }
        return scans;
    }

    /** The state of one recording while its transaction runs. */
    private final class Transaction {
        private final Connection connection;
        private final RecordingRequest request;
        @CheckForNull
        private final RepositoryFacts facts;
        private final Timestamp now;
        private final ReportLog log = new ReportLog();
        private final List<Finding> added = new ArrayList<>();
        private final List<Finding> fixed = new ArrayList<>();
        private final List<RecordingResult.ToolChange> changes = new ArrayList<>();
        private long serviceId;
        private long recordingId;

        Transaction(Connection connection, RecordingRequest request, @CheckForNull RepositoryFacts facts,
                ReportLog repositoryLog) {
            this.connection = connection;
            this.request = request;
            this.facts = facts;
            this.now = Timestamp.from(request.at());
            log.addAll(repositoryLog);
            request.reports().forEach(report -> log.addAll(report.log()));
        }

        RecordingResult run(Map<String, ToolScan> scans) throws SQLException {
            serviceId = lockOrCreateService();
            new MetadataWriter(connection, serviceId, request.at()).write(request.service(), facts, log);
            recordingId = insertRecording();
            if (request.environment() != null) {
                deploy(request.environment());
            }
            for (var scan : scans.entrySet()) {
                changes.add(mergeScan(scan.getKey(), scan.getValue()));
            }
            prune();
            Counts counts = count();
            finishRecording(counts.open(), counts.suppressed(), !scans.isEmpty());
            return new RecordingResult(recordingId, request.service().name(), request.version(),
                    request.environment(), changes, added, fixed, counts.open(), counts.suppressed(),
                    counts.breached(), policy.risk().score(counts.open()), log);
        }

        private long lockOrCreateService() throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM service WHERE name = ? FOR UPDATE")) {
                select.setString(1, request.service().name());
                try (ResultSet result = select.executeQuery()) {
                    if (result.next()) {
                        return result.getLong(1);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO service (name, created_at, updated_at, last_recorded_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, request.service().name());
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
                return generatedId(insert);
            }
        }

        private long insertRecording() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO recording (service_id, "
                    + "service_version, environment, recorded_at, build_job, build_number, build_url, new_count, "
                    + "fixed_count, open_count) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, serviceId);
                insert.setString(2, request.version());
                insert.setString(3, request.environment());
                insert.setTimestamp(4, now);
                BuildReference build = request.build();
                insert.setString(5, build == null ? null : build.job());
                if (build == null || build.number() == null) {
                    insert.setNull(6, Types.BIGINT);
                }
                else {
                    insert.setLong(6, build.number());
                }
                insert.setString(7, build == null ? null : build.url());
                insert.executeUpdate();
                return generatedId(insert);
            }
        }

        private void deploy(String environment) throws SQLException {
            try (PreparedStatement retire = connection.prepareStatement("UPDATE deployment SET current_deployment = "
                    + "FALSE WHERE service_id = ? AND environment = ? AND current_deployment = TRUE")) {
                retire.setLong(1, serviceId);
                retire.setString(2, environment);
                retire.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deployment (service_id, "
                    + "environment, service_version, deployed_at, recording_id, current_deployment) "
                    + "VALUES (?, ?, ?, ?, ?, TRUE)")) {
                insert.setLong(1, serviceId);
                insert.setString(2, environment);
                insert.setString(3, request.version());
                insert.setTimestamp(4, now);
                insert.setLong(5, recordingId);
                insert.executeUpdate();
            }
            log.info("%s %s is deployed in %s", request.service().name(), request.version(), environment);
        }

        private RecordingResult.ToolChange mergeScan(String tool, ToolScan scan) throws SQLException {
            boolean complete = scan.incompleteReason == null;
            long scanId = insertScan(tool, scan, complete);
            Map<String, Stored> before = storedFindings(tool);
            List<Finding> inserts = new ArrayList<>();
            List<Finding> updates = new ArrayList<>();
            int reopened = 0;
            int stillOpen = 0;
            int suppressed = 0;
            for (Finding finding : scan.findings.values()) {
                Stored stored = before.get(finding.fingerprint());
                if (finding.isSuppressed()) {
                    suppressed++;
                }
                if (stored == null) {
                    inserts.add(finding);
                    if (!finding.isSuppressed()) {
                        added.add(finding);
                    }
                }
                else {
                    if (changed(stored, finding)) {
                        updates.add(finding);
                    }
                    if (FIXED.equals(stored.state) && !finding.isSuppressed()) {
                        reopened++;
                        added.add(finding);
                    }
                    else if (OPEN.equals(stored.state) && !finding.isSuppressed()) {
                        stillOpen++;
                    }
                }
            }
            insertFindings(tool, inserts);
            updateFindings(tool, updates);
            Map<String, Long> ids = findingIds(tool);
            linkScan(scanId, scan.findings.keySet(), ids);
            markSeen(tool, scanId);
            insertAliases(inserts, ids);
            int fixedCount = 0;
            if (complete) {
                fixedCount = fixMissing(before, scan);
            }
            else {
                log.warning("%s: the scan did not complete (%s); no finding was marked fixed", tool,
                        scan.incompleteReason);
            }
            return new RecordingResult.ToolChange(tool, complete, scan.incompleteReason, scan.findings.size(),
                    inserts.size() - (int) inserts.stream().filter(Finding::isSuppressed).count(), reopened,
                    stillOpen, fixedCount, suppressed);
        }

        private long insertScan(String tool, ToolScan scan, boolean complete) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scan (service_id, tool, "
                    + "service_version, recording_id, scanned_at, complete, incomplete_reason, finding_count) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, serviceId);
                insert.setString(2, tool);
                insert.setString(3, request.version());
                insert.setLong(4, recordingId);
                insert.setTimestamp(5, now);
                insert.setBoolean(6, complete);
                insert.setString(7, scan.incompleteReason);
                insert.setInt(8, scan.findings.size());
                insert.executeUpdate();
                return generatedId(insert);
            }
        }

        private Map<String, Stored> storedFindings(String tool) throws SQLException {
            Map<String, Stored> stored = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, state, " + FindingRows.COLUMNS
                    + " FROM finding WHERE service_id = ? AND tool = ?")) {
                select.setLong(1, serviceId);
                select.setString(2, tool);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Finding finding = FindingRows.read(row);
                        stored.put(finding.fingerprint(), new Stored(row.getLong("id"), row.getString("state"),
                                finding));
                    }
                }
            }
            return stored;
        }

        private void insertFindings(String tool, List<Finding> findings) throws SQLException {
            if (findings.isEmpty()) {
                return;
            }
            String columns = "service_id, tool, fingerprint, " + FindingRows.DETAIL_COLUMNS + ", "
                    + FindingRows.KEY_COLUMNS + ", state, first_seen, last_seen, first_version, last_version, "
                    + "first_recording_id, last_recording_id";
            String placeholders = String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO finding (" + columns + ") VALUES (" + placeholders + ")")) {
                for (Finding finding : findings) {
                    insert.setLong(1, serviceId);
                    insert.setString(2, tool);
                    insert.setString(3, finding.fingerprint());
                    int index = FindingRows.bindKeys(insert, FindingRows.bindDetails(insert, 4, finding), finding);
                    insert.setString(index++, finding.isSuppressed() ? SUPPRESSED : OPEN);
                    insert.setTimestamp(index++, now);
                    insert.setTimestamp(index++, now);
                    insert.setString(index++, request.version());
                    insert.setString(index++, request.version());
                    insert.setLong(index++, recordingId);
                    insert.setLong(index, recordingId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        /** Returns whether a finding seen again differs from what is stored: its details or its state. */
        private boolean changed(Stored stored, Finding finding) {
            String state = finding.isSuppressed() ? SUPPRESSED : OPEN;
            return !state.equals(stored.state)
                    || !FindingRows.details(stored.finding).equals(FindingRows.details(finding));
        }

        /**
         * Moves the last-seen time, version and recording of every finding of the scan, in one statement. The
         * service and tool come first so that both databases start from the finding's identity index: with the
         * scan's links alone, H2 read the whole finding table.
         */
        private void markSeen(String tool, long scanId) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE finding SET last_seen = ?, "
                    + "last_version = ?, last_recording_id = ? WHERE service_id = ? AND tool = ? AND id IN "
                    + "(SELECT finding_id FROM scan_finding WHERE scan_id = ?)")) {
                update.setTimestamp(1, now);
                update.setString(2, request.version());
                update.setLong(3, recordingId);
                update.setLong(4, serviceId);
                update.setString(5, tool);
                update.setLong(6, scanId);
                update.executeUpdate();
            }
        }

        /** Rewrites the findings whose details or state changed since they were stored. */
        private void updateFindings(String tool, List<Finding> findings) throws SQLException {
            if (findings.isEmpty()) {
                return;
            }
            String assignments = (FindingRows.DETAIL_COLUMNS + ", " + FindingRows.KEY_COLUMNS).replace(",", " = ?,")
                    + " = ?";
            try (PreparedStatement update = connection.prepareStatement("UPDATE finding SET " + assignments
                    + ", state = ?, fixed_at = NULL, fixed_recording_id = NULL "
                    + "WHERE service_id = ? AND tool = ? AND fingerprint = ?")) {
                for (Finding finding : findings) {
                    int index = FindingRows.bindKeys(update, FindingRows.bindDetails(update, 1, finding), finding);
                    update.setString(index++, finding.isSuppressed() ? SUPPRESSED : OPEN);
                    update.setLong(index++, serviceId);
                    update.setString(index++, tool);
                    update.setString(index, finding.fingerprint());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }

        private Map<String, Long> findingIds(String tool) throws SQLException {
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT fingerprint, id FROM finding WHERE service_id = ? AND tool = ?")) {
                select.setLong(1, serviceId);
                select.setString(2, tool);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.put(row.getString(1), row.getLong(2));
                    }
                }
            }
            return ids;
        }

        private void linkScan(long scanId, Set<String> fingerprints, Map<String, Long> ids) throws SQLException {
            if (fingerprints.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO scan_finding (scan_id, finding_id) VALUES (?, ?)")) {
                for (String fingerprint : fingerprints) {
                    insert.setLong(1, scanId);
                    insert.setLong(2, ids.get(fingerprint));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private void insertAliases(List<Finding> findings, Map<String, Long> ids) throws SQLException {
            if (findings.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO finding_alias (finding_id, alias) VALUES (?, ?)")) {
                for (Finding finding : findings) {
                    Set<String> identifiers = new LinkedHashSet<>();
                    identifiers.add(normaliseIdentifier(finding.id()));
                    finding.aliases().forEach(alias -> identifiers.add(normaliseIdentifier(alias)));
                    for (String identifier : identifiers) {
                        if (identifier.length() <= 300) {
                            insert.setLong(1, ids.get(finding.fingerprint()));
                            insert.setString(2, identifier);
                            insert.addBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
        }

        private int fixMissing(Map<String, Stored> before, ToolScan scan) throws SQLException {
            List<Stored> gone = before.entrySet().stream()
                    .filter(entry -> !scan.findings.containsKey(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .filter(stored -> !FIXED.equals(stored.state))
                    .filter(stored -> scan.covers(stored.finding))
                    .toList();
            if (gone.isEmpty()) {
                return 0;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE finding SET state = 'FIXED', "
                    + "fixed_at = ?, fixed_recording_id = ? WHERE id = ?")) {
                for (Stored stored : gone) {
                    update.setTimestamp(1, now);
                    update.setLong(2, recordingId);
                    update.setLong(3, stored.id);
                    update.addBatch();
                    if (OPEN.equals(stored.state)) {
                        fixed.add(stored.finding);
                    }
                }
                update.executeBatch();
            }
            return (int) gone.stream().filter(stored -> OPEN.equals(stored.state)).count();
        }

        private void prune() throws SQLException {
            int removed = new Retention(connection, policy, serviceId).apply(recordingId, request.at());
            if (removed > 0) {
                log.info("Removed %d rows of history beyond the retention policy", removed);
            }
        }

        /**
         * Counts the service's open findings per severity, its suppressed ones and its SLA breaches in one grouped
         * query over the service's entries of the index on {@code (service_id, state, severity, first_seen)}.
         */
        private Counts count() throws SQLException {
            Map<Severity, Integer> open = new EnumMap<>(Severity.class);
            Map<Severity, Integer> breached = new EnumMap<>(Severity.class);
            int suppressed = 0;
            Map<Severity, Instant> limits = breachLimits();
            try (PreparedStatement select = connection.prepareStatement("SELECT state, severity, COUNT(*), "
                    + "SUM(CASE WHEN " + breachCondition(limits.size()) + " THEN 1 ELSE 0 END) FROM finding "
                    + "WHERE service_id = ? AND state IN ('OPEN', 'SUPPRESSED') GROUP BY state, severity")) {
                int index = 1;
                for (var limit : limits.entrySet()) {
                    select.setString(index++, limit.getKey().name());
                    select.setTimestamp(index++, Timestamp.from(limit.getValue()));
                }
                select.setLong(index, serviceId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Severity severity = Severity.valueOf(row.getString(2));
                        if (SUPPRESSED.equals(row.getString(1))) {
                            suppressed += row.getInt(3);
                        }
                        else {
                            open.put(severity, row.getInt(3));
                            breached.put(severity, row.getInt(4));
                        }
                    }
                }
            }
            return new Counts(SeverityCounts.of(open), suppressed, SeverityCounts.of(breached));
        }

        /** The limit of each severity that has one: an open finding first seen before it breaches its SLA. */
        private Map<Severity, Instant> breachLimits() {
            Map<Severity, Instant> limits = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                Instant limit = policy.sla().breachedBefore(severity, request.at());
                if (limit != null) {
                    limits.put(severity, limit);
                }
            }
            return limits;
        }

        private void finishRecording(SeverityCounts open, int suppressed, boolean scanned) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE recording SET new_count = ?, "
                    + "fixed_count = ?, open_count = ? WHERE id = ?")) {
                update.setInt(1, added.size());
                update.setInt(2, fixed.size());
                update.setInt(3, open.total());
                update.setLong(4, recordingId);
                update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE service SET last_recorded_at = ?, "
                    + "last_scanned_at = " + (scanned ? "?" : "last_scanned_at") + ", last_recording_id = ?, "
                    + "open_critical = ?, open_high = ?, open_medium = ?, open_low = ?, open_info = ?, "
                    + "open_unknown = ?, suppressed_count = ?"
                    + (scanned ? ", new_count = ?, fixed_count = ?" : "") + " WHERE id = ?")) {
                int index = 1;
                update.setTimestamp(index++, now);
                if (scanned) {
                    update.setTimestamp(index++, now);
                }
                update.setLong(index++, recordingId);
                for (Severity severity : Severity.values()) {
                    update.setInt(index++, open.get(severity));
                }
                update.setInt(index++, suppressed);
                if (scanned) {
                    update.setInt(index++, added.size());
                    update.setInt(index++, fixed.size());
                }
                update.setLong(index, serviceId);
                update.executeUpdate();
            }
        }
    }

    /**
     * Returns the condition that an open finding breaches its SLA, for {@code limits} pairs of parameters
     * (severity, first seen before), as {@code CatalogueQueries} counts them too.
     */
    public static String breachCondition(int limits) {
        if (limits == 0) {
            return "1 = 0";
        }
        return "state = 'OPEN' AND (" + String.join(" OR ",
                java.util.Collections.nCopies(limits, "(severity = ? AND first_seen < ?)")) + ")";
    }

    /** Identifiers are searched case-insensitively: they are stored upper-case. */
    public static String normaliseIdentifier(String identifier) {
        return identifier.strip().toUpperCase(Locale.ROOT);
    }

    private static long generatedId(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("The database returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    /** The service's counts after a recording. */
    private record Counts(SeverityCounts open, int suppressed, SeverityCounts breached) {
    }

    /** A finding as stored before this recording. */
    private record Stored(long id, String state, Finding finding) {
    }
}
