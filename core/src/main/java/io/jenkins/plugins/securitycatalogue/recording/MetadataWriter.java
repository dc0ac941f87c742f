package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a service's metadata with where each value came from. What the pipeline gives always wins: it replaces
 * the stored value, and a value the pipeline once gave is not replaced by one read from the repository later. Values
 * read from the repository fill the rest.
 */
final class MetadataWriter {
    private final Connection connection;
    private final long serviceId;
    private final Timestamp now;

    MetadataWriter(Connection connection, long serviceId, Instant now) {
        this.connection = connection;
        this.serviceId = serviceId;
        this.now = Timestamp.from(now);
    }

    /** Writes what the pipeline gave, then what was read and not given. */
    void write(ServiceMetadata given, @CheckForNull RepositoryFacts read, ReportLog log) throws SQLException {
        Map<MetadataField, String> pipeline = pipelineValues(given);
        for (var value : pipeline.entrySet()) {
            set(value.getKey(), value.getValue(), MetadataSource.PIPELINE, now);
        }
        if (read != null) {
            writeRead(pipeline, read, log);
        }
        writeLinks(given);
        touch();
    }

    private void writeRead(Map<MetadataField, String> pipeline, RepositoryFacts read, ReportLog log)
            throws SQLException {
        Map<MetadataField, MetadataSource> stored = storedSources();
        Timestamp readAt = Timestamp.from(read.readAt());
        for (var fact : read.values().entrySet()) {
            MetadataField field = fact.getKey();
            if (pipeline.containsKey(field) || stored.get(field) == MetadataSource.PIPELINE) {
                continue;
            }
            set(field, fact.getValue().value(), fact.getValue().source(), readAt);
        }
        RepositoryFacts.Value archived = read.values().get(MetadataField.ARCHIVED);
        if (archived != null && "true".equals(archived.value())) {
            log.warning("The repository is archived on GitHub; the service is flagged as archived");
        }
    }

    private static Map<MetadataField, String> pipelineValues(ServiceMetadata given) {
        Map<MetadataField, String> values = new EnumMap<>(MetadataField.class);
        putIfPresent(values, MetadataField.TEAM, given.team());
        putIfPresent(values, MetadataField.DESCRIPTION, given.description());
        putIfPresent(values, MetadataField.REPOSITORY, given.repository());
        putIfPresent(values, MetadataField.TIER, given.tier());
        return values;
    }

    private static void putIfPresent(Map<MetadataField, String> values, MetadataField field,
            @CheckForNull String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    private Map<MetadataField, MetadataSource> storedSources() throws SQLException {
        Map<MetadataField, MetadataSource> sources = new EnumMap<>(MetadataField.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT field_name, source FROM service_metadata_source WHERE service_id = ?")) {
            select.setLong(1, serviceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sources.put(MetadataField.valueOf(row.getString(1)), MetadataSource.valueOf(row.getString(2)));
                }
            }
        }
        return sources;
    }

    private void set(MetadataField field, @CheckForNull String value, MetadataSource source, Timestamp at)
            throws SQLException {
        boolean team = field == MetadataField.TEAM;
        try (PreparedStatement update = connection.prepareStatement("UPDATE service SET " + field.column()
                + (team ? " = ?, team_key = ?" : " = ?") + " WHERE id = ?")) {
            int index = 1;
            if (field == MetadataField.ARCHIVED) {
                update.setBoolean(index++, "true".equals(value));
            }
            else {
                update.setString(index++, value);
            }
            if (team) {
                update.setString(index++, value == null ? null : value.toLowerCase(java.util.Locale.ROOT));
            }
            update.setLong(index, serviceId);
            update.executeUpdate();
        }
        recordSource(field, source, at);
    }

    private void recordSource(MetadataField field, MetadataSource source, Timestamp at) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM service_metadata_source WHERE service_id = ? AND field_name = ?")) {
            delete.setLong(1, serviceId);
            delete.setString(2, field.name());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO service_metadata_source "
                + "(service_id, field_name, source, read_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, serviceId);
            insert.setString(2, field.name());
            insert.setString(3, source.name());
            insert.setTimestamp(4, at);
            insert.executeUpdate();
        }
    }

    private void writeLinks(ServiceMetadata given) throws SQLException {
        for (var link : new TreeMap<>(given.links()).entrySet()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM service_link WHERE service_id = ? AND link_name = ?")) {
                delete.setLong(1, serviceId);
                delete.setString(2, link.getKey());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO service_link (service_id, link_name, url) VALUES (?, ?, ?)")) {
                insert.setLong(1, serviceId);
                insert.setString(2, link.getKey());
                insert.setString(3, link.getValue());
                insert.executeUpdate();
            }
        }
    }

    private void touch() throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE service SET updated_at = ? WHERE id = ?")) {
            update.setTimestamp(1, now);
            update.setLong(2, serviceId);
            update.executeUpdate();
        }
    }
}
