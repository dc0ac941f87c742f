package io.jenkins.plugins.securitycatalogue.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Brings a database to the newest schema by running, in order and each in its own transaction, the migration
 * scripts it has not run yet. The scripts are plain portable SQL named {@code V<n>__<what>.sql}; once released a
 * script is never edited, a change is a new script.
 */
final class Migrations {
    private static final Logger LOGGER = Logger.getLogger(Migrations.class.getName());

    /** Every migration, oldest first. */
    static final List<String> SCRIPTS = List.of("V1__catalogue.sql", "V2__incidents.sql",
            "V3__service_metadata_sources.sql");

    private Migrations() {
    }

    /** Returns the newest schema version the code knows. */
    static int latest() {
        return SCRIPTS.size();
    }

    /** Runs what is missing; returns the schema version the database has afterwards. */
    static int migrate(Connection connection) throws SQLException {
        createHistory(connection);
        int current = current(connection);
        if (current > latest()) {
            throw new SQLException("The catalogue database has schema version " + current
                    + ", newer than this version of the catalogue knows (" + latest() + "); upgrade the software");
        }
        for (int version = current + 1; version <= latest(); version++) {
            apply(connection, version, SCRIPTS.get(version - 1));
        }
        return latest();
    }

    private static void createHistory(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS catalogue_schema ("
                    + "version INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT MAX(version) FROM catalogue_schema")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        LOGGER.info(() -> "Migrating the catalogue database to schema version " + version + " (" + script + ")");
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(read(script))) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO catalogue_schema (version, script, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            connection.commit();
        }
        catch (SQLException exception) {
            connection.rollback();
            throw new SQLException("Migration " + script + " failed: " + exception.getMessage(), exception);
        }
        finally {
            connection.setAutoCommit(true);
        }
    }

    private static String read(String script) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("migration/" + script)) {
            if (in == null) {
                throw new SQLException("Migration script " + script + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new SQLException("Migration script " + script + " cannot be read", exception);
        }
    }

    /** Splits a script into statements at semicolons that end a line; drops {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        var current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
