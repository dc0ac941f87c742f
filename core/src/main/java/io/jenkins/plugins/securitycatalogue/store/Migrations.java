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
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database to the newest schema by running, in order and each in its own transaction, the migration
 * scripts it has not run yet. The scripts are plain portable SQL named {@code V<n>__<what>.sql}; once released a
 * script is never edited, a change is a new script.
 *
 * <p>Versions may have gaps, and a script is run when its own version is missing from the history, not only
 * when it is newer than the newest one: branches that add scripts in parallel can be merged in any order. Two
 * catalogues opening one new database at once are safe: the loser of the race rolls back and finds the script
 * applied by the winner.
 */
final class Migrations {
    private static final Logger LOGGER = Logger.getLogger(Migrations.class.getName());
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    /** Every migration, oldest first. */
    static final List<String> SCRIPTS = List.of("V1__catalogue.sql", "V2__incidents.sql",
            "V3__service_metadata_sources.sql", "V4__query_keys_and_indexes.sql");

    private Migrations() {
    }

    /** Returns the newest schema version the code knows. */
    static int latest() {
        return version(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /** Returns the version in a script's name. */
    static int version(String script) {
        Matcher matcher = NAME.matcher(script);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Migration script name " + script + " is not V<n>__<what>.sql");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Runs what is missing; returns the schema version the database has afterwards. */
    static int migrate(Connection connection) throws SQLException {
        return migrate(connection, latest());
    }

    /**
     * Runs the missing scripts up to and including a version; used by tests that build an older schema.
     *
     * @return the newest version applied afterwards
     */
    static int migrate(Connection connection, int target) throws SQLException {
        createHistory(connection);
        TreeSet<Integer> applied = applied(connection);
        int newest = applied.isEmpty() ? 0 : applied.last();
        if (newest > latest()) {
            throw new SQLException("The catalogue database has schema version " + newest
                    + ", newer than this version of the catalogue knows (" + latest() + "); upgrade the software");
        }
        for (String script : SCRIPTS) {
            int version = version(script);
            if (version <= target && !applied.contains(version)) {
                apply(connection, version, script);
            }
        }
        return Math.max(target, newest);
    }

    private static void createHistory(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS catalogue_schema ("
                    + "version INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        catch (SQLException exception) {
            // Another catalogue created it at the same moment (PostgreSQL's IF NOT EXISTS is not race-free).
            if (!exists(connection)) {
                throw exception;
            }
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet ignored = statement.executeQuery("SELECT COUNT(*) FROM catalogue_schema")) {
            return true;
        }
        catch (SQLException exception) {
            return false;
        }
    }

    private static TreeSet<Integer> applied(Connection connection) throws SQLException {
        TreeSet<Integer> versions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version FROM catalogue_schema")) {
            while (result.next()) {
                versions.add(result.getInt(1));
            }
        }
        return versions;
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        LOGGER.info(() -> "Migrating the catalogue database to schema version " + version + " (" + script + ")");
        connection.setAutoCommit(false);
        try {
            run(connection, version, script);
            connection.commit();
        }
        catch (SQLException exception) {
            connection.rollback();
            if (applied(connection).contains(version)) {
                LOGGER.info(() -> "Another catalogue applied " + script + " at the same time");
                return;
            }
            throw new SQLException("Migration " + script + " failed: " + exception.getMessage(),
                    exception.getSQLState(), exception);
        }
        finally {
            connection.setAutoCommit(true);
        }
    }

    private static void run(Connection connection, int version, String script) throws SQLException {
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
